// Which composers the user is really using. Only trusted input counts: a page can dispatch synthetic
// events (isTrusted false), and a page script's element.focus() fires a *trusted* focus of its own,
// so a focus counts only right after a trusted key or pointer press. Shared by the page-load script
// and the UI script (separate bundles in one isolated world) through a global slot.

/** A focus this soon after a trusted press is the user's (a click on Reply, a Tab, a shortcut). */
const GESTURE_MS = 1000;

export type UseKind = 'press' | 'focus';

export class UserUse {
  private lastPress = -Infinity;
  /** The composer that press was in, if any, and whether it was Tab (which moves focus on purpose). */
  private lastPressIn: HTMLElement | null = null;
  private lastPressTab = false;
  private used = new WeakSet<HTMLElement>();
  private listeners = new Set<(root: HTMLElement, kind: UseKind) => void>();
  /** The composer the user last pressed a key or the pointer in: the popup and badge speak about it. */
  last: HTMLElement | null = null;

  /** A trusted key or pointer press, anywhere in this frame; `root` is the composer it was in. */
  pressed(root: HTMLElement | null, tab: boolean): void {
    this.lastPress = performance.now();
    this.lastPressIn = root;
    this.lastPressTab = tab;
  }

  /**
   * Did the user just move focus to `root`? Right after a press outside any composer (a click on
   * Reply, a shortcut) or a Tab, yes; but while the user types or clicks in another composer, focus
   * jumping elsewhere is the page's doing.
   */
  private movedByUser(root: HTMLElement): boolean {
    if (performance.now() - this.lastPress >= GESTURE_MS) return false;
    return this.lastPressIn === null || this.lastPressIn === root || this.lastPressTab;
  }

  has(root: HTMLElement): boolean {
    return this.used.has(root);
  }

  /** The user pressed in `root` ('press'), or focus reached it: counted only when the user moved it there. */
  use(root: HTMLElement, kind: UseKind): boolean {
    if (kind === 'focus' && !this.used.has(root) && !this.movedByUser(root)) return false;
    this.used.add(root);
    if (kind === 'press') this.last = root;
    for (const fn of this.listeners) fn(root, kind);
    return true;
  }

  onUse(fn: (root: HTMLElement, kind: UseKind) => void, signal?: AbortSignal): void {
    this.listeners.add(fn);
    signal?.addEventListener('abort', () => this.listeners.delete(fn), { once: true });
  }
}

const SLOT = Symbol.for('clearline.user-use');
const g = globalThis as unknown as Record<symbol, UserUse | undefined>;

export function userUse(): UserUse {
  return (g[SLOT] ??= new UserUse());
}

/**
 * Record trusted key and pointer presses in this frame (capture, before the page can stop them);
 * `composerOf` names the composer an event happened in, if any.
 */
export function watchPresses(use: UserUse, composerOf: (e: Event) => HTMLElement | null, signal: AbortSignal): void {
  const onPress = (e: Event) => {
    if (!e.isTrusted) return;
    const root = composerOf(e);
    use.pressed(root, (e as KeyboardEvent).key === 'Tab');
    if (root) use.use(root, 'press');
  };
  window.addEventListener('pointerdown', onPress, { capture: true, signal });
  window.addEventListener('keydown', onPress, { capture: true, signal });
}
