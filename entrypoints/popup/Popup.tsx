// Toolbar popup: Clearline's state on the active tab, the focused draft's findings with Apply, pause, and a link to settings.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { ApplyResponse, BackgroundRequest, ContentRequest, FindingView, GetFindingsResponse, SiteResponse } from '@/lib/messages';
import { isPaused, pauseForOneHour, pauseUntilTomorrow } from '@/lib/settings/pause';
import { matchSite, originPattern, type SiteMatch } from '@/lib/settings/sites';
import { getSettings, updateSettings, watchSettings } from '@/lib/settings/storage';
import type { Settings } from '@/lib/settings/types';
import { FindingItem } from '@/lib/ui/FindingItem';

const SEVERITY_ORDER = { alert: 0, warning: 1, suggestion: 2 } as const;

/**
 * The tab this popup acts on. Test/debug hook: `popup.html?tab=<id>` targets that tab, because
 * a popup opened as a page (Playwright, a pinned debug tab) has no "active tab" of its own.
 */
async function targetTab(): Promise<Browser.tabs.Tab | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return browser.tabs.get(Number(param)).catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

type Findings =
  | { state: 'loading' }
  | { state: 'unavailable' } // no content script answered: not started here, or page still loading
  | { state: 'ok'; response: GetFindingsResponse };

function formatUntil(ms: number): string {
  const d = new Date(ms);
  const sameDay = d.toDateString() === new Date().toDateString();
  const time = d.toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  return sameDay ? time : `${d.toLocaleDateString([], { weekday: 'long' })} ${time}`;
}

