// The in-page card: what was flagged, why, up to three rewrites, Ignore and Turn off this rule.
// Pure view: state and actions come from the card controller. Buttons act on trusted clicks only
// (a page script's element.click() or dispatched event is not the user).
import type { Severity } from '@/lib/engine/types';
import { WordDiff } from '@/lib/ui/diff';

export interface CardModel {
  key: string;
  kind: 'span' | 'missing';
  severity: Severity;
  pack: string;
  message: string;
  why: string;
  /** The flagged words ('' for a missing statement): what a rewrite replaces. */
  text: string;
  /** The underlined words the card quotes (the trigger phrase, or the whole span). */
  quote: string;
  suggestions: string[];
  /** Which suggestion Enter applies (keyboard mode). */
  activeIndex: number;
  keyboard: boolean;
  /** The card's button that has keyboard focus (the hint speaks about it), else null. */
  focus: { action: CardAction; last: boolean } | null;
  /** Keyboard focus is in the card's composer: Tab from there reaches the card. */
  editorFocused: boolean;
  busy: boolean;
  /** Per rewrite: the editor cannot take it in one piece (a line break or emoji image in the way). */
  blocked: boolean[];
  status: { tone: 'error' | 'info'; text: string } | null;
  /** Other findings in the same sentence: this card's rewrites fix them too. */
  also: { message: string; quote: string }[];
  /** When several issues cover the same words: which one this is. */
  position: { index: number; count: number } | null;
}

export interface CardProps {
  model: CardModel;
  onApply(index: number): void;
  onIgnore(): void;
  onDisableRule(): void;
  onClose(): void;
  onStep(delta: number): void;
}

/** Run `fn` for a click the user made, never for a synthetic one. */
const byUser = (fn: () => void) => (e: Event) => {
  if (e.isTrusted) fn();
};

/** What each of the card's buttons does: its data-action, and the order Tab walks them in. */
export const CARD_ACTIONS = ['apply', 'insert', 'ignore', 'disable', 'undo', 'previous', 'next', 'close'] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** What Enter does on the focused button, for the key hint. */
const ENTER_DOES: Record<CardAction, string> = {
  apply: 'apply this one',
  insert: 'insert it',
  ignore: 'ignore it in this draft',
  disable: 'turn this rule off',
  undo: 'undo',
  previous: 'previous issue',
  next: 'next issue',
  close: 'close the card',
};

/** What a rewrite that takes the words out says (its accessible name is "Apply: " and this). */
export const REMOVAL_LABEL = 'Take it out';

const SEVERITY_LABEL: Record<Severity, string> = { suggestion: 'Suggestion', warning: 'Warning', alert: 'Alert' };

function packName(pack: string): string {
  return pack.charAt(0).toUpperCase() + pack.slice(1);
}

