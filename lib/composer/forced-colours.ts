// Forced colours (Windows High Contrast and the like) paint every custom highlight as selected text,
// so the three severities would look alike and like a selection. There, spans are drawn as overlay
// boxes in our host instead, whose underline styles and system colours stay distinct.
import { highlightsSupported } from './highlights';

const QUERY = '(forced-colors: active)';

export function forcedColours(): boolean {
  return typeof matchMedia === 'function' && matchMedia(QUERY).matches;
}

/** Paint spans with the CSS Custom Highlight API (else: overlay boxes). */
export function paintsWithHighlights(): boolean {
  return highlightsSupported() && !forcedColours();
}

/** Call `changed` when forced colours switch on or off (the user changes the system theme). */
export function onForcedColoursChange(changed: () => void, signal?: AbortSignal): void {
  if (typeof matchMedia !== 'function') return;
  matchMedia(QUERY).addEventListener('change', changed, { signal });
}
