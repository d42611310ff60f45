// Pack and rule metadata for the options page, popup and card: names, descriptions, counts and
// which professions turn a pack on. Loads the pack data without compiling it or loading NLP.
import { PACK_FILES } from '../../rules/index';
import type { PackDef, Strategy } from './pack-types';
import type { FindingKind, Profession, Severity } from './types';

export interface RuleInfo {
  /** The intent id. */
  id: string;
  /** Plain name for the options page ("Affection", "Free extras"). */
  name: string;
  strategy: Strategy;
  fullId: string;
  kind: FindingKind;
  severity: Severity;
  message: string;
  why: string;
}

export interface PackInfo {
  id: string;
  name: string;
  description: string;
  defaultFor: Profession[];
  rules: RuleInfo[];
}

export const PACKS: PackInfo[] = Object.values(PACK_FILES).map((raw) => {
  const p = raw as PackDef;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    defaultFor: p.defaultFor as Profession[],
    rules: p.rules.map((r) => ({
      id: r.id,
      name: r.name,
      strategy: r.strategy,
      fullId: `${p.id}/${r.id}`,
      kind: r.kind === 'missing' ? 'missing' : 'span',
      severity: r.severity,
      message: r.message,
      why: r.why,
    })),
  };
});

export function defaultPacksFor(profession: Profession): string[] {
  return PACKS.filter((p) => p.defaultFor.includes(profession)).map((p) => p.id);
}

export function findRule(fullId: string): RuleInfo | undefined {
  const [pack] = fullId.split('/');
  return PACKS.find((p) => p.id === pack)?.rules.find((r) => r.fullId === fullId);
}
