// Custom phrases and patterns: a form validated as you type (unsafe patterns refused with the reason) and the list of rules.
import { useState } from 'preact/hooks';
import { PACKS } from '@/lib/engine/catalog';
import { SEVERITIES, type CustomRule, type Severity } from '@/lib/engine/types';
import { isPackOn } from '@/lib/settings/analyze-options';
import { freshCustomRuleId } from '@/lib/settings/import-export';
import { duplicateMessage, LIMITS, sameCustomMatch, validateCustomRule } from '@/lib/settings/schema';
import type { Settings } from '@/lib/settings/types';
import { SEVERITY_LABELS, SeverityBadge } from '@/lib/ui/SeverityBadge';
import type { Save } from './Options';

type Draft = Omit<CustomRule, 'id'>;

const EMPTY: Draft = { match: '', isPattern: false, pack: 'personal', severity: 'warning', message: '', suggestion: '' };

export function CustomRules({ settings, save }: { settings: Settings; save: Save }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<string | null>(null);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);

  const id = editing ?? freshCustomRuleId(settings.customRules.map((r) => r.id));
  const result = validateCustomRule({ id, ...draft }, 'rule');
  const errors: Record<string, string> = {};
  if (!result.ok) for (const e of result.errors) errors[e.path.replace(/^rule\./, '')] ??= e.message;
  const duplicate = settings.customRules.find((r) => r.id !== editing && sameCustomMatch(r, draft));
  if (duplicate && !errors.match) errors.match = duplicateMessage(`your custom rule “${duplicate.match}”`);
  // The match field is checked as you type (pattern safety matters most there); the rest once
  // touched or on submit, so an empty form does not start out red.
  const shown = (k: string) => (k === 'match' ? draft.match !== '' || submitted : touched[k] || submitted) && errors[k];

  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });
  const touch = (k: string) => setTouched({ ...touched, [k]: true });

  async function submit(e: Event) {
    e.preventDefault();
    setSubmitted(true);
    if (Object.keys(errors).length) {
      const first = Object.keys(errors)[0];
      document.getElementById(`custom-${first}`)?.focus();
      return;
    }
    const rule: CustomRule = { id, ...draft, match: draft.match.trim(), message: draft.message.trim(), suggestion: draft.suggestion.trim() };
    const ok = await save((s) => {
      const i = s.customRules.findIndex((r) => r.id === rule.id);
      if (i >= 0) {
        // A rule turned off stays off when it moves to another pack.
        const before = `${s.customRules[i]!.pack}/${rule.id}`;
        const setting = s.rules[before];
        delete s.rules[before];
        if (setting) s.rules[`${rule.pack}/${rule.id}`] = setting;
        s.customRules[i] = rule;
      } else s.customRules.push(rule);
    }, editing ? 'Custom rule updated' : `Custom rule added: “${rule.match}”`);
    if (ok) reset();
  }

  function reset() {
    setDraft(EMPTY);
    setEditing(null);
    setTouched({});
    setSubmitted(false);
  }

  const fieldProps = (k: string) => ({
    id: `custom-${k}`,
    'aria-invalid': shown(k) ? ('true' as const) : undefined,
    'aria-describedby': shown(k) ? `custom-${k}-error` : undefined,
    onBlur: () => touch(k),
  });
  const errorFor = (k: string) =>
    shown(k) ? (
      <p class="cl-error" id={`custom-${k}-error`} data-testid={`custom-${k}-error`}>
        {errors[k]}
      </p>
    ) : null;

  return (
    <section id="custom" aria-labelledby="custom-h" class="card">
      <h2 id="custom-h">Custom phrases</h2>
      <p class="cl-muted">
        Flag your own words. A phrase matches whole words, in any case. A pattern is a simple regular expression; patterns
        that could run slowly, match empty text or are longer than 200 characters are refused. A custom phrase follows its
        pack’s switch.
      </p>

      <form class="custom-form" onSubmit={submit} noValidate aria-label={editing ? 'Edit custom rule' : 'Add a custom rule'}>
        <div class="grid two">
          <div class="field wide">
            <label class="field-label">
              <span>{draft.isPattern ? 'Pattern' : 'Phrase'}</span>
              <input type="text" name="match" value={draft.match} maxLength={LIMITS.phrase + 50} {...fieldProps('match')} onInput={(e) => set('match', (e.currentTarget as HTMLInputElement).value)} />
            </label>
            {errorFor('match')}
          </div>
          <label class="field checkbox wide">
            <input type="checkbox" name="isPattern" checked={draft.isPattern} onChange={(e) => set('isPattern', (e.currentTarget as HTMLInputElement).checked)} />
            <span>Treat as a pattern (regular expression)</span>
          </label>
          <div class="field">
            <label class="field-label">
              <span>Pack</span>
              <select name="pack" value={draft.pack} {...fieldProps('pack')} onChange={(e) => set('pack', (e.currentTarget as HTMLSelectElement).value)}>
                {PACKS.map((p) => (
                  <option value={p.id} key={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            {errorFor('pack')}
            {!isPackOn(settings, draft.pack) && (
              <p class="cl-muted hint" id="custom-pack-off" data-testid="custom-pack-off">
                {packName(draft.pack)} is off, so this phrase will not flag until you turn the pack on.
              </p>
            )}
          </div>
          <div class="field">
            <label class="field-label">
              <span>Severity</span>
              <select name="severity" value={draft.severity} {...fieldProps('severity')} onChange={(e) => set('severity', (e.currentTarget as HTMLSelectElement).value as Severity)}>
                {SEVERITIES.map((sev) => (
                  <option value={sev} key={sev}>
                    {SEVERITY_LABELS[sev]}
                  </option>
                ))}
              </select>
            </label>
            {errorFor('severity')}
          </div>
          <div class="field wide">
            <label class="field-label">
              <span>Message shown with the flag</span>
              <input type="text" name="message" value={draft.message} maxLength={LIMITS.message + 50} placeholder="e.g. Pet names read as personal, not professional." {...fieldProps('message')} onInput={(e) => set('message', (e.currentTarget as HTMLInputElement).value)} />
            </label>
            {errorFor('message')}
          </div>
          <div class="field wide">
            <label class="field-label">
              <span>Suggested rewrite (optional)</span>
              <input type="text" name="suggestion" value={draft.suggestion} maxLength={LIMITS.suggestion + 50} {...fieldProps('suggestion')} onInput={(e) => set('suggestion', (e.currentTarget as HTMLInputElement).value)} />
            </label>
            {errorFor('suggestion')}
          </div>
        </div>
        <div class="actions">
          <button type="submit" class="cl-button primary">
            {editing ? 'Save rule' : 'Add rule'}
          </button>
          {editing && (
            <button type="button" class="cl-button" onClick={reset}>
              Cancel
            </button>
          )}
        </div>
      </form>

      {settings.customRules.length > 0 ? (
        <ul class="custom-list" aria-label="Your custom rules">
          {settings.customRules.map((r) => (
            <li key={r.id} class="custom-item" data-custom-rule={r.id}>
              <div class="custom-main">
                <code class="custom-match">{r.isPattern ? `/${r.match}/` : `“${r.match}”`}</code>
                <SeverityBadge severity={r.severity} />
                <span class="cl-muted">
                  {packName(r.pack)}
                  {!isPackOn(settings, r.pack) && ' (pack off)'}
                  {isTurnedOff(settings, r) && ' (turned off)'}
                </span>
                <p class="custom-message">{r.message}</p>
                {r.suggestion && <p class="cl-muted custom-suggestion">→ {r.suggestion}</p>}
              </div>
              <div class="custom-actions">
                <button
                  type="button"
                  class="cl-button small"
                  aria-label={`Edit custom rule ${r.match}`}
                  onClick={() => {
                    const { id: ruleId, ...rest } = r;
                    setEditing(ruleId);
                    setDraft(rest);
                    document.getElementById('custom-match')?.focus();
                  }}
                >
                  Edit
                </button>
                {isTurnedOff(settings, r) && (
                  <button
                    type="button"
                    class="cl-button small"
                    aria-label={`Turn on custom rule ${r.match}`}
                    onClick={() => void save((s) => void delete s.rules[`${r.pack}/${r.id}`], `Turned on “${r.match}”`)}
                  >
                    Turn on
                  </button>
                )}
                <button
                  type="button"
                  class="cl-button small danger"
                  aria-label={`Delete custom rule ${r.match}`}
                  onClick={() => {
                    if (editing === r.id) reset();
                    void save((s) => {
                      s.customRules = s.customRules.filter((x) => x.id !== r.id);
                      // Ids are reused: a new rule must not inherit this one's "turned off".
                      delete s.rules[`${r.pack}/${r.id}`];
                    }, `Deleted “${r.match}”`);
                  }}
                >
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p class="cl-muted">No custom phrases yet.</p>
      )}
    </section>
  );
}

/** "Turn off this rule" on a card switched this custom rule off. */
function isTurnedOff(settings: Settings, r: CustomRule): boolean {
  return settings.rules[`${r.pack}/${r.id}`]?.enabled === false;
}

function packName(id: string): string {
  return PACKS.find((p) => p.id === id)?.name ?? id;
}
