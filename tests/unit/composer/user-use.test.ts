// @vitest-environment happy-dom
// Only the user makes a composer "in use": trusted presses in it, or focus the user moved there.
import { describe, expect, test, vi } from 'vitest';
import { UserUse, watchPresses } from '../../../lib/composer/user-use';

function twoComposers() {
  document.body.innerHTML = '<div id="a" contenteditable="true">A</div><div id="b" contenteditable="true">B</div><button id="reply">Reply</button>';
  return [document.getElementById('a')!, document.getElementById('b')!] as const;
}

describe('UserUse', () => {
  test('a focus no press led to (a page script calling focus()) is not use', () => {
    const [a] = twoComposers();
    const use = new UserUse();
    expect(use.use(a, 'focus')).toBe(false);
    expect(use.has(a)).toBe(false);
  });

  test('a focus right after a press outside any composer (a click on Reply) is use, but not the active composer', () => {
    const [a] = twoComposers();
    const use = new UserUse();
    use.pressed(null, false);
    expect(use.use(a, 'focus')).toBe(true);
    expect(use.last).toBeNull();
    use.use(a, 'press');
    expect(use.last).toBe(a);
  });

  test('focus jumping to another composer while the user types in one is the page, not the user; Tab is the user', () => {
    const [a, b] = twoComposers();
    const use = new UserUse();
    use.pressed(a, false);
    use.use(a, 'press');
    expect(use.use(b, 'focus')).toBe(false);
    use.pressed(a, true);
    expect(use.use(b, 'focus')).toBe(true);
    expect(use.last).toBe(a);
  });

  test('a press long ago does not make a later focus the user’s', () => {
    const [a] = twoComposers();
    const use = new UserUse();
    const now = vi.spyOn(performance, 'now').mockReturnValue(1_000);
    use.pressed(null, false);
    now.mockReturnValue(3_000);
    expect(use.use(a, 'focus')).toBe(false);
  });

  test('synthetic key and pointer events are ignored', () => {
    const [a] = twoComposers();
    const use = new UserUse();
    const seen: HTMLElement[] = [];
    use.onUse((root) => seen.push(root));
    const stop = new AbortController();
    watchPresses(use, (e) => (e.target as HTMLElement).closest('[contenteditable]'), stop.signal);
    a.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
    a.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(seen).toEqual([]);
    expect(use.has(a)).toBe(false);
    stop.abort();
  });
});
