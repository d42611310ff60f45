// The Gmail and LinkedIn flows that run in Chromium (tests/e2e/sites/cross-browser.spec.ts) and in
// Firefox (tests/e2e-firefox/run.ts) from this one source: flag while typing, Alt+Enter opens the
// card, Enter applies, Ctrl+Z restores, the signature stays byte-identical, an options toggle clears
// the highlights, the popup lists the findings. Only typing, clicks and keys act on the draft.
import assert from 'node:assert/strict';
import { markedRanges } from '../../lib/engine/marked';
import { waitFor, type Driver } from './driver';

export interface CrossSite {
  name: string;
  url: string;
  fixture: string;
  /** Selector chain to the composer: each step after the first is looked up in the previous match's shadow root. */
  composer: string[];
  /** Selectors inside the composer whose HTML must stay byte-identical. */
  untouched: string[];
  /** The page enforces Trusted Types (every Gmail fixture does, as Gmail does). */
  trustedTypes?: boolean;
  /** Also run the options and popup flows here (one page per site is enough for those). */
  extensionPages?: boolean;
}

export const SITES: CrossSite[] = [
  {
    name: 'Gmail new message',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    fixture: 'sites/gmail/new-message.html',
    composer: ['[role="dialog"] [g_editable="true"]'],
    untouched: ['.gmail_signature', '.gmail_signature_prefix'],
    trustedTypes: true,
    extensionPages: true,
  },
  {
    name: 'Gmail thread reply',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQcpXkM',
    fixture: 'sites/gmail/thread-reply.html',
    composer: ['.AO [g_editable="true"]'],
    untouched: ['.gmail_signature', '.gmail_signature_prefix'],
    trustedTypes: true,
  },
  {
    name: 'LinkedIn overlay (late shadow root)',
    url: 'https://www.linkedin.com/feed/',
    fixture: 'sites/linkedin/overlay-late.html',
    composer: ['#interop-outlet', '.msg-form__contenteditable'],
    untouched: [],
    extensionPages: true,
  },
  {
    name: 'LinkedIn new-UI thread (Enter sends)',
    url: 'https://www.linkedin.com/messaging/thread/2-ZjA1NmE4/',
    fixture: 'sites/linkedin/new-ui-thread.html',
    composer: ['[role="textbox"][aria-label="Write a message…"]'],
    untouched: [],
  },
];

export const DRAFT = 'Hi Robin, thanks for the note. Call me anytime if anything comes up.';
const FLAGGED = /call me any ?time/i;

interface Finding {
  key: string;
  pack: string;
  kind: 'span' | 'missing';
  text: string;
  message: string;
  suggestions: string[];
  start: number;
  end: number;
  focus?: { start: number; end: number };
  marks?: { start: number; end: number }[];
  also?: { focus?: { start: number; end: number }; marks?: { start: number; end: number }[] }[];
}

/** The underlined words of a finding, as the card and the popup quote them. */
function quoted(f: Finding): string {
  return markedRanges(f as Parameters<typeof markedRanges>[0])
    .map((r) => f.text.slice(r.start - f.start, r.end - f.start).trim())
    .join(' … ');
}
interface Composer {
  text?: string;
  findings: Finding[];
}

/** The composers and findings our content script publishes on <clearline-root> (see tests/e2e/pages/card.ts). */
async function composers(d: Driver): Promise<Composer[]> {
  const raw = await d.evaluate(() => document.querySelector('clearline-root')?.getAttribute('data-clearline-findings') ?? '', null);
  return raw ? (JSON.parse(raw) as Composer[]) : [];
}

async function findings(d: Driver): Promise<Finding[]> {
  return (await composers(d)).flatMap((c) => c.findings);
}

/** Key of the finding whose card is open, '' when closed. */
async function openCard(d: Driver): Promise<string> {
  return d.evaluate(() => document.querySelector('clearline-root')?.getAttribute('data-clearline-card') ?? '', null);
}

async function waitForSpan(d: Driver): Promise<Finding> {
  const all = await waitFor(() => findings(d), (fs) => fs.some((f) => f.kind === 'span' && FLAGGED.test(f.text)), 'a finding on "call me anytime"');
  return all.find((f) => f.kind === 'span' && FLAGGED.test(f.text))!;
}

/**
 * Underline boxes drawn in our host's shadow root (open in test builds). Nothing may go into
 * CSS.highlights, whose registry the page shares: any entry of ours there fails the flow.
 */
