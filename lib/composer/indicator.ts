// A small badge by the composer, in our own host (never in the editor): how many issues the draft
// has, or that Clearline is paused. For users who never pinned the toolbar icon. Click: the list.
import type { OverlayBox, OverlayMarker, OverlaySource } from './overlay';
import type { Session } from './session';

export const INDICATOR_SIZE = 24;

export class Indicator implements OverlaySource {
  constructor(
    private session: Session,
    private openList: (session: Session) => void,
  ) {}

  boxes(): OverlayBox[] {
    return [];
  }

  markers(): OverlayMarker[] {
    const s = this.session;
    if (s.disposed || !s.root.isConnected) return [];
    const count = s.findings.length;
    if (!count && !s.paused) return [];
    const box = s.root.getBoundingClientRect();
    if (!box.width || !box.height) return [];
    // The composer's top right corner, just outside its text: clear of the caret and the + marker.
    const x = Math.min(box.right - INDICATOR_SIZE - 2, window.innerWidth - INDICATOR_SIZE - 4);
    const y = Math.max(2, box.top - INDICATOR_SIZE / 2);
    return [
      {
        key: `indicator:${s.id}`,
        x,
        y,
        text: s.paused ? 'II' : String(Math.min(count, 99)),
        className: s.paused ? 'indicator paused' : 'indicator',
        label: s.paused ? 'Clearline is paused' : `Clearline: ${count} ${count === 1 ? 'issue' : 'issues'} in this draft. Show them`,
        active: false,
        onActivate: () => {
          if (!s.paused && count) this.openList(s);
        },
      },
    ];
  }
}
