// `npx cem analyze` (npm run build:lib): the manifest of every element, from its doc header.
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts'],
  outdir: 'dist-lib',
  litelement: true,
};
