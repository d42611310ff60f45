// Turns "apply suggestion i of this finding" into one text edit. The composer applies the same
// edit in the editor; tests and post-replace verification apply it to plain text.
import type { Finding } from './types';

export interface TextEdit {
  start: number;
  end: number;
  replacement: string;
}

export function suggestionEdit(text: string, finding: Finding, index = 0): TextEdit {
  const suggestion = finding.suggestions[index];
  if (suggestion === undefined) throw new RangeError(`Finding ${finding.pack}/${finding.rule} has no suggestion ${index}.`);
  if (finding.kind === 'span') return { start: finding.start, end: finding.end, replacement: suggestion };
  // A missing statement is inserted as its own paragraph at the insertion point.
  const at = finding.start;
  const before = text.slice(0, at);
  const after = text.slice(at);
  const prefix = before.trim() === '' ? '' : before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const suffix = after.trim() === '' ? '' : after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  return { start: at, end: at, replacement: prefix + suggestion + suffix };
}

export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
}

export function applySuggestion(text: string, finding: Finding, index = 0): string {
  return applyEdit(text, suggestionEdit(text, finding, index));
}
