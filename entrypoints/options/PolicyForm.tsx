// The user's policy: working days and hours, time zone, reply time, urgent path, optional lines, with a live statement preview.
import { useEffect, useRef, useState } from 'preact/hooks';
import { boundaryStatement, DAY_NAMES, resolvePolicy } from '@/lib/engine/policy';
import { localeClock } from '@/lib/engine/zones';
import { browserLocale } from '@/lib/settings/analyze-options';
import type { Policy } from '@/lib/engine/types';
import { LIMITS, validatePolicy } from '@/lib/settings/schema';
import type { Settings } from '@/lib/settings/types';
import { TimeZonePicker } from '@/lib/ui/TimeZonePicker';
import type { Save } from './Options';

const WEEK = [1, 2, 3, 4, 5, 6, 0]; // shown Monday first
const OPTIONAL_LINES = [
  { key: 'giftsLine', label: 'On gifts', placeholder: 'e.g. I am not able to accept personal gifts, though I appreciate the thought.' },
  { key: 'socialLine', label: 'On social media', placeholder: 'e.g. I don’t connect with clients on personal social media.' },
  { key: 'runInsLine', label: 'On meeting outside work', placeholder: 'e.g. If we run into each other outside work, I’ll leave it to you whether to say hello.' },
] as const;

/** Key-order-independent form: storage may hand objects back with their keys sorted. */
function canonical(p: Policy): string {
  return JSON.stringify(Object.fromEntries(Object.entries(p).sort(([a], [b]) => a.localeCompare(b))));
}

export function PolicyForm({ settings, save }: { settings: Settings; save: Save }) {
  const [draft, setDraft] = useState<Policy>(settings.policy);
  // Storage echoes every save back, possibly behind the user's typing. Echoes of our own saves
  // (pending, in order) and repeats of the policy we last saw leave the draft alone; anything
  // else is an import, a reset or another tab, and replaces the draft.
  const pending = useRef<string[]>([]);
  const lastSeen = useRef(canonical(settings.policy));

  useEffect(() => {
    const incoming = canonical(settings.policy);
    if (incoming === lastSeen.current) return;
    lastSeen.current = incoming;
    const i = pending.current.indexOf(incoming);
    if (i >= 0) {
      pending.current = pending.current.slice(i + 1);
      return;
    }
    pending.current = [];
    setDraft(settings.policy);
  }, [settings.policy]);

  const validation = validatePolicy(draft);
  const errors: Record<string, string> = {};
  if (!validation.ok) for (const e of validation.errors) errors[e.path.replace(/^policy\./, '').replace(/\[\d+\]$/, '')] ??= e.message;

  function change(patch: Partial<Policy>) {
    const next: Policy = { ...draft, ...patch };
    for (const { key } of OPTIONAL_LINES) if (next[key] === '') delete next[key];
    setDraft(next);
    // Only a valid policy is saved; an invalid one stays in the form with its error beside it.
    if (validatePolicy(next).ok) {
      pending.current.push(canonical({ ...next, profession: settings.policy.profession }));
      void save((s) => void (s.policy = { ...next, profession: s.policy.profession }));
    }
  }

  const clock = draft.clock ?? localeClock(browserLocale());
  const preview = boundaryStatement(resolvePolicy({ ...(validation.ok ? draft : settings.policy), clock: (validation.ok ? draft : settings.policy).clock ?? clock }));

  const errorFor = (key: string) =>
    errors[key] ? (
      <p class="cl-error" id={`policy-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;
  const invalid = (key: string) => ({
    'aria-invalid': errors[key] ? ('true' as const) : undefined,
    'aria-describedby': errors[key] ? `policy-${key}-error` : undefined,
  });

  return (
    <section id="policy" aria-labelledby="policy-h" class="card">
      <h2 id="policy-h">Your policy</h2>
      <p class="cl-muted">Clearline judges times in your drafts against these hours and quotes them in rewrites.</p>

      <fieldset class="days" {...invalid('workDays')}>
        <legend>Working days</legend>
        {WEEK.map((d) => (
          <label class="day" key={d}>
            <input
              type="checkbox"
              aria-label={DAY_NAMES[d]}
              checked={draft.workDays.includes(d)}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                const days = on ? [...draft.workDays, d] : draft.workDays.filter((x) => x !== d);
                change({ workDays: days.sort((a, b) => a - b) });
              }}
            />
            <span aria-hidden="true">{DAY_NAMES[d]!.slice(0, 3)}</span>
          </label>
        ))}
        {errorFor('workDays')}
      </fieldset>

      <div class="grid">
        <div class="field">
          <label class="field-label">
          <span>Start of working day</span>
          <input type="time" name="workStart" value={draft.workStart} {...invalid('workStart')} onInput={(e) => change({ workStart: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          {errorFor('workStart')}
        </div>
        <div class="field">
          <label class="field-label">
          <span>End of working day</span>
          <input type="time" name="workEnd" value={draft.workEnd} {...invalid('workEnd')} onInput={(e) => change({ workEnd: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          {errorFor('workEnd')}
        </div>
        <TimeZonePicker value={draft.timeZone} onChange={(timeZone) => change({ timeZone })} />
        <fieldset class="clock">
          <legend>Times in your statement</legend>
          {(['12h', '24h'] as const).map((c) => (
            <label class="field checkbox" key={c}>
              <input type="radio" name="clock" checked={clock === c} onChange={() => change({ clock: c })} />
              {c === '12h' ? '4:30 PM' : '16:30'}
            </label>
          ))}
        </fieldset>
        <div class="field wide">
          <label class="field-label">
          <span>I reply…</span>
          <input type="text" name="responseTime" value={draft.responseTime} maxLength={LIMITS.policyText} {...invalid('responseTime')} onInput={(e) => change({ responseTime: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          {errorFor('responseTime')}
        </div>
        <div class="field wide">
          <label class="field-label">
          <span>For anything urgent, clients should…</span>
          <input type="text" name="urgentChannel" value={draft.urgentChannel} maxLength={LIMITS.policyText} {...invalid('urgentChannel')} onInput={(e) => change({ urgentChannel: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          {errorFor('urgentChannel')}
        </div>
      </div>

      <details class="optional" open={OPTIONAL_LINES.some(({ key }) => !!draft[key])}>
        <summary>Optional lines for the statement</summary>
        {OPTIONAL_LINES.map(({ key, label, placeholder }) => (
          <div class="field" key={key}>
            <label class="field-label">
            <span>{label}</span>
            <textarea name={key} rows={2} maxLength={LIMITS.policyLine} placeholder={placeholder} value={draft[key] ?? ''} {...invalid(key)} onInput={(e) => change({ [key]: (e.currentTarget as HTMLTextAreaElement).value })} />
            </label>
            {errorFor(key)}
          </div>
        ))}
      </details>

      <div class="preview">
        <h3 id="preview-h">Your boundary statement</h3>
        <p class="cl-muted">What “Insert boundary statement” adds to a reply.</p>
        <blockquote aria-labelledby="preview-h" aria-live="polite" data-testid="statement-preview">
          {preview}
        </blockquote>
      </div>
    </section>
  );
}
