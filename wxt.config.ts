import { defineConfig } from 'wxt';

// Hosts Clearline runs on out of the box. Anything else is added by the user at run time
// (optional host permission + a dynamically registered content script).
export const SITE_MATCHES = [
  'https://mail.google.com/*',
  'https://www.linkedin.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office365.com/*',
];

// Test hooks (data-clearline-* on our host, an open shadow root for Playwright) exist only in the
// test build: CLEARLINE_TEST_HOOKS=1 builds it into .output-test/, so .output/ is always what ships.
// Both browsers read the same flag (wxt build -b firefox goes through this config too).
const TEST_HOOKS = process.env.CLEARLINE_TEST_HOOKS === '1';

export default defineConfig({
  manifestVersion: 3,
  outDir: TEST_HOOKS ? '.output-test' : '.output',
  vite: () => ({ define: { __CLEARLINE_TEST_HOOKS__: JSON.stringify(TEST_HOOKS) } }),
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Clearline',
    description:
      'Keeps professional boundaries in client replies: flags wording that gives them away and offers professional rewrites. Nothing leaves your device.',
    // storage: settings. scripting: content script for sites the user adds. activeTab: the popup reads
    // the active tab's address to offer "Enable on this site" without broad host access.
    permissions: ['storage', 'scripting', 'activeTab'],
    host_permissions: SITE_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Clearline' },
    // The page-load script (entrypoints/composer-watch.ts), declared here rather than as a WXT
    // content script so WXT's page-visible context never runs (see entrypoints/content/lifetime.ts).
    content_scripts: [{ matches: SITE_MATCHES, js: ['composer-watch.js'], run_at: 'document_idle', all_frames: true }],
    // Extension pages and the background fetch nothing: say so, so the browser enforces it.
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'clearline@clearline.invalid',
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
  zip: { excludeSources: ['tests/**', '.ci/**', 'scripts/**', 'test-results/**'] },
});
