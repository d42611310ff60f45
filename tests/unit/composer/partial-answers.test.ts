// @vitest-environment happy-dom
// A long or hostile draft is answered a piece at a time (the engine stops at its work budget): the
// session asks again by itself, so the rest of the findings appear without another keystroke, and
// stops asking once the answer is whole.
import { describe, expect, test, vi } from 'vitest';
import type { Host } from '../../../lib/composer/host';
import { Session } from '../../../lib/composer/session';
import { generic } from '../../../lib/composer/sites/index';
import { analyzeWithReport, clearCaches } from '../../../lib/engine/index';
import type { AnalyzeResponse } from '../../../lib/messages';
import { useLayoutFromStyles } from './layout';

useLayoutFromStyles();

function sessionOver(text: string, analyze: (text: string) => Promise<AnalyzeResponse>) {
  document.body.innerHTML = `<textarea id="t"></textarea>`;
  const ta = document.getElementById('t') as HTMLTextAreaElement;
  ta.value = text;
  (ta as unknown as { checkVisibility: () => boolean }).checkVisibility = () => true;
  return new Session(ta, generic, { host: {} as Host, analyze, changed: () => {}, redraw: () => {}, openMarker: () => {} });
}

describe('partial answers', () => {
  test('a draft the engine answers in pieces gets all its findings without another keystroke', async () => {
    // Many paragraphs, each with an offer of any-hour contact: more than one analysis takes on.
    const para = (n: number) => `Thanks for the notes on plan ${n}. Call me anytime, even at midnight, if anything comes up. `.repeat(20).trim();
    const text = Array.from({ length: 60 }, (_, n) => para(n)).join('\n\n');
    const whole = analyzeWithReport(text, { analysisTimeBudgetMs: Infinity }).findings.length;
    clearCaches();
    const calls: boolean[] = [];
    const session = sessionOver(text, async (t) => {
      const r = analyzeWithReport(t);
      calls.push(r.complete);
      return { findings: r.findings, paused: false, ...(r.complete ? {} : { partial: true }) };
    });
    await session.refresh();
    expect(calls[0]).toBe(false); // the first answer really was partial
    await vi.waitFor(() => expect(calls.at(-1)).toBe(true), { timeout: 30_000, interval: 20 });
    expect(session.findings.length).toBe(whole);
    const asked = calls.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.length).toBe(asked); // a whole answer is not asked for again
    session.dispose?.();
  });
});