async function highlighted(d: Driver): Promise<number> {
  const { boxes, registry } = await d.evaluate(() => {
    const names: string[] = [];
    if (typeof CSS !== 'undefined' && 'highlights' in CSS) {
      (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((h, name) => names.push(name));
    }
    const root = document.querySelector('clearline-root')?.shadowRoot;
    return { boxes: root ? root.querySelectorAll('.overlay .box').length : 0, registry: names };
  }, null);
  assert.deepEqual(registry.filter((n) => n.startsWith('clearline')), [], 'nothing of ours in CSS.highlights');
  return boxes;
}

/** innerText of the composer, NBSPs as spaces. */
async function composerText(d: Driver, site: CrossSite): Promise<string> {
  const text = await d.evaluate((path: string[]) => {
    let el: Element | null | undefined = document.querySelector(path[0]!);
    for (const s of path.slice(1)) el = el?.shadowRoot?.querySelector(s);
    return (el as HTMLElement | null)?.innerText ?? null;
  }, site.composer);
  if (text === null) throw new Error(`no composer at ${site.composer.join(' / ')}`);
  return text.replace(/\u00A0/g, ' ');
}

async function untouched(d: Driver, site: CrossSite): Promise<string[]> {
  return d.evaluate(
    ({ path, sels }: { path: string[]; sels: string[] }) => {
      let el: Element | null | undefined = document.querySelector(path[0]!);
      for (const s of path.slice(1)) el = el?.shadowRoot?.querySelector(s);
      return sels.flatMap((s) => Array.from(el?.querySelectorAll(s) ?? [], (n) => n.outerHTML));
    },
    { path: site.composer, sels: site.untouched },
  );
}

/** Click into the composer, put the caret at its start and type the draft, as a user would. */
async function typeDraft(d: Driver, site: CrossSite, text = DRAFT): Promise<void> {
  const box = await waitFor(
    () =>
      d.evaluate((path: string[]) => {
        let el: Element | null | undefined = document.querySelector(path[0]!);
        for (const s of path.slice(1)) el = el?.shadowRoot?.querySelector(s);
        // The user scrolls to the composer first (a reply sits at the bottom of a long thread).
        el?.scrollIntoView({ block: 'center' });
        const r = el?.getBoundingClientRect();
        return r && r.width > 0 ? { x: r.left + Math.min(40, r.width / 2), y: r.top + Math.min(12, r.height / 2) } : null;
      }, site.composer),
    (b) => b !== null,
    `the composer ${site.composer.join(' / ')}`,
  );
  await d.click(box!.x, box!.y);
  await d.press('Control+Home');
  await d.type(text);
  await waitFor(() => composers(d), (cs) => cs.some((c) => (c.text ?? '').replace(/\u00A0/g, ' ').includes(text)), `analysis of "${text}"`);
}

export interface Flow {
  title: string;
  run(d: Driver): Promise<void>;
}

function flowsFor(site: CrossSite): Flow[] {
  const flows: Flow[] = [
    {
      title: `${site.name}: flags "call me anytime" while the user types, and highlights it`,
      async run(d) {
        await d.open(site.url, site.fixture);
        if (site.trustedTypes) {
          const blocked = await d.evaluate(() => {
            try {
              document.createElement('div').innerHTML = '<b>x</b>';
              return 'allowed';
            } catch (e) {
              return (e as Error).name;
            }
          }, null);
          assert.equal(blocked, 'TypeError', 'the page enforces Trusted Types');
        }
        await typeDraft(d, site);
        const finding = await waitForSpan(d);
        assert.ok(finding.suggestions.length > 0, 'the finding offers rewrites');
        await waitFor(() => highlighted(d), (n) => n > 0, 'a highlight on the flagged words');
      },
    },
    {
      title: `${site.name}: Alt+Enter opens the card, Enter applies, Ctrl+Z restores; the rest stays byte-identical`,
      async run(d) {
        await d.open(site.url, site.fixture);
        await typeDraft(d, site);
        const finding = await waitForSpan(d);
        const before = await composerText(d, site);
        const kept = await untouched(d, site);
        await d.press('Alt+Enter');
        await waitFor(() => openCard(d), (k) => k === finding.key, 'the card for the flagged words');
        await d.press('Enter');
        await waitFor(() => openCard(d), (k) => k === '', 'the card to close');
        const after = await waitFor(() => composerText(d, site), (t) => t.includes(finding.suggestions[0]!), 'the rewrite in the draft');
        assert.equal(after, before.replace(finding.text, finding.suggestions[0]!));
        const sent = await d.evaluate(() => document.body.dataset.sent ?? null, null);
        assert.ok(sent === null || sent === '0', 'Enter with the card open sent nothing');
        assert.deepEqual(await untouched(d, site), kept, 'signature unchanged after Apply');
        await d.press('Control+z');
        await waitFor(() => composerText(d, site), (t) => t === before, 'Ctrl+Z to restore the words');
        assert.deepEqual(await untouched(d, site), kept, 'signature unchanged after Ctrl+Z');
      },
    },
    {
      title: `${site.name}: turning the Availability pack off in the options clears the highlights; on again flags again`,
      async run(d) {
        await d.open(site.url, site.fixture);
        await typeDraft(d, site);
        await waitForSpan(d);
        await waitFor(() => highlighted(d), (n) => n > 0, 'a highlight');
        const options = await d.options();
        await options.click('#pack-availability');
        await waitFor(() => findings(d), (fs) => !fs.some((f) => f.pack === 'availability'), 'availability findings to go');
        await waitFor(() => highlighted(d), (n) => n === 0, 'the highlights to clear');
        await options.click('#pack-availability');
        await waitForSpan(d);
        await options.close();
      },
    },
    {
      title: `${site.name}: the popup lists the draft's findings`,
      async run(d) {
        await d.open(site.url, site.fixture);
        await typeDraft(d, site);
        const finding = await waitForSpan(d);
        const popup = await d.popup();
        const items = await waitFor(
          () => popup.evaluate(() => Array.from(document.querySelectorAll('[aria-label="Findings"] > li'), (li) => li.textContent ?? ''), null),
          (texts) => texts.some((t) => t.includes(finding.message)),
          'the finding in the popup',
        );
        assert.ok(items.some((t) => t.includes(quoted(finding))), 'the popup quotes the flagged words');
        await popup.close();
      },
    },
  ];
  return site.extensionPages ? flows : flows.slice(0, 2);
}

export const FLOWS: Flow[] = SITES.flatMap(flowsFor);
