// The one polite live region for everything Clearline says to screen readers (card, Apply, Undo,
// Insert, counts, "No issues"). Each message replaces the last and is announced even when repeated.
import type { Host } from '@/lib/composer/host';

export class Announcer {
  private region: HTMLElement | null = null;
  private frame = 0;

  constructor(private host: Host) {}

  /** What the region holds now came from the card (its description), not from an action. */
  private fromCard = false;

  say(text: string, fromCard = false): void {
    this.fromCard = fromCard;
    const region = this.ensure();
    // Empty first, then write on the next frame: a screen reader reads the new text as new, even
    // when it is the same words as before, and never a mix of old and new.
    region.textContent = '';
    cancelAnimationFrame(this.frame);
    const clean = text.replace(/\s+/g, ' ').replace(/([.!?])\.+/g, '$1').trim();
    this.frame = requestAnimationFrame(() => (region.textContent = clean));
  }

  /**
   * The card closed: a description of it still in the region goes, so a screen reader browsing the
   * page later never reads a card that is no longer there. What an action said (Apply, Ignore) stays.
   */
  cardClosed(): void {
    if (!this.fromCard || !this.region) return;
    cancelAnimationFrame(this.frame);
    this.region.textContent = '';
    this.fromCard = false;
  }

  private ensure(): HTMLElement {
    if (this.region?.isConnected) return this.region;
    const el = this.host.shadow.ownerDocument.createElement('div');
    el.className = 'live';
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('role', 'status');
    el.setAttribute('style', 'position:fixed;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;pointer-events:none');
    this.host.shadow.append(el);
    this.region = el;
    return el;
  }
}
