// @vitest-environment happy-dom
// The card's "Turn off this rule": the background answers { ok, error? }. Only ok: true turns the
// rule off; otherwise (ok: false, no answer, or the message failing) the card says plainly that the
// rule could not be turned off and why, stays open, and the finding stays where it is.
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Host } from '@/lib/composer/host';
import type { Session, TrackedFinding } from '@/lib/composer/session';
import { CardController, type CardActions } from '@/entrypoints/content/card-controller';

beforeAll(() => {
  // happy-dom has no popover API: enough of it for the card to open and close.
  const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
  const open = new WeakSet<Element>();
  proto.showPopover = function (this: Element) { open.add(this); };
  proto.hidePopover = function (this: Element) { open.delete(this); };
  const matches = Element.prototype.matches;
  (Element.prototype as unknown as { matches: (q: string) => boolean }).matches = function (this: Element, q: string) {
    return q === ':popover-open' ? open.has(this) : matches.call(this, q);
  };
});

const TEXT = 'Call me anytime if anything comes up.';
const finding: TrackedFinding = {
  key: '1:availability/any-time:span:Call me anytime:0', rule: 'any-time', intent: 'any-time', detector: 'rules', pack: 'availability',
  severity: 'warning', kind: 'span', start: 0, end: 15, message: 'Offers contact at any hour.', why: 'It sets an expectation.',
  suggestions: ['Reach me during office hours'], text: 'Call me anytime', prefix: '', suffix: ' if anything com', source: TEXT,
} as TrackedFinding;

let root: HTMLElement;
let host: Host;
let session: Session;
let ignored = 0;

function makeHost(): Host {
  const element = document.createElement('clearline-root');
  document.documentElement.append(element);
  const shadow = element.attachShadow({ mode: 'open' });
  const overlay = document.createElement('div');
  const cardSlot = document.createElement('div');
  shadow.append(overlay, cardSlot);
  return { element, shadow, overlay, cardSlot };
}

beforeEach(() => {
  root = document.createElement('div');
  root.contentEditable = 'true';
  root.textContent = TEXT;
  document.body.append(root);
  host = makeHost();
  const findings = [finding];
  ignored = 0;
  session = {
    root, findings, disposed: false, paused: false,
    find: (key: string) => findings.find((f) => f.key === key),
    setActive: () => undefined,
    rectsOf: () => [new DOMRect(10, 10, 80, 16)],
    ignore: () => void ignored++,
  } as unknown as Session;
});

afterEach(() => {
  root.remove();
  host.element.remove();
});

function cardWith(disableRule: CardActions['disableRule']) {
  const said: string[] = [];
  const card = new CardController(host, { apply: async () => ({ ok: true }), disableRule, changed: () => undefined, announce: (t) => said.push(t) });
  card.show(session, finding, 'click');
  const turnOff = [...host.shadow.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Turn off this rule'));
  expect(turnOff).toBeDefined();
  return { card, said, turnOff: turnOff! };
}

const status = () => host.shadow.querySelector('[role="status"]')?.textContent ?? '';

describe('card: Turn off this rule', () => {
  test('ok: false — says the rule could not be turned off and why; the card and the finding stay', async () => {
    const { card, said } = cardWith(async () => ({ ok: false, error: 'expected a rule id "<pack>/<rule>" with a known pack' }));
    await card.disableRule();
    expect(status()).toBe('This rule could not be turned off: expected a rule id "<pack>/<rule>" with a known pack. It is still on; you can turn it off on the options page.');
    expect(card.open?.finding.key).toBe(finding.key);
    expect(card.open?.busy).toBe(false);
    expect(ignored).toBe(0);
    expect(said.join(' ')).not.toMatch(/Rule turned off/);
  });

  test('no reply from the background — says so, and that the rule is still on', async () => {
    const { card, said } = cardWith(async () => undefined as unknown as { ok: boolean });
    await card.disableRule();
    expect(status()).toMatch(/^This rule could not be turned off: Clearline’s background did not answer\. It is still on/);
    expect(card.open).not.toBeNull();
    expect(said.join(' ')).not.toMatch(/Rule turned off/);
  });

  test('the message failing (background gone) — says why', async () => {
    const { card } = cardWith(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await card.disableRule();
    expect(status()).toMatch(/^This rule could not be turned off: Could not establish connection\. Receiving end does not exist\. It is still on/);
    expect(card.open).not.toBeNull();
  });

  test('ok: true — the card closes and says the rule is off', async () => {
    const disable = vi.fn(async () => ({ ok: true }));
    const { card, said } = cardWith(disable);
    await card.disableRule(); // what the user's click runs (a script's untrusted click runs nothing)
    expect(card.open).toBeNull();
    expect(disable).toHaveBeenCalledWith(finding);
    expect(said).toContain('Rule turned off. You can turn it back on in Settings.');
  });
});

describe('card: Undo of Turn off this rule', () => {
  const undoButton = () => [...host.shadow.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Undo');

  test('ok: true — the card becomes a notice with Undo and its key; Undo puts the switch back as it was', async () => {
    const said: string[] = [];
    const restore = vi.fn(async () => ({ ok: true }));
    const card = new CardController(host, {
      apply: async () => ({ ok: true }),
      disableRule: async () => ({ ok: true, wasEnabled: true }),
      restoreRule: restore,
      changed: () => undefined,
      announce: (t) => said.push(t),
    });
    card.show(session, finding, 'click');
    await card.disableRule();
    expect(card.open).toBeNull();
    expect(card.notice?.text).toBe(`Turned off everywhere: ${finding.message}`);
    expect(undoButton()).toBeDefined();
    expect(host.shadow.querySelector('[data-testid="card-keys"]')?.textContent).toContain('Alt+U');
    expect(said.at(-1)).toMatch(/^Rule turned off\. Alt\+U turns it back on/);
    await card.undo();
    expect(restore).toHaveBeenCalledWith(finding, true);
    expect(card.notice).toBeNull();
    expect(undoButton()).toBeUndefined();
    expect(said.at(-1)).toBe('Rule turned on again.');
  });

  test('Undo failing — the notice stays and says why', async () => {
    const said: string[] = [];
    const card = new CardController(host, {
      apply: async () => ({ ok: true }),
      disableRule: async () => ({ ok: true, wasEnabled: null }),
      restoreRule: async () => ({ ok: false, error: 'storage is full' }),
      changed: () => undefined,
      announce: (t) => said.push(t),
    });
    card.show(session, finding, 'click');
    await card.disableRule();
    await card.undo();
    expect(card.notice).not.toBeNull();
    expect(status()).toBe('Could not undo: storage is full.');
    expect(said.at(-1)).toBe('Could not undo: storage is full.');
    expect(undoButton()?.disabled).toBe(false);
  });
});
