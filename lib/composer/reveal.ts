// "Show in draft": bring a finding's words into view and select them, so the user sees exactly
// which words the popup means. Selection only; the draft itself is never changed here.
import { marked, type Session, type TrackedFinding } from './session';

export function reveal(session: Session, finding: TrackedFinding): { ok: boolean; error?: string } {
  const root = session.root;
  if (finding.kind !== 'span') return { ok: false, error: 'That finding has no words to show.' };
  // The underlined words (first to last), not the whole sentence the card rewrites.
  const { start, end } = marked(finding);
  if (session.isField) {
    const field = root as HTMLTextAreaElement;
    if (field.value.replace(/\u00A0/g, ' ') !== session.analysedText) return { ok: false, error: 'The draft changed; open the popup again.' };
    field.focus({ preventScroll: true });
    field.setSelectionRange(start, end);
    field.scrollIntoView({ block: 'nearest' });
    return { ok: true };
  }
  const model = session.read();
  const range = model.text === session.analysedText ? model.rangeFor(start, end) : null;
  if (!range) return { ok: false, error: 'The draft changed; open the popup again.' };
  root.focus({ preventScroll: true });
  const selection = root.ownerDocument.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  const target = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  target?.scrollIntoView({ block: 'center', inline: 'nearest' });
  return { ok: true };
}
