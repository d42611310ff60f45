// @vitest-environment happy-dom
// Rolling back undoes only Clearline's own edit: when the editor refused the rewrite and the text
// changed anyway (the page or the user edited it meanwhile), nothing is undone.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { accept, MESSAGES } from '../../../lib/composer/accept';
import type { Host } from '../../../lib/composer/host';
import { Session, type TrackedFinding } from '../../../lib/composer/session';
import { generic } from '../../../lib/composer/sites/index';
import { useLayoutFromStyles } from './layout';

// happy-dom lays nothing out: give the fields the boxes their styles ask for.
useLayoutFromStyles();

const TEXT = 'Thanks. Call me anytime if anything comes up.';
const SPAN = 'Call me anytime';

function setUp(execCommand: (cmd: string) => boolean) {
  document.body.innerHTML = `<textarea id="t"></textarea>`;
  const ta = document.getElementById('t') as HTMLTextAreaElement;
  ta.value = TEXT;
  // happy-dom lays nothing out: say the field is on screen.
  (ta as unknown as { checkVisibility: () => boolean }).checkVisibility = () => true;
  const commands: string[] = [];
  (document as unknown as { execCommand: (c: string) => boolean }).execCommand = (cmd: string) => {
    commands.push(cmd);
    return execCommand(cmd);
  };
  const session = new Session(ta, generic, {
    host: {} as Host,
    analyze: async () => ({ findings: [], paused: false }),
    changed: () => {},
    redraw: () => {},
    openMarker: () => {},
  });
  const start = TEXT.indexOf(SPAN);
  const finding: TrackedFinding = {
    rule: 'any-time',
    intent: 'any-time',
    detector: 'rules',
    pack: 'availability',
    severity: 'warning',
    kind: 'span',
    start,
    end: start + SPAN.length,
    message: 'Offers contact at any hour.',
    why: '',
    suggestions: ['You can reach me during working hours'],
    key: '1:availability/any-time:span:Call me anytime:0',
    text: SPAN,
    prefix: TEXT.slice(0, start),
    suffix: TEXT.slice(start + SPAN.length),
    source: TEXT,
  };
  return { ta, session, finding, commands };
}

afterEach(() => vi.restoreAllMocks());

describe('accept rolls back only its own edit', () => {
  test('the editor refuses the rewrite while the page changes the text: nothing is undone', async () => {
    const { ta, session, finding, commands } = setUp((cmd) => cmd !== 'insertText');
    // The page appends to the draft when the field gets focus (an autosave note, say).
    ta.addEventListener('focus', () => (ta.value += ' (saved)'));
    const result = await accept(session, finding, 0);
    expect(result).toEqual({ ok: false, error: MESSAGES.refused });
    expect(commands).not.toContain('undo');
    expect(ta.value).toBe(`${TEXT} (saved)`);
    session.dispose();
  });

  test('the page moves focus away as the field is focused: nothing is inserted, and the reason is given', async () => {
    const { ta, session, finding, commands } = setUp(() => true);
    document.body.insertAdjacentHTML('beforeend', '<input id="other">');
    const other = document.getElementById('other') as HTMLInputElement;
    ta.addEventListener('focus', () => other.focus());
    const result = await accept(session, finding, 0);
    expect(result).toEqual({ ok: false, error: MESSAGES.focusLost });
    expect(commands).toEqual([]);
    expect(ta.value).toBe(TEXT);
    session.dispose();
  });
});
