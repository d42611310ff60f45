// Hosts the content script runs on out of the box. wxt.config.ts keeps its own copy for the
// manifest (config code cannot be imported into runtime code); keep the two lists identical.
export const SITE_MATCHES = [
  'https://mail.google.com/*',
  'https://www.linkedin.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office365.com/*',
] as const;
