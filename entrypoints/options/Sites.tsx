// Sites: the built-in three as switches; other sites added by origin (permission asked at that moment) and removed (permission revoked).
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { BackgroundRequest, SiteResponse } from '@/lib/messages';
import { BUILT_IN_SITES } from '@/lib/settings/defaults';
import { normalizeOrigin } from '@/lib/settings/schema';
import { matchSite, originPattern } from '@/lib/settings/sites';
import type { Settings } from '@/lib/settings/types';
import type { Save } from './Options';

export function Sites({
  settings,
  save,
  setStatus,
}: {
  settings: Settings;
  save: Save;
  setStatus: (s: { text: string; error?: boolean }) => void;
}) {
  const [input, setInput] = useState('');
  const [error, setError] = useState('');

  function add(e: Event) {
    e.preventDefault();
    const origin = normalizeOrigin(input.trim());
    if (!origin) return setError(`“${input}” is not a web address. Enter something like app.example.com.`);
    const known = matchSite(origin + '/', settings);
    if (known.kind === 'builtIn') return setError(`${known.name} is built in; use its switch above.`);
    if (known.kind === 'added') return setError(`${origin} is already in your list.`);
    setError('');
    // The permission prompt must open inside this click, before anything else is awaited.
    void browser.permissions.request({ origins: [originPattern(origin)] }).then(async (granted) => {
      if (!granted) return setError(`Permission for ${origin} was not granted, so it was not added.`);
      const res = (await browser.runtime.sendMessage({ kind: 'registerSite', origin } satisfies BackgroundRequest)) as SiteResponse;
      if (!res?.ok) return setError(res?.error ?? 'The site could not be added.');
      setInput('');
      setStatus({ text: `Clearline now runs on ${origin}` });
    });
  }

  async function remove(origin: string) {
    const res = (await browser.runtime.sendMessage({ kind: 'unregisterSite', origin } satisfies BackgroundRequest)) as SiteResponse;
    setStatus(res?.ok ? { text: `Removed ${origin}` } : { text: res?.error ?? `Could not remove ${origin}`, error: true });
  }

  return (
    <section id="sites" aria-labelledby="sites-h" class="card">
      <h2 id="sites-h">Sites</h2>
      <ul class="sites">
        {BUILT_IN_SITES.map((site) => (
          <li key={site.id} class="site-row">
            <input
              type="checkbox"
              role="switch"
              class="cl-switch"
              id={`site-${site.id}`}
              checked={settings.sites.builtIn[site.id]}
              onChange={(e) => {
                const on = (e.currentTarget as HTMLInputElement).checked;
                void save((s) => void (s.sites.builtIn[site.id] = on), `${site.name} ${on ? 'on' : 'off'}`);
              }}
            />
            <label for={`site-${site.id}`}>
              {site.name} <span class="cl-muted">({site.hosts.join(', ')})</span>
            </label>
          </li>
        ))}
        {settings.sites.added.map((origin) => (
          <li key={origin} class="site-row" data-origin={origin}>
            <span class="site-added-mark" aria-hidden="true">
              ●
            </span>
            <span class="site-origin">{origin}</span>
            <button type="button" class="cl-button small danger" onClick={() => void remove(origin)} aria-label={`Remove ${origin}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form class="add-site" onSubmit={add} noValidate>
        <label class="field inline">
          <span>Add a site</span>
          <input
            type="text"
            name="origin"
            placeholder="app.example.com"
            value={input}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'add-site-error' : 'add-site-hint'}
            onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="cl-button">
          Add this site
        </button>
        {error ? (
          <p class="cl-error" id="add-site-error" role="alert">
            {error}
          </p>
        ) : (
          <p class="cl-muted hint" id="add-site-hint">
            Your browser will ask to let Clearline read and change that site. Removing a site withdraws the permission.
          </p>
        )}
      </form>
    </section>
  );
}
