// The options page: loads settings, keeps them in sync with storage, and saves every change at once.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { defaultUrgentChannel, PROFESSIONS, type Profession } from '@/lib/engine/types';
import { getSettings, updateSettings, watchSettings } from '@/lib/settings/storage';
import type { Settings } from '@/lib/settings/types';
import { CustomRules } from './CustomRules';
import { ImportExport } from './ImportExport';
import { PackList } from './PackList';
import { NOTE_MS, placeNear, type NotePlace } from './save-note';
import { PolicyForm } from './PolicyForm';
import { Sites } from './Sites';
import { TryIt } from './TryIt';

export const PROFESSION_LABELS: Record<Profession, string> = {
  general: 'General',
  freelancer: 'Freelancer or consultant',
  clinician: 'Therapist, counsellor or social worker',
  coach: 'Coach',
  'account-manager': 'Account manager',
};

export type Save = (mutate: (s: Settings) => void, done?: string) => Promise<boolean>;

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatusState] = useState<{ text: string; error?: boolean; place?: NotePlace | null }>({ text: '' });
  // Every status is shown beside whatever the user just changed (focus is still on it).
  const noteTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const setStatus = useCallback((s: { text: string; error?: boolean }) => {
    setStatusState({ ...s, place: placeNear(document.activeElement) });
    clearTimeout(noteTimer.current);
    noteTimer.current = setTimeout(() => setStatusState((cur) => ({ ...cur, place: null })), NOTE_MS);
  }, []);

  useEffect(() => {
    void getSettings().then(setSettings);
    // Changes from elsewhere ("Turn off this rule" on the page, another options tab) show up here.
    return watchSettings(setSettings);
  }, []);

  const save: Save = useCallback(async (mutate, done = 'Saved') => {
    try {
      setSettings(await updateSettings(mutate));
      setStatus({ text: done });
      return true;
    } catch (e) {
      setStatus({ text: `Not saved: ${e instanceof Error ? e.message : String(e)}`, error: true });
      return false;
    }
  }, [setStatus]);

  if (!settings) return <p class="loading">Loading settings…</p>;

  return (
    <div class="page">
      <header class="page-header">
        <img src="/icon/48.png" width={32} height={32} alt="" />
        <div>
          <h1>Clearline settings</h1>
          <p class="cl-muted">Changes apply at once to open drafts. Everything stays on this device.</p>
        </div>
        <p
          class={`status${status.error ? ' status-error' : ''}${status.place ? ' status-near' : ''}`}
          role="status"
          aria-live="polite"
          data-testid="save-status"
          style={status.place ? { top: `${status.place.top}px`, left: `${status.place.right}px` } : undefined}
        >
          {status.text}
        </p>
      </header>

      <nav class="toc" aria-label="Sections">
        <a href="#profession">Profession</a>
        <a href="#packs">Rule packs</a>
        <a href="#policy">Your policy</a>
        <a href="#custom">Custom phrases</a>
        <a href="#try">Try a sentence</a>
        <a href="#sites">Sites</a>
        <a href="#backup">Import and export</a>
      </nav>

      <main>
        <section id="profession" aria-labelledby="profession-h" class="card">
          <h2 id="profession-h">Profession</h2>
          <p class="cl-muted">Sets which rule packs are on by default. Choosing one resets the pack switches below to its defaults.</p>
          <label class="field inline">
            <span>I work as</span>
            <select
              value={settings.policy.profession}
              onChange={(e) => {
                const profession = (e.currentTarget as HTMLSelectElement).value as Profession;
                void save((s) => {
                  // The urgent path follows the profession unless the user wrote their own.
                  if (s.policy.urgentChannel === defaultUrgentChannel(s.policy.profession)) s.policy.urgentChannel = defaultUrgentChannel(profession);
                  s.policy.profession = profession;
                  s.packs = {};
                }, `Profession set to ${PROFESSION_LABELS[profession]}`);
              }}
            >
              {PROFESSIONS.map((p) => (
                <option value={p} key={p}>
                  {PROFESSION_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
        </section>

        <PackList settings={settings} save={save} />
        <PolicyForm settings={settings} save={save} />
        <CustomRules settings={settings} save={save} />
        <TryIt settings={settings} />
        <Sites settings={settings} save={save} setStatus={setStatus} />
        <ImportExport settings={settings} setSettings={setSettings} setStatus={setStatus} />
      </main>
    </div>
  );
}
