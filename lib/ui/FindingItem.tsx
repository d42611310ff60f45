// One finding with its message, the flagged text, why, and an Apply button per suggestion (popup and in-page card).
import { markedRanges } from '../engine/marked';
import type { Finding } from '../engine/types';
import { SeverityBadge } from './SeverityBadge';

export interface FindingItemProps {
  finding: Pick<Finding, 'severity' | 'kind' | 'message' | 'why' | 'suggestions' | 'rule' | 'pack'> &
    Partial<Pick<Finding, 'start' | 'end' | 'focus' | 'marks' | 'also'>> & {
    text?: string;
    alsoMessages?: string[];
    /** The draft's finding key (popup), so focus can find its item again. */
    key?: string;
  };
  /** Called with the suggestion's index; omit to show suggestions without buttons. */
  onApply?: (index: number) => void;
  /** Disables the buttons while an apply is in flight. */
  busy?: boolean;
  /** Popup actions on the draft's finding (omitted where there is no draft, e.g. "Try a sentence"). */
  onReveal?: () => void;
  onIgnore?: () => void;
  onDisableRule?: () => void;
}

export function FindingItem({ finding, onApply, busy, onReveal, onIgnore, onDisableRule }: FindingItemProps) {
  const missing = finding.kind === 'missing';
  // The words the draft underlines (the card quotes the same), not the whole sentence.
  const quote = finding.kind === 'missing' || !finding.text ? '' : quotedWords(finding);
  const about = finding.kind === 'missing' ? finding.message : `“${quote}”`;
  return (
    <li class="cl-finding" data-key={finding.key} data-clearline-rule={`${finding.pack}/${finding.rule}`} data-severity={finding.severity}>
      <div class="cl-finding-head">
        <SeverityBadge severity={finding.severity} />
        <p class="cl-finding-message">{finding.message}</p>
      </div>
      {!missing && quote ? <blockquote class="cl-finding-quote">{quote}</blockquote> : null}
      {finding.alsoMessages?.length ? (
        <ul class="cl-finding-also" aria-label="Also in this sentence">
          {finding.alsoMessages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {finding.why ? <p class="cl-finding-why">{finding.why}</p> : null}
      {finding.suggestions.length > 0 && (
        <ul class="cl-suggestions" aria-label={missing ? 'Statement to insert' : 'Suggested rewrites'}>
          {finding.suggestions.map((s, i) => (
            <li class="cl-suggestion" key={i}>
              <span class="cl-suggestion-text">{s.trim() ? s : <em>Take it out</em>}</span>
              {onApply && (
                <button
                  type="button"
                  class="cl-button small primary"
                  disabled={busy}
                  onClick={() => onApply(i)}
                  aria-label={missing ? `Insert boundary statement: ${s}` : `Apply: ${s.trim() ? s : 'take it out'}`}
                >
                  {missing ? 'Insert boundary statement' : 'Apply'}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {(onReveal || onIgnore || onDisableRule) && (
        <div class="cl-finding-actions">
          {onReveal && !missing && (
            <button type="button" class="cl-button small" disabled={busy} onClick={onReveal}>
              Show in draft<span class="visually-hidden">: {about}</span>
            </button>
          )}
          {onIgnore && (
            <button type="button" class="cl-button small" disabled={busy} onClick={onIgnore}>
              Ignore<span class="visually-hidden">: {about}</span>
            </button>
          )}
          {onDisableRule && (
            <button type="button" class="cl-button small" disabled={busy} onClick={onDisableRule}>
              Turn off this rule<span class="visually-hidden">: {finding.message}</span>
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** The underlined words of a finding, separate phrases joined by " … "; the whole text without offsets. */
function quotedWords(f: FindingItemProps['finding']): string {
  const text = f.text ?? '';
  if (f.start === undefined || f.end === undefined) return text;
  const start = f.start;
  const words = markedRanges({ start, end: f.end, focus: f.focus, marks: f.marks, also: f.also })
    .map((r) => text.slice(r.start - start, r.end - start).trim())
    .filter(Boolean);
  return words.length ? words.join(' … ') : text;
}
