// The accept procedure (composers.md §3.3): re-validate the span, select it, run exactly one
// replace strategy, verify the whole text, roll back on surprise, restore the caret.
import { suggestionEdit } from '../engine/edit';
import { strategyFor } from './replace/index';
import { FocusLostError } from './replace/focus';
import { nextFrame } from './next-frame';
import { isVisible } from './sites/common';
import { OBJECT_CHAR, type TextModel } from './text-model';
import type { Session, TrackedFinding } from './session';

export interface AcceptResult {
  ok: boolean;
  /** What to tell the user when ok is false. */
  error?: string;
  /** False when Ctrl+Z will not bring the old words back in this editor. */
  undoable?: boolean;
}

export const MESSAGES = {
  gone: 'This draft is no longer on the page, so nothing was changed.',
  composing: 'Finish the character you are typing, then try again.',
  edited: 'The flagged words were edited, so nothing was replaced. Checking the draft again.',
  structure: "This phrase runs across a line break or an emoji, so Clearline can't rewrite it safely. Edit it by hand.",
  refused: 'This editor did not accept the rewrite, so nothing was changed.',
  rolledBack: 'The editor changed more than the flagged words, so the rewrite was undone.',
  noSuggestion: 'That suggestion is no longer available.',
  tooLong: 'This box has a length limit and the rewrite would not fit, so nothing was changed.',
  focusLost: 'The page moved the cursor out of this draft, so nothing was changed. Click in the draft and try again.',
} as const;

const CROSSES = /[\n\uFFFC]/;

/**
 * The part of an edit that changes, when the whole would cross a line break (which editors cannot
 * take in one piece): a rewrite that keeps the blank line before its paragraph or the line break
 * after it edits only the words between; a removal takes the words and leaves the lines. Edits on
 * one line are left exactly as they are.
 */
export function narrowEdit(text: string, start: number, end: number, replacement: string): { start: number; end: number; replacement: string } {
  if (!CROSSES.test(text.slice(start, end))) return { start, end, replacement };
  let s = start;
  let e = end;
  let r = replacement;
  while (s < e && r && text[s] === r[0]) {
    s++;
    r = r.slice(1);
  }
  while (e > s && r && text[e - 1] === r[r.length - 1]) {
    e--;
    r = r.slice(0, -1);
  }
  if (!r) {
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
  }
  return { start: s, end: e, replacement: r };
}

/** Why suggestion `index` of a finding cannot be applied automatically (shown before the user tries), or null. */
export function rewriteBlocker(finding: { kind: string; text: string; suggestions?: string[] }, index = 0): string | null {
  if (finding.kind !== 'span' || !CROSSES.test(finding.text)) return null;
  const replacement = finding.suggestions?.[index];
  if (replacement === undefined) return MESSAGES.structure;
  const n = narrowEdit(finding.text, 0, finding.text.length, replacement);
  return CROSSES.test(finding.text.slice(n.start, n.end)) ? MESSAGES.structure : null;
}

