// Rule packs from the engine's catalog, each a switch; expanding one lists its intents (the rules a
// user switches off) by plain name, each with its own switch and severity.
import { useState } from 'preact/hooks';
import { PACKS } from '@/lib/engine/catalog';
import { SEVERITIES, type Severity } from '@/lib/engine/types';
import { isPackOn } from '@/lib/settings/analyze-options';
import type { Settings } from '@/lib/settings/types';
import { ruleName } from '@/lib/ui/rule-name';
import { SEVERITY_LABELS } from '@/lib/ui/SeverityBadge';
import type { Save } from './Options';

export function PackList({ settings, save }: { settings: Settings; save: Save }) {
  const [open, setOpen] = useState<Record<string, boolean>>({});
  return (
    <section id="packs" aria-labelledby="packs-h" class="card">
      <h2 id="packs-h">Rule packs</h2>
      <ul class="packs">
        {PACKS.map((pack) => {
          const on = isPackOn(settings, pack.id);
          const expanded = !!open[pack.id];
          const switchId = `pack-${pack.id}`;
          const listId = `pack-${pack.id}-rules`;
          const ruleCount = pack.rules.length;
          const offCount = pack.rules.filter((r) => settings.rules[r.fullId]?.enabled === false).length;
          return (
            <li class="pack" key={pack.id} data-pack={pack.id}>
              <div class="pack-row">
                <input
                  type="checkbox"
                  role="switch"
                  class="cl-switch"
                  id={switchId}
                  checked={on}
                  aria-describedby={`${switchId}-desc`}
                  onChange={(e) => {
                    const checked = (e.currentTarget as HTMLInputElement).checked;
                    void save((s) => void (s.packs[pack.id] = checked), `${pack.name} ${checked ? 'on' : 'off'}`);
                  }}
                />
                <div class="pack-text">
                  <label for={switchId} class="pack-name">
                    {pack.name}
                  </label>
                  <span class="pack-count">
                    {ruleCount} {ruleCount === 1 ? 'rule' : 'rules'}
                    {offCount > 0 && `, ${offCount} off`}
                  </span>
                  <p id={`${switchId}-desc`} class="cl-muted pack-desc">
                    {pack.description}
                  </p>
                </div>
                <button
                  type="button"
                  class="cl-button small"
                  aria-expanded={expanded}
                  aria-controls={listId}
                  onClick={() => setOpen({ ...open, [pack.id]: !expanded })}
                >
                  {expanded ? 'Hide rules' : 'Show rules'}
                  <span class="visually-hidden"> of {pack.name}</span>
                </button>
              </div>
              {expanded && (
                <ul class="rules" id={listId} aria-label={`Rules in ${pack.name}`}>
                  {pack.rules.map((rule) => {
                    const rs = settings.rules[rule.fullId] ?? {};
                    const ruleOn = rs.enabled !== false;
                    const ruleSwitchId = `rule-${rule.fullId.replace('/', '--')}`;
                    const severity = rs.severity ?? rule.severity;
                    const name = ruleName(rule);
                    return (
                      <li class="rule" key={rule.fullId} data-rule={rule.fullId}>
                        <input
                          type="checkbox"
                          role="switch"
                          class="cl-switch"
                          id={ruleSwitchId}
                          checked={ruleOn}
                          disabled={!on}
                          onChange={(e) => {
                            const checked = (e.currentTarget as HTMLInputElement).checked;
                            void save((s) => {
                              const next = { ...s.rules[rule.fullId] };
                              if (checked) delete next.enabled;
                              else next.enabled = false;
                              setRule(s, rule.fullId, next);
                            }, `${name}: ${checked ? 'on' : 'off'}`);
                          }}
                        />
                        <label for={ruleSwitchId} class="rule-text">
                          {name}
                        </label>
                        <label class="rule-severity">
                          <span class="visually-hidden">Severity of “{name}”</span>
                          <select
                            value={severity}
                            disabled={!on}
                            onChange={(e) => {
                              const value = (e.currentTarget as HTMLSelectElement).value as Severity;
                              void save((s) => {
                                const next = { ...s.rules[rule.fullId] };
                                if (value === rule.severity) delete next.severity;
                                else next.severity = value;
                                setRule(s, rule.fullId, next);
                              }, `${name}: ${SEVERITY_LABELS[value]}`);
                            }}
                          >
                            {SEVERITIES.map((sev) => (
                              <option value={sev} key={sev}>
                                {SEVERITY_LABELS[sev]}
                                {sev === rule.severity ? ' (default)' : ''}
                              </option>
                            ))}
                          </select>
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Keep settings.rules sparse: a rule back at its defaults has no entry. */
function setRule(s: Settings, fullId: string, next: { enabled?: boolean; severity?: Severity }) {
  if (next.enabled === undefined && next.severity === undefined) delete s.rules[fullId];
  else s.rules[fullId] = next;
}
