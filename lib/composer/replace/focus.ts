// An insertion goes wherever focus is. A page that moves focus away as soon as ours lands (a 'focus'
// handler on the composer) would receive the rewrite in another field, so every strategy makes sure
// focus is inside the composer right before it inserts or undoes, and gives up when it is not.

/** The page took focus away from the composer: nothing was inserted. */
export class FocusLostError extends Error {
  constructor() {
    super('focus left the composer');
  }
}

/** Focus is on `root` or inside it (read in its own tree: in a shadow root the document sees the host). */
export function focusInside(root: HTMLElement): boolean {
  const scope = root.getRootNode() as Document | ShadowRoot;
  const active = scope.activeElement;
  return !!active && (active === root || root.contains(active));
}

/** Focus `root` (without scrolling) unless focus is in it already; throws when focus does not stay. */
export function ensureFocus(root: HTMLElement): void {
  if (!focusInside(root)) root.focus({ preventScroll: true });
  if (!focusInside(root)) throw new FocusLostError();
}