/** Apply suggestion `index` of `finding` in `session`'s composer. */
export async function accept(session: Session, finding: TrackedFinding, index: number): Promise<AcceptResult> {
  const root = session.root;
  if (session.disposed || !root.isConnected || !isVisible(root)) return { ok: false, error: MESSAGES.gone };
  if (session.composing) return { ok: false, error: MESSAGES.composing };
  // '' is a suggestion too: take the words out.
  if (typeof finding.suggestions[index] !== 'string') return { ok: false, error: MESSAGES.noSuggestion };

  // Offsets refer to the text the finding was analysed on, which may be older than the draft now.
  const edit = suggestionEdit(finding.source, finding, index);
  const model = session.read();
  const span = reanchor(finding.source, model.text, edit.start, edit.end);
  if (!span) {
    session.schedule(0, true);
    return { ok: false, error: MESSAGES.edited };
  }
  const text = model.text;
  const narrowed = narrowEdit(text, span.start, span.end, edit.replacement);
  const { start, end, replacement } = narrowed;
  if (start === end && !replacement) return { ok: false, error: MESSAGES.noSuggestion };
  if (CROSSES.test(text.slice(start, end)) || touchesObject(text, start, end)) {
    return { ok: false, error: MESSAGES.structure };
  }

  // A text field's maxlength would silently cut the rewrite short: refuse up front instead.
  const field = root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement ? root : null;
  if (field && field.maxLength >= 0 && field.value.length - (end - start) + replacement.length > field.maxLength) {
    return { ok: false, error: MESSAGES.tooLong };
  }

  const caret = saveCaret(model);
  const excludedBefore = model.excluded.map((e) => e.outerHTML);
  const expected = text.slice(0, start) + replacement + text.slice(end);
  const holds = (m: TextModel) => m.text === expected && sameList(excludedBefore, m.excluded.map((e) => e.outerHTML));
  const strategy = strategyFor(root);
  const range = model.rangeFor(start, end);
  // The user may keep typing while we wait for the editor; their keystrokes are not ours to judge.
  const typing = watchTyping(root);
  let replaced = false;
  try {
    replaced = strategy.replace({ root, range, start, end, replacement: replacement });
  } catch (e) {
    if (e instanceof FocusLostError) {
      typing.stop();
      return { ok: false, error: MESSAGES.focusLost };
    }
    replaced = false;
  }

  // execCommand edits synchronously: check at once, before any keystroke can land, and put the
  // caret back right away so what the user types next goes where they meant.
  if (replaced && holds(session.read())) {
    restoreCaret(session, caret, start, end, replacement.length);
    await settle();
    // Then give the editor's own re-render a frame: if it mangled the text by itself (no typing
    // meanwhile), roll back.
    const later = root.isConnected ? session.read() : null;
    if (later && !holds(later) && !typing.happened()) return rollBack(session, strategy, MESSAGES.rolledBack, typing);
    typing.stop();
    session.edited();
    return { ok: true, undoable: strategy.undoable };
  }

  await settle();
  // Some editors (slate-react) render the edit a task or two later: when the strategy says it
  // worked but the text has not moved yet, wait for the editor's own DOM update, briefly.
  if (replaced && root.isConnected && session.read().text === text) {
    await nextChange(root, 500);
    await settle();
  }
  if (!root.isConnected) {
    typing.stop();
    return { ok: false, error: MESSAGES.gone };
  }
  const after = session.read();
  if (holds(after)) {
    typing.stop();
    restoreCaret(session, caret, start, end, replacement.length);
    session.edited();
    return { ok: true, undoable: strategy.undoable };
  }
  if (after.text === text && sameList(excludedBefore, after.excluded.map((e) => e.outerHTML))) {
    typing.stop();
    session.schedule(0, true);
    return { ok: false, error: MESSAGES.refused };
  }
  // The editor did not take our edit, so whatever changed is someone else's (the user's typing, the
  // page): never undo it.
  if (!replaced) {
    typing.stop();
    session.schedule(0, true);
    return { ok: false, error: MESSAGES.refused };
  }
  // The user typed while the edit landed: the change is partly theirs, and an undo could take their
  // keystrokes back; as in the synchronous path, leave it and check the draft again.
  if (typing.happened()) {
    typing.stop();
    session.edited();
    return { ok: true, undoable: strategy.undoable };
  }
  // Only our edit happened and something other than the span changed: never "fix it up", roll back.
  return rollBack(session, strategy, MESSAGES.rolledBack, typing);
}

async function rollBack(
  session: Session,
  strategy: ReturnType<typeof strategyFor>,
  error: string,
  typing: { stop(): void },
): Promise<AcceptResult> {
  typing.stop();
  try {
    strategy.undo(session.root);
  } catch {
    // Focus was taken away: undoing now would undo in another field. The draft is checked again.
  }
  await settle();
  session.schedule(0, true);
  return { ok: false, error };
}

/** Notes whether the user pressed a key in the composer since it was called. */
function watchTyping(root: HTMLElement): { happened(): boolean; stop(): void } {
  let happened = false;
  const onKey = (e: Event) => {
    if (e.isTrusted) happened = true;
  };
  root.addEventListener('keydown', onKey, true);
  root.addEventListener('compositionstart', onKey, true);
  return {
    happened: () => happened,
    stop: () => {
      root.removeEventListener('keydown', onKey, true);
      root.removeEventListener('compositionstart', onKey, true);
    },
  };
}

/**
 * Where [start, end) of `oldText` is in `newText`. The span text must be intact; when the draft
 * changed elsewhere, the occurrence whose surroundings best match the old ones wins.
 */
