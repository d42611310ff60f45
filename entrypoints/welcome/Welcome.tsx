// First run: who you are and when you work (so rewrites quote your own hours), the urgent path,
// the keyboard, and pinning the icon. Everything can be skipped; nothing is saved until "Save".
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { boundaryStatement, DAY_NAMES, resolvePolicy } from '@/lib/engine/policy';
import { defaultUrgentChannel, PROFESSIONS, type Policy, type Profession } from '@/lib/engine/types';
import { localeClock } from '@/lib/engine/zones';
import { validatePolicy } from '@/lib/settings/schema';
import { getSettings, updateSettings } from '@/lib/settings/storage';
import { TimeZonePicker } from '@/lib/ui/TimeZonePicker';
import { PROFESSION_LABELS } from '../options/Options';

const WEEK = [1, 2, 3, 4, 5, 6, 0];

export function Welcome() {
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [done, setDone] = useState<'saved' | 'skipped' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void getSettings().then((s) => {
      const p = { ...s.policy };
      // Times read the way this browser's language writes them, unless already chosen.
      p.clock ??= localeClock(navigator.language);
      if (p.urgentChannel === defaultUrgentChannel('general')) p.urgentChannel = defaultUrgentChannel(p.profession);
      setPolicy(p);
    });
  }, []);

  if (!policy) return <main class="welcome"><p>Loading…</p></main>;

  const set = (patch: Partial<Policy>) => setPolicy({ ...policy, ...patch });
  const check = validatePolicy(policy);
  const firstError = check.ok ? null : check.errors[0]!.message;

  async function save() {
    if (!check.ok) return setError(firstError);
    await updateSettings((s) => {
      s.policy = { ...policy! };
      s.packs = {}; // the profession's default packs
    });
    setDone('saved');
  }

  const pinHelp = import.meta.env.FIREFOX
    ? 'Click the Extensions button (the puzzle piece) in the toolbar, open the menu next to Clearline and choose “Pin to Toolbar”.'
    : 'Click the Extensions button (the puzzle piece) in the toolbar, then the pin next to Clearline.';

  return (
    <main class="welcome">
      <header class="welcome-header">
        <img src="/icon/48.png" width={40} height={40} alt="" />
        <div>
          <h1>Welcome to Clearline</h1>
          <p class="cl-muted">It underlines wording that gives a boundary away while you write to clients, and offers a professional rewrite. Nothing leaves this device.</p>
        </div>
      </header>

      {done ? (
        <section class="card" aria-labelledby="done-h">
          <h2 id="done-h">{done === 'saved' ? 'All set' : 'Skipped'}</h2>
          <p role="status">
            {done === 'saved'
              ? 'Saved. Clearline now quotes your hours and urgent path in its rewrites.'
              : 'Nothing was changed. You can set your hours any time under Settings in the Clearline toolbar menu.'}
          </p>
          <button type="button" class="cl-button primary" onClick={() => window.close()}>
            Close this tab
          </button>
        </section>
      ) : (
        <form
          class="card"
          aria-labelledby="setup-h"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <div class="setup-head">
            <h2 id="setup-h">Your working hours</h2>
            <button type="button" class="cl-button" onClick={() => setDone('skipped')}>
              Skip for now
            </button>
          </div>
          <p class="cl-muted">Rewrites quote these to clients, and Clearline flags offers outside them.</p>

          <label class="field">
            <span>I work as</span>
            <select
              value={policy.profession}
              onChange={(e) => {
                const profession = (e.currentTarget as HTMLSelectElement).value as Profession;
                // The urgent path follows the profession unless the user wrote their own.
                const urgent = policy.urgentChannel === defaultUrgentChannel(policy.profession) ? defaultUrgentChannel(profession) : policy.urgentChannel;
                set({ profession, urgentChannel: urgent });
              }}
            >
              {PROFESSIONS.map((p) => (
                <option value={p} key={p}>
                  {PROFESSION_LABELS[p]}
                </option>
              ))}
            </select>
          </label>

          <fieldset class="days">
            <legend>Working days</legend>
            {WEEK.map((d) => (
              <label class="day" key={d}>
                <input
                  type="checkbox"
                  aria-label={DAY_NAMES[d]}
                  checked={policy.workDays.includes(d)}
                  onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    set({ workDays: (on ? [...policy.workDays, d] : policy.workDays.filter((x) => x !== d)).sort((a, b) => a - b) });
                  }}
                />
                <span aria-hidden="true">{DAY_NAMES[d]!.slice(0, 3)}</span>
              </label>
            ))}
          </fieldset>

          <div class="row">
            <label class="field">
              <span>Start of working day</span>
              <input type="time" value={policy.workStart} onInput={(e) => set({ workStart: (e.currentTarget as HTMLInputElement).value })} />
            </label>
            <label class="field">
              <span>End of working day</span>
              <input type="time" value={policy.workEnd} onInput={(e) => set({ workEnd: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </div>

          <TimeZonePicker id="welcome-tz" value={policy.timeZone} onChange={(timeZone) => set({ timeZone })} />

          <fieldset class="clock">
            <legend>Times in your rewrites</legend>
            {(['12h', '24h'] as const).map((c) => (
              <label class="choice" key={c}>
                <input type="radio" name="clock" checked={policy.clock === c} onChange={() => set({ clock: c })} />
                {c === '12h' ? '4:30 PM' : '16:30'}
              </label>
            ))}
          </fieldset>

          <label class="field">
            <span>For anything urgent outside your hours, clients should…</span>
            <input type="text" value={policy.urgentChannel} onInput={(e) => set({ urgentChannel: (e.currentTarget as HTMLInputElement).value })} />
          </label>
          {policy.profession === 'clinician' && (
            <p class="cl-muted hint">For clients who may be at risk, point to help that answers at once, such as your local emergency number or a crisis line.</p>
          )}

          <div class="preview">
            <h3 id="welcome-preview-h">What clients will read</h3>
            <blockquote aria-labelledby="welcome-preview-h" aria-live="polite" data-testid="welcome-statement">
              {boundaryStatement(resolvePolicy(check.ok ? policy : undefined))}
            </blockquote>
          </div>

          {(error || firstError) && (
            <p class="cl-error" role="alert">
              {error ?? firstError}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="cl-button primary">
              Save
            </button>
          </div>
        </form>
      )}

      <section class="card" aria-labelledby="keys-h">
        <h2 id="keys-h">Use it from the keyboard</h2>
        <p>
          While you write, press <kbd>Alt</kbd>+<kbd>Enter</kbd> to open the card for the underlined words at the caret (press it
          again for the next issue). <kbd>↑</kbd> <kbd>↓</kbd> choose a rewrite, <kbd>Enter</kbd> applies it, <kbd>Esc</kbd> closes
          the card, and <kbd>Ctrl</kbd>+<kbd>Z</kbd> puts your words back.
        </p>
      </section>

      <section class="card" aria-labelledby="pin-h">
        <h2 id="pin-h">Pin the icon</h2>
        <p>The icon shows how many issues your draft has and pauses Clearline. {pinHelp}</p>
      </section>
    </main>
  );
}
