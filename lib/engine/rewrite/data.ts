// The rewrite data (rules/rewrites/*.json): per intent the plan of operations and the sentences a
// template step may use, by profession. Validated once at load, like the rule packs.
import assertiveness from '../../../rules/rewrites/assertiveness.json';
import availability from '../../../rules/rewrites/availability.json';
import confidentiality from '../../../rules/rewrites/confidentiality.json';
import personal from '../../../rules/rewrites/personal.json';
import scope from '../../../rules/rewrites/scope.json';
import tone from '../../../rules/rewrites/tone.json';
import wording from '../../../rules/rewrites/wording.json';
import type { Profession } from '../types';

export const OPS = [
  'drop-words', 'apologies-only', 'remove-clause', 'remove-sentence', 'remove-plain-sentence', 'hours-stand', 'template', 'replace-span', 'retime', 'any-hour', 'cleaned',
  'permission', 'free-extra', 'no-contract', 'polite-request', 'always-window', 'one-apology', 'own-invite', 'limit-revisions', 'ultimatum', 'urgent-route', 'own-gift', 'drop-aside',
  // lib/engine/rewrite/ops-scope-tone.ts
  'billable-extra', 'update-agreement', 'paid-trial', 'invoice-as-usual', 'hold-limit', 'drop-cave', 'keep-price', 'drop-blame', 'plain-no', 'one-apology-plain', 'calm-tone', 'firm-consequence', 'drop-sneer', 'revision-cap',
] as const;
export type OpName = (typeof OPS)[number];

export interface RewriteExample {
  text: string;
  output: string;
  settings?: Record<string, unknown>;
}

export interface IntentRewrite {
  plan: OpName[];
  /** Sentences for `template`, by profession; `default` for any other. */
  templates?: Record<string, string[]>;
  /** Replacements of the flagged phrase for `replace-span`. */
  spanTemplates?: Record<string, string[]>;
  examples?: RewriteExample[];
}

export interface RewriteFile {
  pack: string;
  about?: string;
  intents: Record<string, IntentRewrite>;
}

export interface Wording {
  next: string;
  work: string;
  meeting: string;
}

export const REWRITE_FILES: Record<string, RewriteFile> = {
  'rules/rewrites/availability.json': availability as RewriteFile,
  'rules/rewrites/personal.json': personal as RewriteFile,
  'rules/rewrites/confidentiality.json': confidentiality as RewriteFile,
  'rules/rewrites/assertiveness.json': assertiveness as RewriteFile,
  'rules/rewrites/scope.json': scope as RewriteFile,
  'rules/rewrites/tone.json': tone as RewriteFile,
};

export class RewriteDataError extends Error {
  override name = 'RewriteDataError';
}

const PLACEHOLDERS = new Set(['name', 'lead', 'window', 'availability', 'hours', 'days', 'responseTime', 'urgentAction', 'urgentChannel', 'next', 'work', 'meeting', 'nextSlot', 'gift']);

function validate(files: Record<string, RewriteFile>): Map<string, IntentRewrite> {
  const out = new Map<string, IntentRewrite>();
  for (const [file, data] of Object.entries(files)) {
    if (!data || typeof data.pack !== 'string' || !data.intents) throw new RewriteDataError(`${file}: expected {"pack", "intents"}`);
    for (const [id, entry] of Object.entries(data.intents)) {
      const at = `${file}: intent "${id}"`;
      if (!Array.isArray(entry.plan) || entry.plan.length === 0) throw new RewriteDataError(`${at}: field "plan": expected a list of operations`);
      for (const op of entry.plan) if (!(OPS as readonly string[]).includes(op)) throw new RewriteDataError(`${at}: field "plan": unknown operation "${op}" (known: ${OPS.join(', ')})`);
      for (const field of ['templates', 'spanTemplates'] as const) {
        for (const list of Object.values(entry[field] ?? {})) {
          for (const t of list) {
            for (const [, name] of t.matchAll(/\{([A-Za-z]+)\}/g)) {
              if (!PLACEHOLDERS.has(name!)) throw new RewriteDataError(`${at}: field "${field}": unknown placeholder {${name}} in ${JSON.stringify(t)}`);
            }
          }
        }
      }
      if (((entry.plan.includes('template') || entry.plan.includes('apologies-only')) && !entry.templates?.default) || (entry.plan.includes('replace-span') && !entry.spanTemplates?.default)) {
        throw new RewriteDataError(`${at}: a template step needs "default" templates`);
      }
      out.set(`${data.pack}/${id}`, entry);
    }
  }
  return out;
}

export const INTENT_REWRITES = validate(REWRITE_FILES);

export function rewriteFor(fullId: string): IntentRewrite | undefined {
  return INTENT_REWRITES.get(fullId);
}

export function wordingFor(profession: Profession): Wording {
  const table = (wording as { professions: Record<string, Wording> }).professions;
  return table[profession] ?? table.general!;
}

export function templatesFor(entry: Record<string, string[]> | undefined, profession: Profession): string[] {
  if (!entry) return [];
  return entry[profession] ?? entry.default ?? [];
}
