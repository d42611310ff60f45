// Content script for Gmail, LinkedIn and Outlook (and sites the user adds): finds composers and
// shows Clearline's highlights and card. Analysis runs in the background; the engine is never loaded here.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startClearline } from './app';

export default defineContentScript({
  // Keep in step with lib/composer/sites/matches.ts and SITE_MATCHES in wxt.config.ts.
  matches: [
    'https://mail.google.com/*',
    'https://www.linkedin.com/*',
    'https://outlook.office.com/*',
    'https://outlook.live.com/*',
    'https://outlook.office365.com/*',
  ],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // The background may inject us again into a tab that already runs us (user-added sites).
    const flag = Symbol.for('clearline.content.started');
    const g = globalThis as Record<symbol, unknown>;
    if (g[flag]) return;
    g[flag] = true;
    startClearline(ctx);
  },
});
