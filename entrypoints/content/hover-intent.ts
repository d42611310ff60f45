// Hover opens a card only when the pointer rests on flagged words (a sweep across the draft on the
// way somewhere else opens nothing), and never right after a click to edit: the pointer must move away first.

/** How long the pointer must rest on the same words. */
export const HOVER_DELAY_MS = 400;
/** Movement below this (px) still counts as resting. */
const REST_PX = 6;

export class HoverIntent<T extends { key: string }> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pending: { key: string; x: number; y: number } | null = null;
  private quietAt: { x: number; y: number } | null = null;

  constructor(private open: (hit: T) => void) {}

  /** The pointer is at (x, y) over `hit` (or over no flagged words). */
  move(x: number, y: number, hit: T | null): void {
    if (this.quietAt) {
      if (Math.hypot(x - this.quietAt.x, y - this.quietAt.y) < REST_PX * 2) return;
      this.quietAt = null;
    }
    if (!hit) return this.cancel();
    const p = this.pending;
    if (p && p.key === hit.key && Math.hypot(x - p.x, y - p.y) < REST_PX) return;
    this.cancel();
    this.pending = { key: hit.key, x, y };
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pending = null;
      this.open(hit);
    }, HOVER_DELAY_MS);
  }

  /** A click (to edit) at (x, y): nothing opens until the pointer moves away from there. */
  quiet(x: number, y: number): void {
    this.cancel();
    this.quietAt = { x, y };
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
  }
}
