// Page object for Clearline on a site page: our host's test hook, the suggestion card, and
// composer helpers (type, hover the flagged words, read the text) as a user would use them.
import type { Frame, FrameLocator, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

export interface HookFinding {
  key: string;
  rule: string;
  pack: string;
  severity: 'suggestion' | 'warning' | 'alert';
  kind: 'span' | 'missing';
  start: number;
  end: number;
  text: string;
  message: string;
  suggestions: string[];
  /** The underlined trigger words, when narrower than the span. */
  focus?: { start: number; end: number };
  /** Each of its underlined trigger phrases, when it has several (stacked apologies). */
  marks?: { start: number; end: number }[];
  /** Other findings of the same sentence, fixed by this card's rewrites. */
  also?: { pack: string; rule: string; message: string; focus: { start: number; end: number }; marks?: { start: number; end: number }[] }[];
}

/** Draft offsets of what Clearline underlines for a finding: each trigger phrase, else its trigger words, else the whole span. */
export function markedRanges(f: HookFinding): [number, number][] {
  const own: [number, number][] = f.marks?.length ? f.marks.map((m) => [m.start, m.end]) : [f.focus ? [f.focus.start, f.focus.end] : [f.start, f.end]];
  // The words of the findings the card also speaks for are underlined with it (narrower than the group).
  const extra = (f.also ?? [])
    .flatMap((a) => (a.marks?.length ? a.marks : a.focus ? [a.focus] : []))
    .filter((m) => m.start >= f.start && m.end <= f.end && m.end - m.start < f.end - f.start && m.end - m.start <= 48)
    .map((m): [number, number] => [m.start, m.end]);
  const merged: [number, number][] = [];
  for (const [s, e] of [...own, ...extra].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** The words Clearline underlines for a finding, separate phrases joined by " … " (as the card quotes them). */
export function markedWords(f: HookFinding): string {
  return markedRanges(f)
    .map(([s, e]) => f.text.slice(s - f.start, e - f.start))
    .join(' … ');
}

export interface HookComposer {
  id: number;
  site: string;
  label: string;
  active: boolean;
  paused: boolean;
  text: string;
  findings: HookFinding[];
}

export class Clearline {
  readonly host: Locator;
  readonly card: Locator;

  /** `scope` is a frame when the composer lives in an iframe (each frame runs its own content script). */
  constructor(
    readonly page: Page,
    scope: Page | FrameLocator = page,
  ) {
    this.host = scope.locator('clearline-root');
    this.card = scope.getByRole('dialog', { name: 'Clearline suggestion' });
  }

  /** Wait until the content script has registered its listeners. */
  async ready(): Promise<void> {
    await expect(this.host).toHaveAttribute('data-clearline-ready', 'true');
  }

  async composers(): Promise<HookComposer[]> {
    const raw = await this.host.getAttribute('data-clearline-findings');
    return raw ? (JSON.parse(raw) as HookComposer[]) : [];
  }

  async findings(): Promise<HookFinding[]> {
    return (await this.composers()).flatMap((c) => c.findings);
  }

  /** Wait for a span finding whose flagged text matches, and return it. */
  async waitForSpan(text: RegExp): Promise<HookFinding> {
    let found: HookFinding | undefined;
    await expect
      .poll(async () => {
        found = (await this.findings()).find((f) => f.kind === 'span' && text.test(f.text));
        return !!found;
      }, { message: `a finding on ${text}` })
      .toBe(true);
    return found!;
  }

  async waitForMissing(): Promise<HookFinding> {
    let found: HookFinding | undefined;
    await expect
      .poll(async () => {
        found = (await this.findings()).find((f) => f.kind === 'missing');
        return !!found;
      }, { message: 'a missing-statement finding' })
      .toBe(true);
    return found!;
  }

  async expectNoSpan(text: RegExp): Promise<void> {
    await expect.poll(async () => (await this.findings()).some((f) => f.kind === 'span' && text.test(f.text))).toBe(false);
  }

  applyButtons(): Locator {
    return this.card.getByRole('button', { name: /^Apply/ });
  }

  /** Move the pointer onto the first occurrence of `phrase` inside `composer` (the card opens on hover). */
  async hover(composer: Locator, phrase: string): Promise<void> {
    const box = await phraseBox(composer, phrase);
    await this.page.mouse.move(box.x + Math.min(box.width / 2, 12), box.y + box.height / 2);
    await expect(this.card).toBeVisible();
  }

  async openCard(composer: Locator, phrase: string): Promise<void> {
    await this.hover(composer, phrase);
  }

  /** Click the marker that offers the missing boundary statement. */
  async openMarker(): Promise<void> {
    const marker = this.page.getByRole('button', { name: 'Clearline: add your boundary statement' });
    await pressMarker(this.page, marker);
    await expect(this.card).toBeVisible();
  }
}

/**
 * Click one of our markers (the "+" or the indicator) as a hand does: the pointer arrives over it
 * first. Markers take pointer events only under the user's pointer, so a click that skips the move
 * (Playwright's own hit check runs before it moves the mouse) would find the page there instead.
 */
export async function pressMarker(page: Page, marker: Locator): Promise<void> {
  await expect(marker).toBeVisible();
  const box = (await marker.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await marker.click();
}

/** Rect of the first occurrence of `phrase` in the composer's rendered text (main world). */
export async function phraseBox(composer: Locator, phrase: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await composer.evaluate((root, p) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    const at = all.replace(/\u00A0/g, ' ').indexOf(p);
    if (at < 0) return null;
    let offset = 0;
    for (const n of nodes) {
      if (at < offset + n.data.length) {
        const r = document.createRange();
        r.setStart(n, at - offset);
        r.setEnd(n, Math.min(n.data.length, at - offset + Math.max(1, Math.min(p.length, n.data.length - (at - offset)))));
        const rect = r.getClientRects()[0] ?? r.getBoundingClientRect();
        return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
      }
      offset += n.data.length;
    }
    return null;
  }, phrase);
  if (!box) throw new Error(`"${phrase}" is not in the composer`);
  return box;
}

/** The composer's visible text, as the page sees it (innerText), with NBSPs as spaces. */
export async function composerText(composer: Locator): Promise<string> {
  return (await composer.evaluate((el) => (el as HTMLElement).innerText)).replace(/\u00A0/g, ' ');
}

/** Place the caret at the very start of the composer (before any existing line). */
export async function caretToStart(composer: Locator): Promise<void> {
  await composer.click();
  await composer.press('Control+Home');
}

/** Place the caret right after the first occurrence of `phrase` (main world selection). */
export async function caretAfter(composer: Locator, phrase: string, shift = 0): Promise<void> {
  await composer.evaluate(
    (root, [p, s]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const t = n as Text;
        const i = t.data.replace(/\u00A0/g, ' ').indexOf(p as string);
        if (i >= 0) {
          (root as HTMLElement).focus();
          const at = i + (p as string).length + (s as number);
          getSelection()!.setBaseAndExtent(t, at, t, at);
          return;
        }
      }
      throw new Error('phrase not found');
    },
    [phrase, shift] as const,
  );
}

/**
 * Our underlines on screen: distinct findings drawn as boxes in our host's shadow root (open in test
 * builds), by severity, plus 'active' for the open card's finding. Never CSS.highlights: that
 * registry is shared with the page, so Clearline must not use it.
 */
export async function underlineCounts(page: Page | Frame): Promise<Partial<Record<'suggestion' | 'warning' | 'alert' | 'active', number>>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    const seen = new Set<string>();
    for (const box of document.querySelector('clearline-root')?.shadowRoot?.querySelectorAll<HTMLElement>('.overlay .box') ?? []) {
      const id = `${box.dataset.severity}|${box.dataset.key}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out[box.dataset.severity!] = (out[box.dataset.severity!] ?? 0) + 1;
      if (box.dataset.active === 'true') out.active = (out.active ?? 0) + 1;
    }
    return out;
  });
}

/**
 * The words of `composer` that sit under each of our underlines, as a user sees them: every
 * character whose centre lies in one of a finding's boxes, in reading order (one entry per finding).
 */
export async function underlinedWords(composer: Locator): Promise<Array<{ severity: string; active: boolean; text: string }>> {
  return composer.evaluate((root) => {
    const host = root.ownerDocument.querySelector('clearline-root');
    const groups = new Map<string, { severity: string; active: boolean; rects: DOMRect[] }>();
    for (const box of host?.shadowRoot?.querySelectorAll<HTMLElement>('.overlay .box') ?? []) {
      const g = groups.get(box.dataset.key!) ?? { severity: box.dataset.severity!, active: false, rects: [] };
      g.active ||= box.dataset.active === 'true';
      g.rects.push(box.getBoundingClientRect());
      groups.set(box.dataset.key!, g);
    }
    const chars: Array<{ c: string; x: number; y: number }> = [];
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = root.ownerDocument.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n as Text;
      for (let i = 0; i < t.length; i++) {
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const r = range.getBoundingClientRect();
        if (r.width) chars.push({ c: t.data[i]!, x: r.left + r.width / 2, y: r.top + r.height / 2 });
      }
    }
    // Runs of underlined characters; words between two runs that are not underlined make two phrases (" … ").
    return [...groups.values()].map((g) => {
      let text = '';
      let gap = false;
      for (const ch of chars) {
        const under = g.rects.some((r) => ch.x >= r.left && ch.x <= r.right && ch.y >= r.top && ch.y <= r.bottom);
        if (!under) {
          gap = text.length > 0;
          continue;
        }
        if (gap) text = `${text.trimEnd()} … `;
        gap = false;
        text += ch.c;
      }
      return { severity: g.severity, active: g.active, text: text.replace(/\u00A0/g, ' ').trim() };
    });
  });
}
