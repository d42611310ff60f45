// Turns the user's settings into the engine's AnalyzeOptions: which packs, which rules, what severity, which policy.
import { defaultPacksFor } from '../engine/catalog';
import { PACK_IDS, type AnalyzeOptions, type Severity } from '../engine/types';
import { localeClock } from '../engine/zones';
import type { Settings } from './types';

/** Whether a pack is on: an explicit switch wins; otherwise the profession's defaults decide. */
export function isPackOn(settings: Pick<Settings, 'packs' | 'policy'>, packId: string): boolean {
  const explicit = settings.packs[packId];
  if (explicit !== undefined) return explicit;
  return defaultPacksFor(settings.policy.profession).includes(packId);
}

export function toAnalyzeOptions(settings: Settings): AnalyzeOptions {
  const packs = PACK_IDS.filter((id) => isPackOn(settings, id));
  const disabledRules: string[] = [];
  const severityOverrides: Record<string, Severity> = {};
  for (const [id, rule] of Object.entries(settings.rules)) {
    if (rule.enabled === false) disabledRules.push(id);
    if (rule.severity) severityOverrides[id] = rule.severity;
  }
  return {
    packs,
    disabledRules,
    severityOverrides,
    // Times follow the user's own clock until they choose one: "16:30" where the browser's locale
    // reads 24-hour time, "4:30 PM" where it reads 12-hour.
    policy: { ...settings.policy, clock: settings.policy.clock ?? localeClock(browserLocale()) },
    // A custom phrase belongs to a pack and follows its switch, so "turn the pack off" means
    // nothing from that pack flags, whatever the engine does with customRules.
    customRules: settings.customRules.filter((r) => packs.includes(r.pack as (typeof PACK_IDS)[number])),
  };
}

/** The browser's language in any context (a page, the service worker), if it has one. */
export function browserLocale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}
