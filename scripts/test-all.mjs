// `npm test`: type check, unit tests, production builds for Chrome and Firefox, web-ext lint of
// the Firefox build, the test builds (CLEARLINE_TEST_HOOKS=1 → .output-test/, which the end-to-end
// tests drive), then the end-to-end tests in Chromium (Playwright; they include a search of the
// production bundles for test hooks) and the cross-browser flows in Firefox (puppeteer-core over
// WebDriver BiDi). Ends with "N passed, N failed" (unit + both browsers' end-to-end tests) and exits
// non-zero when any step fails.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT, ensureChromium, ensureDependencies, ensureFirefox, run } from './ensure-env.mjs';

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
const testHooks = { env: { ...process.env, CLEARLINE_TEST_HOOKS: '1' } };
const builtProduction = step('build for Chrome (wxt build)', () => run(bin('wxt'), ['build'], production) === 0);
const builtFirefoxProduction = step('build for Firefox (wxt build -b firefox)', () => run(bin('wxt'), ['build', '-b', 'firefox'], production) === 0);
step('web-ext lint of the Firefox build: 0 errors', () => {
  const out = path.join(CACHE, 'web-ext-lint.json');
  run('sh', ['-c', `"${bin('web-ext')}" lint --source-dir .output/firefox-mv3 --no-config-discovery --output json > "${out}"`]);
  const report = readJson(out);
  if (!report) return false;
  for (const e of report.errors ?? []) console.error(`  error ${e.code}: ${e.message} (${e.file ?? ''})`);
  console.log(`  ${report.summary?.errors ?? '?'} errors, ${report.summary?.warnings ?? '?'} warnings, ${report.summary?.notices ?? '?'} notices`);
  return report.summary?.errors === 0;
});

const builtTest = step('test build for Chrome (CLEARLINE_TEST_HOOKS=1 wxt build → .output-test)', () => run(bin('wxt'), ['build'], testHooks) === 0);
const builtFirefoxTest = step('test build for Firefox (CLEARLINE_TEST_HOOKS=1 wxt build -b firefox → .output-test)', () => run(bin('wxt'), ['build', '-b', 'firefox'], testHooks) === 0);
const built = builtProduction && builtTest;
const builtFirefox = builtFirefoxProduction && builtFirefoxTest;

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

// node's test runner: a readable report on stdout, TAP in a file for the counts.
const firefoxTap = path.join(CACHE, 'e2e-firefox.tap');
rmSync(firefoxTap, { force: true });
if (builtFirefox) {
  step('end-to-end flows in Firefox (puppeteer-core, WebDriver BiDi)', () => {
    ensureFirefox();
    const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${firefoxTap}`, 'tests/e2e-firefox/run.ts'];
    return run(process.execPath, args, { env: { ...process.env, CLEARLINE_FIREFOX_EXTENSION: path.join(ROOT, '.output-test', 'firefox-mv3') } }) === 0;
  });
} else {
  failures.push('end-to-end flows in Firefox (skipped: no build)');
}
const tapCount = (name) => {
  if (!existsSync(firefoxTap)) return null;
  const m = new RegExp(`^# ${name} (\\d+)$`, 'm').exec(readFileSync(firefoxTap, 'utf8'));
  return m ? Number(m[1]) : null;
};
const firefoxPassed = tapCount('pass') ?? 0;
const firefoxFailed = tapCount('fail') ?? 1;

const unit = readJson(unitJson);
const e2e = readJson(e2eJson);
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
const e2eFailed = e2e ? e2e.stats.unexpected : 1;
console.log(`\nunit: ${unitPassed} passed, ${unitFailed} failed; e2e Chromium: ${e2ePassed} passed, ${e2eFailed} failed${e2e?.stats?.skipped ? `, ${e2e.stats.skipped} skipped` : ''}; e2e Firefox: ${firefoxPassed} passed, ${firefoxFailed} failed`);
if (failures.length) console.log(`failed steps: ${failures.join('; ')}`);
console.log(`${unitPassed + e2ePassed + firefoxPassed} passed, ${unitFailed + e2eFailed + firefoxFailed} failed`);
process.exit(failures.length ? 1 : 0);
