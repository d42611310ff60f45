// Turns the user's settings into the engine's AnalyzeOptions: which packs, which rules, what severity, which policy.
import { defaultPacksFor } from '../engine/catalog';
import { PACK_IDS, type AnalyzeOptions, type Severity } from '../engine/types';
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
    policy: settings.policy,
    // A custom phrase belongs to a pack and follows its switch, so "turn the pack off" means
    // nothing from that pack flags, whatever the engine does with customRules.
    customRules: settings.customRules.filter((r) => packs.includes(r.pack as (typeof PACK_IDS)[number])),
  };
}
