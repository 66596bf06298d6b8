#!/usr/bin/env node
// Runs every test: the unit tests in node, then the browser tests in headless Chromium.
// Where no Chromium is found the browser tests are skipped with a plain message, except under
// CI=true, where a missing browser fails the run.
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';
const haveChrome = existsSync(chrome);
const projects = ['unit'];

if (haveChrome) {
  projects.push('browser');
} else if (ci) {
  console.error(`No Chromium at ${chrome}: browser tests cannot run, and under CI=true that is a failure.`);
  console.error('Install it with: apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH).');
  process.exit(1);
} else {
  console.warn(`\n*** No Chromium at ${chrome}: the browser tests are SKIPPED. ***`);
  console.warn('*** Install it with: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH). ***\n');
}

mkdirSync('test-results', { recursive: true });
const args = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', '--outputFile.json=test-results/results.json', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } });

try {
  const results = JSON.parse(readFileSync('test-results/results.json', 'utf8'));
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
  if (!haveChrome) console.log('(browser tests skipped: no Chromium)');
} catch {
  console.log('\ntests: no results were written');
}
process.exit(run.status ?? 1);
