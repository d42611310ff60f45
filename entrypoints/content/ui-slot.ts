// The contract between the two halves of the content script, which are separate bundles sharing one
// isolated world: the page-load script (../composer-watch.ts, tiny, runs on every supported page) and the UI
// (composer-ui.ts: sessions, highlights, card, accept), which the background injects into the frame
// the first time a composer there is used. They meet in a global slot, not through module imports.
import type { ApplyResponse, ContentRequest, GetFindingsResponse } from '@/lib/messages';
import type { Lifetime } from './lifetime';

export interface ComposerUi {
  /** True when this frame's UI has the composer the popup request is about. */
  owns(req: ContentRequest): boolean;
  /** Answer a popup request (no composer / finding gone when it is not ours after all). */
  answer(req: ContentRequest): Promise<GetFindingsResponse | ApplyResponse>;
}

export interface UiSlot {
  life: Lifetime;
  ui?: ComposerUi;
  /** Why the UI failed to start, when it did. */
  error?: string;
}

const KEY = Symbol.for('clearline.ui');
const g = globalThis as unknown as Record<symbol, UiSlot | undefined>;

export const uiSlot = (): UiSlot | undefined => g[KEY];
export const openUiSlot = (life: Lifetime): UiSlot => (g[KEY] = { life });
