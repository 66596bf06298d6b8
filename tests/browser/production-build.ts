/**
 * Builds as users get them. Vitest sets NODE_ENV to `test`, and Vite then resolves packages'
 * `development` exports (Lit's dev mode, with its checks and warnings); the browser tests should
 * run the production code.
 */
import { build, type InlineConfig } from 'vite';

export async function productionBuild(config: InlineConfig): Promise<void> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', ...config });
  } finally {
    process.env.NODE_ENV = before;
  }
}
