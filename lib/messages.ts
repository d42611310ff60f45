// Typed messages between the content script, the background and the popup.
// Every request is a discriminated union on `kind`; each has one response type.
import type { Finding } from './engine/types';

/** Content script → background. */
export type BackgroundRequest =
  /** Analyse a draft with the user's current settings (the engine lives in the background). */
  | { kind: 'analyze'; text: string }
  /** Warning-or-above count of the tab's active composer, for the toolbar badge. */
  | { kind: 'setBadge'; count: number }
  /**
   * Popup/options: the user granted an origin ("https://host[:port]"); add it to the sites,
   * register the content script there and, given a tabId, start it in that tab at once.
   */
  | { kind: 'registerSite'; origin: string; tabId?: number }
  /** Content: a composer got focus; wake the service worker (and its engine) before the first analysis. */
  | { kind: 'warm' }
  /** Card: "Turn off this rule" for a built-in or custom rule id; replies { ok, error? } (the background owns settings writes). */
  | { kind: 'disableRule'; rule: string }
  /**
   * Card: Undo of "Turn off this rule": the rule's switch as it was before (`wasEnabled` from the
   * disableRule reply; null when it had no setting of its own). Replies { ok, error? }.
   */
  | { kind: 'restoreRule'; rule: string; wasEnabled: boolean | null }
  /** Popup/options: the user removed an origin. */
  | { kind: 'unregisterSite'; origin: string }
  /** Content (page-load script): a composer in this frame is in use; inject the UI script here. */
  | { kind: 'loadUi' };

/** Reply to registerSite / unregisterSite / disableRule / restoreRule. */
export interface SiteResponse {
  ok: boolean;
  error?: string;
}

/** Reply to disableRule: what the rule's own switch was before (null: none of its own), for Undo. */
export interface DisableRuleResponse extends SiteResponse {
  wasEnabled?: boolean | null;
}

/** What the card and the popup say when "Turn off this rule" did not work, and why. */
export function ruleNotTurnedOff(why?: string): string {
  const reason = why?.trim().replace(/[.\s]+$/, '') || 'Clearline’s background did not answer';
  return `This rule could not be turned off: ${reason}. It is still on; you can turn it off on the options page.`;
}

/** Reply to loadUi: false with the browser's reason when the UI script could not be injected. */
export type LoadUiResponse = SiteResponse;

export interface AnalyzeResponse {
  findings: Finding[];
  /** True when the user paused Clearline or the site is off: nothing to show. */
  paused: boolean;
  /** Why the draft could not be analysed (e.g. longer than the engine accepts); findings are empty. */
  error?: string;
  /** The engine stopped at its work budget (a long or hostile draft): ask again to see the rest. */
  partial?: boolean;
}

/** A finding as the popup sees it: with a key the content script can resolve back. */
export interface FindingView extends Finding {
  key: string;
  /** The flagged text (empty for `missing`). */
  text: string;
}

/** Popup → content script (tabs.sendMessage). */
export type ContentRequest =
  | { kind: 'getFindings' }
  | { kind: 'applySuggestion'; key: string; suggestion: number }
  /** Popup: hide one finding for this draft, or bring it back (Undo). */
  | { kind: 'ignoreFinding'; key: string }
  | { kind: 'unignoreFinding'; key: string }
  /** Popup "Show in draft": scroll the flagged words into view and select them. */
  | { kind: 'revealFinding'; key: string };

/** Content requests about one finding, answered by the frame that holds it. */
export const FINDING_REQUESTS: ReadonlySet<ContentRequest['kind']> = new Set(['applySuggestion', 'ignoreFinding', 'unignoreFinding', 'revealFinding']);

export interface GetFindingsResponse {
  /** Null when no composer on the page has been used yet. */
  composer: { label: string; error?: string } | null;
  findings: FindingView[];
}

/**
 * Name of the port the UI keeps open to the background: it closes when the extension is reloaded
 * or removed, so the UI can take itself off the page at once (see entrypoints/content/lifetime.ts).
 */
export const UI_PORT = 'clearline-ui';

/** The popup's answer when a finding it showed is gone (the draft changed, the composer closed). */
export const FINDING_GONE = 'That finding is no longer in the draft. Open the popup again to see the current ones.';

export interface ApplyResponse {
  ok: boolean;
  /** Human-readable reason when ok is false (text changed, composer gone …). */
  error?: string;
}
