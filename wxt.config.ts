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

export default defineConfig({
  manifestVersion: 3,
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