export function reanchor(oldText: string, newText: string, start: number, end: number): { start: number; end: number } | null {
  if (oldText === newText) return { start, end };
  const expected = oldText.slice(start, end);
  const prefix = oldText.slice(Math.max(0, start - 16), start);
  const suffix = oldText.slice(end, end + 16);
  const shift = newText.length - oldText.length;
  let best: { i: number; score: number } | null = null;
  const consider = (i: number) => {
    const score =
      commonSuffix(newText.slice(Math.max(0, i - prefix.length), i), prefix) +
      commonPrefix(newText.slice(i + expected.length, i + expected.length + suffix.length), suffix);
    const distance = Math.min(Math.abs(i - start), Math.abs(i - (start + shift)));
    if (!best || score > best.score || (score === best.score && distance < Math.min(Math.abs(best.i - start), Math.abs(best.i - (start + shift))))) {
      best = { i, score };
    }
  };
  if (expected) {
    for (let i = newText.indexOf(expected); i !== -1; i = newText.indexOf(expected, i + 1)) consider(i);
  } else {
    // An insertion point: wherever the old surroundings meet.
    for (let i = 0; i <= newText.length; i++) consider(i);
  }
  if (!best) return null;
  const found: { i: number; score: number } = best;
  const needed = Math.min(prefix.length + suffix.length, expected ? 4 : 8);
  // Its surroundings may all have changed (an earlier rewrite just before a span that ends the
  // draft): the only occurrence, exactly where edits before or after it would put it, is it.
  const unique = expected !== '' && newText.indexOf(expected) === newText.lastIndexOf(expected);
  const inPlace = found.i === start || found.i === start + shift;
  if (found.score < needed && !(unique && inPlace)) return null;
  return { start: found.i, end: found.i + expected.length };
}

function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** A span that starts or ends right against an image would select half of an object: refuse. */
function touchesObject(text: string, start: number, end: number): boolean {
  if (start === end) return false;
  return text[start] === OBJECT_CHAR || text[end - 1] === OBJECT_CHAR;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A microtask, then one animation frame (or a short timeout in a hidden tab, where frames stop). */
export function settle(): Promise<void> {
  return Promise.resolve().then(() => new Promise<void>((resolve) => void nextFrame(resolve)));
}

/** Resolves on the composer's next DOM mutation or input event, or after `timeout` ms. */
function nextChange(root: HTMLElement, timeout: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      mo.disconnect();
      root.removeEventListener('input', done);
      clearTimeout(timer);
      resolve();
    };
    const mo = new MutationObserver(done);
    mo.observe(root, { childList: true, characterData: true, subtree: true });
    root.addEventListener('input', done);
    const timer = setTimeout(done, timeout);
  });
}

interface Caret {
  anchor: number;
  focus: number;
}

/** The user's selection inside the composer, as model offsets (null when it is elsewhere). */
export function saveCaret(model: TextModel): Caret | null {
  const root = model.root;
  if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) {
    if (deepActiveElement(root.ownerDocument) !== root) return null;
    const a = root.selectionStart ?? 0;
    const f = root.selectionEnd ?? a;
    return root.selectionDirection === 'backward' ? { anchor: f, focus: a } : { anchor: a, focus: f };
  }
  const r = selectionRange(root);
  if (!r) return null;
  const a = model.offsetOf(r.startContainer, r.startOffset);
  const f = model.offsetOf(r.endContainer, r.endOffset);
  return a === null || f === null ? null : { anchor: a, focus: f };
}

function restoreCaret(session: Session, caret: Caret | null, start: number, end: number, length: number): void {
  if (!caret) return;
  const delta = length - (end - start);
  const map = (p: number) => (p <= start ? p : p >= end ? p + delta : start + length);
  const a = map(caret.anchor);
  const f = map(caret.focus);
  const root = session.root;
  if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) {
    root.setSelectionRange(Math.min(a, f), Math.max(a, f), a > f ? 'backward' : 'forward');
    return;
  }
  const model = session.read();
  const ra = model.rangeFor(a, a);
  const rf = model.rangeFor(f, f);
  const sel = root.ownerDocument.getSelection();
  if (ra && rf && sel) sel.setBaseAndExtent(ra.startContainer, ra.startOffset, rf.startContainer, rf.startOffset);
}

/** The selection's range, read through the composer's shadow root when it has one. */
export function selectionRange(root: HTMLElement): AbstractRange | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const scope = root.getRootNode();
  let r: AbstractRange | null = null;
  const composed = (sel as Selection & { getComposedRanges?: (o: { shadowRoots: ShadowRoot[] }) => StaticRange[] }).getComposedRanges;
  if (scope instanceof ShadowRoot && typeof composed === 'function') {
    r = composed.call(sel, { shadowRoots: [scope] })[0] ?? null;
  } else {
    r = sel.getRangeAt(0);
  }
  if (!r || !root.contains(r.startContainer) || !root.contains(r.endContainer)) return null;
  return r;
}

/** document.activeElement, followed down through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
