// `npm test`: type check, unit tests, production builds for Chrome and Firefox, web-ext lint of
// the Firefox build, the test build (CLEARLINE_TEST_HOOKS=1 → .output-test/, which the end-to-end
// tests drive), then the end-to-end tests in Chromium (they include a search of the production
// bundles for test hooks). Ends with "N passed, N failed" (unit + e2e) and exits non-zero when any
// step fails.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, run } from './ensure-env.mjs';

const CACHE = path.join(ROOT, '.cache');
mkdirSync(CACHE, { recursive: true });
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const failures = [];
const step = (name, fn) => {
  console.log(`\n» ${name}`);
  const t = Date.now();
  let ok = false;
  try {
    ok = fn();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
  }
  console.log(`» ${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
};
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

ensureDependencies();

step('type check (tsc --noEmit)', () => run(bin('tsc'), ['--noEmit']) === 0);

const unitJson = path.join(CACHE, 'vitest.json');
rmSync(unitJson, { force: true });
step('unit tests (vitest)', () => run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`]) === 0);

// Never let a test-hook setting from the caller's shell leak into the production builds.
const production = { env: { ...process.env, CLEARLINE_TEST_HOOKS: '' } };
const builtProduction = step('build for Chrome (wxt build)', () => run(bin('wxt'), ['build'], production) === 0);
step('build for Firefox (wxt build -b firefox)', () => run(bin('wxt'), ['build', '-b', 'firefox'], production) === 0);
step('web-ext lint of the Firefox build: 0 errors', () => {
  const out = path.join(CACHE, 'web-ext-lint.json');
  run('sh', ['-c', `"${bin('web-ext')}" lint --source-dir .output/firefox-mv3 --no-config-discovery --output json > "${out}"`]);
  const report = readJson(out);
  if (!report) return false;
  for (const e of report.errors ?? []) console.error(`  error ${e.code}: ${e.message} (${e.file ?? ''})`);
  console.log(`  ${report.summary?.errors ?? '?'} errors, ${report.summary?.warnings ?? '?'} warnings, ${report.summary?.notices ?? '?'} notices`);
  return report.summary?.errors === 0;
});

const builtTest = step('test build for Chrome (CLEARLINE_TEST_HOOKS=1 wxt build → .output-test)', () =>
  run(bin('wxt'), ['build'], { env: { ...process.env, CLEARLINE_TEST_HOOKS: '1' } }) === 0,
);
const built = builtProduction && builtTest;

const e2eJson = path.join(CACHE, 'e2e.json');
rmSync(e2eJson, { force: true });
if (built) {
  step('end-to-end tests (Playwright, Chromium)', () => {
    ensureChromium();
    return run(bin('playwright'), ['test'], { env: { ...process.env, CLEARLINE_E2E_JSON: e2eJson } }) === 0;
  });
} else {
  failures.push('end-to-end tests (skipped: no build)');
}

const unit = readJson(unitJson);
const e2e = readJson(e2eJson);
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const e2eFailed = e2e ? e2e.stats.unexpected : 1;
console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed; e2e: ${e2ePassed} passed, ${e2eFailed} failed${e2e?.stats?.skipped ? `, ${e2e.stats.skipped} skipped` : ''}`);
if (failures.length) console.log(`failed steps: ${failures.join('; ')}`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed} failed`);
process.exit(failures.length ? 1 : 0);
