import { defineConfig } from '@playwright/test';

// Every e2e test launches the test build (.output-test/chrome-mv3: production code plus test hooks) in
// Debian's Chromium; tests/e2e/security.spec.ts also loads the production build (.output/chrome-mv3).
export default defineConfig({
  testDir: './tests/e2e',
  // Bundles the real-editor fixture pages (tests/fixtures/editors) before the run.
  globalSetup: './tests/e2e/editors/global-setup.ts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CLEARLINE_E2E_JSON
    ? [['list'], ['json', { outputFile: process.env.CLEARLINE_E2E_JSON }]]
    : 'list',
});
