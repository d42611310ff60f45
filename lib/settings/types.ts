// The shape of everything the user can set. Stored in extension storage as one versioned object.
import type { CustomRule, Policy, Severity } from '../engine/types';

export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

export interface Settings {
  /** Schema version; migrations bring older objects up to SETTINGS_VERSION. */
  version: number;
  /** Pack id → on/off. Packs missing here follow the profession's defaults. */
  packs: Record<string, boolean>;
  /** Full rule id `<pack>/<rule>` → per-rule overrides. */
  rules: Record<string, RuleSetting>;
  policy: Policy;
  customRules: CustomRule[];
  sites: {
    /** Built-in sites: gmail, linkedin, outlook. */
    builtIn: Record<'gmail' | 'linkedin' | 'outlook', boolean>;
    /** Origins the user added, e.g. "https://app.example.com". */
    added: string[];
  };
  /** Epoch ms until which Clearline is paused everywhere; 0 = not paused. */
  pausedUntil: number;
}
