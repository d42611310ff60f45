// A small badge by the composer, in our own host (never in the editor): how many issues the draft
// has, that it has none, or that Clearline is paused. For users who never pinned the toolbar icon.
// Click: the list. It is there for every composer in use, always the same size at the same place
// (the composer's top right corner), so its box says nothing about the draft; only its text does,
// which the page cannot read.
import type { OverlayBox, OverlayMarker, OverlaySource } from './overlay';
import type { Session } from './session';

export const INDICATOR_SIZE = 24;

export class Indicator implements OverlaySource {
  constructor(
    private session: Session,
    /** The user pressed it: the list of findings (or, with none, say so). */
    private openList: (session: Session) => void,
  ) {}

  boxes(): OverlayBox[] {
    return [];
  }

  markers(): OverlayMarker[] {
    const s = this.session;
    if (s.disposed || !s.root.isConnected) return [];
    const box = s.root.getBoundingClientRect();
    if (!box.width || !box.height) return [];
    const count = s.findings.length;
    // The composer's top right corner, just outside its text: clear of the caret and the + marker.
    const x = Math.min(box.right - INDICATOR_SIZE - 2, window.innerWidth - INDICATOR_SIZE - 4);
    const y = Math.max(2, box.top - INDICATOR_SIZE / 2);
    const state = s.paused ? 'paused' : count ? 'count' : s.checked ? 'clear' : 'pending';
    const TEXT = { paused: 'II', count: String(Math.min(count, 99)), clear: '✓', pending: '' };
    const LABEL = {
      paused: 'Clearline is paused',
      count: `Clearline: ${count} ${count === 1 ? 'issue' : 'issues'} in this draft. Show them`,
      clear: s.error ? `Clearline could not check this draft: ${s.error}` : 'Clearline: no issues in this draft',
      pending: 'Clearline is checking this draft',
    };
    return [
      {
        key: `indicator:${s.id}`,
        x,
        y,
        text: s.error && !count && !s.paused ? '!' : TEXT[state],
        className: state === 'count' ? 'indicator' : `indicator ${state === 'pending' ? 'clear' : state}`,
        label: LABEL[state],
        active: false,
        onActivate: () => this.openList(s),
      },
    ];
  }
}