export function Popup() {
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [findings, setFindings] = useState<Findings>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);

  useEffect(() => {
    void targetTab().then((t) => setTab(t));
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  const refresh = useCallback(async () => {
    if (tab?.id === undefined) return;
    try {
      const response = (await browser.tabs.sendMessage(tab.id, { kind: 'getFindings' } satisfies ContentRequest)) as GetFindingsResponse | undefined;
      setFindings(response ? { state: 'ok', response } : { state: 'unavailable' });
    } catch {
      setFindings({ state: 'unavailable' });
    }
  }, [tab]);

  // Re-read findings when the tab is known and whenever settings change (a pause, a pack off),
  // and keep polling while open: after an Apply the page re-analyses asynchronously.
  useEffect(() => {
    void refresh();
  }, [refresh, settings]);
  useEffect(() => {
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [refresh]);

  if (tab === null || !settings) return <main class="popup"><p class="cl-muted">Loading…</p></main>;

  const site: SiteMatch = matchSite(tab?.url, settings);
  const paused = isPaused(settings);
  const siteOn = site.kind === 'added' || (site.kind === 'builtIn' && settings.sites.builtIn[site.id]);

  async function enableHere() {
    setMessage(null);
    if (site.kind === 'builtIn') {
      await updateSettings((s) => void (s.sites.builtIn[site.id] = true));
      return;
    }
    if (!site.origin) return;
    const origin = site.origin;
    // Ask inside the click: the browser only shows the prompt for a user gesture.
    const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
    if (!granted) return setMessage({ text: `Permission for ${origin} was not granted.`, error: true });
    const res = (await browser.runtime.sendMessage({ kind: 'registerSite', origin, tabId: tab?.id } satisfies BackgroundRequest)) as SiteResponse;
    setMessage(res?.ok ? { text: `Clearline now runs on ${origin}.` } : { text: res?.error ?? 'Could not enable this site.', error: true });
  }

  async function apply(f: FindingView, index: number) {
    if (tab?.id === undefined) return;
    setBusy(true);
    setMessage(null);
    try {
      const res = (await browser.tabs.sendMessage(tab.id, { kind: 'applySuggestion', key: f.key, suggestion: index } satisfies ContentRequest)) as ApplyResponse;
      if (res?.ok) setMessage({ text: f.kind === 'missing' ? 'Statement inserted.' : 'Rewrite applied. Ctrl+Z in the draft undoes it.' });
      else setMessage({ text: res?.error ?? 'The draft could not be changed.', error: true });
    } catch (e) {
      setMessage({ text: `The page did not answer: ${e instanceof Error ? e.message : String(e)}`, error: true });
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  const pause = (until: number) => void updateSettings((s) => void (s.pausedUntil = until));

  let stateLabel: string;
  let stateClass: string;
  if (paused) {
    stateLabel = `Paused until ${formatUntil(settings.pausedUntil)}`;
    stateClass = 'paused';
  } else if (siteOn) {
    stateLabel = `On${site.kind === 'builtIn' ? ` in ${site.name}` : site.origin ? ` on ${new URL(site.origin).host}` : ''}`;
    stateClass = 'on';
  } else if (site.kind === 'builtIn') {
    stateLabel = `Off in ${site.name}`;
    stateClass = 'off';
  } else {
    stateLabel = 'Not a supported site';
    stateClass = 'off';
  }

  const list =
    findings.state === 'ok'
      ? [...findings.response.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.start - b.start)
      : [];

  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" width={20} height={20} alt="" />
        <h1>Clearline</h1>
        <span class={`state state-${stateClass}`} data-testid="popup-state">
          {stateLabel}
        </span>
      </header>

      {!siteOn && !paused && (
        <section class="enable" aria-label="This site">
          {site.origin ? (
            <>
              <p class="cl-muted">
                {site.kind === 'builtIn'
                  ? `You switched Clearline off in ${site.name}.`
                  : `Clearline doesn’t run on ${new URL(site.origin).host} yet.`}
              </p>
              <button type="button" class="cl-button primary" onClick={() => void enableHere()}>
                Enable on this site
              </button>
            </>
          ) : (
            <p class="cl-muted">Clearline can’t run on this kind of page.</p>
          )}
        </section>
      )}

      {siteOn && !paused && (
        <section aria-labelledby="findings-h" class="findings">
          <h2 id="findings-h">
            {findings.state === 'ok' && findings.response.composer ? `In ${findings.response.composer.label}` : 'Your draft'}
          </h2>
          {findings.state === 'loading' && <p class="cl-muted">Checking…</p>}
          {findings.state === 'unavailable' && <p class="cl-muted">Clearline hasn’t started on this page yet. Reload the page if it stays like this.</p>}
          {findings.state === 'ok' && !findings.response.composer && <p class="cl-muted">Click into a reply to check it.</p>}
          {findings.state === 'ok' && findings.response.composer?.error && (
            <p class="cl-error" role="alert">{findings.response.composer.error}</p>
          )}
          {findings.state === 'ok' && findings.response.composer && !findings.response.composer.error && list.length === 0 && (
            <p class="all-clear">Nothing to flag in this draft.</p>
          )}
          {list.length > 0 && (
            <ul class="finding-list" aria-label="Findings" data-testid="popup-findings">
              {list.map((f) => (
                <FindingItem key={f.key} finding={f} busy={busy} onApply={(i) => void apply(f, i)} />
              ))}
            </ul>
          )}
        </section>
      )}

      {message && (
        <p class={message.error ? 'cl-error' : 'popup-ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      <footer class="popup-footer">
        {paused ? (
          <button type="button" class="cl-button" onClick={() => pause(0)}>
            Resume now
          </button>
        ) : (
          <div class="pause" role="group" aria-label="Pause Clearline everywhere">
            <button type="button" class="cl-button small" onClick={() => pause(pauseForOneHour())}>
              Pause 1 hour
            </button>
            <button type="button" class="cl-button small" onClick={() => pause(pauseUntilTomorrow())}>
              Pause until tomorrow
            </button>
          </div>
        )}
        <a
          href={browser.runtime.getURL('/options.html')}
          onClick={(e) => {
            e.preventDefault();
            void browser.runtime.openOptionsPage();
          }}
        >
          Settings
        </a>
      </footer>
    </main>
  );
}
