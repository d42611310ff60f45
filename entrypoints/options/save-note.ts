// Where the "Saved" note goes: under the right end of the row the user just changed (the header
// scrolls out of view on a long page), in page coordinates so it stays with that row while scrolling.
export interface NotePlace {
  top: number;
  /** The note's right edge. */
  right: number;
}

/** The note's height in CSS pixels (one line of 13 px text with padding and border). */
const NOTE_HEIGHT = 26;

const ROW = '.rule, .pack-row, .field, fieldset, .site-row, .custom-item, .actions, .add-site';

/** Under the changed control's row; null without a control (the note then stays in the header). */
export function placeNear(el: Element | null): NotePlace | null {
  if (!el || el === document.body || !(el instanceof HTMLElement) || !el.isConnected) return null;
  const row = el.closest(ROW) ?? el;
  const r = row.getBoundingClientRect();
  if (!r.width && !r.height) return null;
  // Under the row, or above it when the row sits at the bottom of the window.
  const top = r.bottom + NOTE_HEIGHT + 2 > innerHeight ? r.top - NOTE_HEIGHT - 2 : r.bottom + 2;
  return { top: top + scrollY, right: Math.min(r.right, document.documentElement.clientWidth - 4) + scrollX };
}

/** How long the note stays beside the control before going back to the header. */
export const NOTE_MS = 6000;
