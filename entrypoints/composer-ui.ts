// The content script's UI half: injected by the background (scripting.executeScript) into a frame
// whose page-load script saw a composer in use. Shares the isolated world with that script and
// picks up its lifetime from the slot it left (see entrypoints/content/ui-slot.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startClearline } from './content/app';
import { uiSlot } from './content/ui-slot';

export default defineUnlistedScript(() => {
  const slot = uiSlot();
  // Injected twice (two focus events racing), or into a frame without the page-load script: nothing to do.
  if (!slot || slot.ui || slot.life.isInvalid) return;
  try {
    slot.ui = startClearline(slot.life);
  } catch (e) {
    // Reported by the page-load script, which asked for us (production builds log nothing here).
    slot.error = e instanceof Error ? e.message : String(e);
  }
});
