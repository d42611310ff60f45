// The content script's lifetime ends only when the extension is gone (runtime.id disappears),
// never on anything the page can do.
import { afterEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Lifetime } from '../../../entrypoints/content/lifetime';

afterEach(() => fakeBrowser.reset());

describe('Lifetime', () => {
  test('valid while the runtime is there; ends, once, when its id goes away', () => {
    const life = new Lifetime();
    let ended = 0;
    life.onInvalidated(() => ended++);
    expect(life.isInvalid).toBe(false);
    expect(life.signal.aborted).toBe(false);
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    expect(life.isInvalid).toBe(true);
    expect(life.isInvalid).toBe(true);
    expect(ended).toBe(1);
    expect(life.signal.aborted).toBe(true);
  });
});
