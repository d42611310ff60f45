// Import and export of settings and custom rules as JSON files; a bad file changes nothing and every problem is listed.
import { useRef, useState } from 'preact/hooks';
import { defaultSettings } from '@/lib/settings/defaults';
import { applyImport, exportCustomRules, exportSettings, parseImport } from '@/lib/settings/import-export';
import { updateSettings } from '@/lib/settings/storage';
import type { Settings } from '@/lib/settings/types';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ImportExport({
  settings,
  setSettings,
  setStatus,
}: {
  settings: Settings;
  setSettings: (s: Settings) => void;
  setStatus: (s: { text: string; error?: boolean }) => void;
}) {
  const [problems, setProblems] = useState<{ file: string; errors: string[] } | null>(null);
  const [done, setDone] = useState('');
  const dialog = useRef<HTMLDialogElement>(null);

  async function importFile(file: File) {
    setDone('');
    const result = parseImport(await file.text());
    if (!result.ok) {
      setProblems({ file: file.name, errors: result.errors });
      setStatus({ text: `Import refused: nothing was changed`, error: true });
      return;
    }
    try {
      // Through the same queue as every other change, so a toggle in flight is not lost.
      const next = await updateSettings((s) => void Object.assign(s, applyImport(s, result)));
      setSettings(next);
      setProblems(null);
      const what =
        result.kind === 'settings'
          ? `settings${result.fromVersion < next.version ? ` (upgraded from version ${result.fromVersion})` : ''}`
          : `${result.customRules.length} custom ${result.customRules.length === 1 ? 'rule' : 'rules'}`;
      setDone(`Imported ${what} from ${file.name}.`);
      setStatus({ text: `Imported ${what}` });
    } catch (e) {
      setProblems({ file: file.name, errors: [e instanceof Error ? e.message : String(e)] });
    }
  }

  async function reset() {
    // Permissions for added sites belong to this browser; reset keeps them (remove them under Sites).
    const next = await updateSettings((s) => {
      const added = s.sites.added;
      Object.assign(s, defaultSettings());
      s.sites.added = added;
    });
    setSettings(next);
    setStatus({ text: 'Settings reset to defaults' });
    dialog.current?.close();
  }

  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section id="backup" aria-labelledby="backup-h" class="card">
      <h2 id="backup-h">Import and export</h2>
      <div class="actions">
        <button type="button" class="cl-button" onClick={() => download(`clearline-settings-${stamp}.json`, exportSettings(settings))}>
          Export settings
        </button>
        <button
          type="button"
          class="cl-button"
          disabled={settings.customRules.length === 0}
          onClick={() => download(`clearline-custom-rules-${stamp}.json`, exportCustomRules(settings.customRules))}
        >
          Export custom rules
        </button>
        <label class="cl-button file-button">
          Import a file…
          <input
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            data-testid="import-file"
            onChange={(e) => {
              const input = e.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) void importFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      <p class="cl-muted">
        A settings file replaces everything except the sites you added on this browser. A custom-rules file adds its rules to
        yours.
      </p>
      {problems && (
        <div class="import-errors" role="alert" data-testid="import-errors">
          <p>
            <strong>Nothing was changed.</strong> {problems.file} has {problems.errors.length}{' '}
            {problems.errors.length === 1 ? 'problem' : 'problems'}:
          </p>
          <ul>
            {problems.errors.map((e, i) => (
              <li key={i}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {done && (
        <p class="import-done" role="status">
          {done}
        </p>
      )}

      <h3>Reset</h3>
      <button type="button" class="cl-button danger" onClick={() => dialog.current?.showModal()}>
        Reset to defaults…
      </button>
      <dialog ref={dialog} aria-labelledby="reset-h" class="confirm">
        <h3 id="reset-h">Reset all settings?</h3>
        <p>
          Packs, rules, your policy and your custom phrases go back to the defaults. Sites you added stay. Export first if you
          may want them back.
        </p>
        <div class="actions">
          <button type="button" class="cl-button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
          <button type="button" class="cl-button danger" onClick={() => void reset()}>
            Reset
          </button>
        </div>
      </dialog>
    </section>
  );
}