export function Card({ model, onApply, onIgnore, onDisableRule, onClose, onStep }: CardProps) {
  const suggestions = model.suggestions.slice(0, 3);
  return (
    <div class="card" role="dialog" aria-label="Clearline suggestion" data-severity={model.severity} data-key={model.key}>
      <div class="head">
        <span class="sev">{SEVERITY_LABEL[model.severity]}</span>
        <span class="pack">{packName(model.pack)}</span>
        {model.position ? (
          <span class="pager">
            <button type="button" class="step" data-action="previous" aria-label="Previous issue" onClick={byUser(() => onStep(-1))}>
              ‹
            </button>
            <span>
              {model.position.index} of {model.position.count}
            </span>
            <button type="button" class="step" data-action="next" aria-label="Next issue" onClick={byUser(() => onStep(1))}>
              ›
            </button>
          </span>
        ) : (
          <span class="brand">Clearline</span>
        )}
        <button type="button" class="close" data-action="close" aria-label="Close" title="Close (Esc)" onClick={byUser(onClose)}>
          ×
        </button>
      </div>
      <p class="message">{model.message}</p>
      {model.quote && (
        <p class="flagged">
          <q>{model.quote}</q>
        </p>
      )}
      {model.also.length > 0 && (
        <ul class="also" aria-label="Also in this sentence">
          {model.also.map((a) => (
            <li key={a.message + a.quote}>
              {a.message} {a.quote && <q>{a.quote}</q>}
            </li>
          ))}
        </ul>
      )}
      {model.why && <p class="why">{model.why}</p>}
      {model.status && (
        <p class="status" role="status" data-tone={model.status.tone}>
          {model.status.text}
        </p>
      )}
      {model.kind === 'span' ? (
        <div class="suggestions" role="group" aria-label="Rewrites">
          {suggestions.map((s, i) => (
            <button
              type="button"
              class="suggestion"
              data-action="apply"
              data-active={model.keyboard && i === model.activeIndex ? 'true' : undefined}
              disabled={model.busy || !!model.blocked[i]}
              onClick={byUser(() => onApply(i))}
            >
              <span class="visually-hidden">Apply: </span>
              {s.trim() ? (
                <WordDiff from={model.text} to={s} />
              ) : (
                // A removal: the words struck, and what the button does in words.
                <span class="diff">
                  <del aria-hidden="true">{model.text.trim()}</del> <span class="removal">{REMOVAL_LABEL}</span>
                </span>
              )}
            </button>
          ))}
        </div>
      ) : (
        suggestions[0] !== undefined && (
          <>
            <p class="statement">{suggestions[0]}</p>
            <div class="suggestions">
              <button
                type="button"
                class="primary"
                data-action="insert"
                data-active={model.keyboard ? 'true' : undefined}
                disabled={model.busy}
                onClick={byUser(() => onApply(0))}
              >
                Insert boundary statement
              </button>
            </div>
          </>
        )
      )}
      <div class="foot">
        <button type="button" class="link" data-action="ignore" onClick={byUser(onIgnore)} title="Hide this one in this draft (Alt+I)" aria-keyshortcuts="Alt+I">
          Ignore
        </button>
        <button type="button" class="link" data-action="disable" onClick={byUser(onDisableRule)} title="Turn off this rule everywhere (Alt+O)" aria-keyshortcuts="Alt+O">
          Turn off this rule
        </button>
      </div>
      <p class="hint" data-testid="card-keys">
        {model.focus ? (
          <>
            <kbd>Enter</kbd> {ENTER_DOES[model.focus.action]} ·{' '}
            {model.focus.action === 'apply' && suggestions.length > 1 && (
              <>
                <kbd>↑</kbd> <kbd>↓</kbd> other rewrites ·{' '}
              </>
            )}
            <kbd>Tab</kbd> {model.focus.last ? 'back to your draft' : 'next button'} · <kbd>Esc</kbd> back to your draft
          </>
        ) : model.keyboard ? (
          <>
            {model.kind === 'span' && model.blocked.some((b) => !b) && (
              <>
                <kbd>↑</kbd> <kbd>↓</kbd> choose ·{' '}
              </>
            )}
            {(model.kind === 'missing' || model.blocked.some((b) => !b)) && (
              <>
                <kbd>Enter</kbd> {model.kind === 'missing' ? 'insert' : 'apply'} ·{' '}
              </>
            )}
            <kbd>Alt</kbd>+<kbd>I</kbd> ignore · <kbd>Alt</kbd>+<kbd>O</kbd> turn off ·{' '}
            <kbd>Tab</kbd> to the card · <kbd>Esc</kbd> close
            {model.position && (
              <>
                {' '}
                · <kbd>Alt</kbd>+<kbd>Enter</kbd> next issue
              </>
            )}
          </>
        ) : model.editorFocused ? (
          <>
            <kbd>Tab</kbd> to the card · <kbd>Alt</kbd>+<kbd>Enter</kbd> use the keyboard · <kbd>Esc</kbd> close
          </>
        ) : (
          <>
            <kbd>Esc</kbd> close
          </>
        )}
      </p>
    </div>
  );
}

export interface UndoCardProps {
  /** What was done ("Ignored “…” in this draft."). */
  text: string;
  busy: boolean;
  error: string | null;
  /** The Undo button has keyboard focus. */
  focused: boolean;
  /** Keyboard focus is in the draft: Tab from there reaches Undo. */
  editorFocused: boolean;
  onUndo(): void;
  onClose(): void;
}

/** The card after Ignore or "Turn off this rule": what happened, and Undo (Alt+U), as the popup offers. */
export function UndoCard({ text, busy, error, focused, editorFocused, onUndo, onClose }: UndoCardProps) {
  return (
    <div class="card undo-card" role="group" aria-label="Clearline: undo">
      <div class="head">
        <p class="done">{text}</p>
        <button type="button" class="close" data-action="close" aria-label="Close" title="Close (Esc)" tabIndex={-1} onClick={byUser(onClose)}>
          ×
        </button>
      </div>
      {error && (
        <p class="status" role="status" data-tone="error">
          {error}
        </p>
      )}
      <div class="foot">
        <button type="button" class="link undo" data-action="undo" disabled={busy} onClick={byUser(onUndo)} title="Undo (Alt+U)" aria-keyshortcuts="Alt+U">
          Undo
        </button>
      </div>
      <p class="hint" data-testid="card-keys">
        {focused ? (
          <>
            <kbd>Enter</kbd> undo · <kbd>Tab</kbd> back to your draft · <kbd>Esc</kbd> back to your draft
          </>
        ) : (
          <>
            <kbd>Alt</kbd>+<kbd>U</kbd> undo{editorFocused && <> · <kbd>Tab</kbd> to Undo</>} · <kbd>Esc</kbd> close
          </>
        )}
      </p>
    </div>
  );
}
