// Toolbar popup: Clearline's state on the active tab, the focused draft's findings with Apply, pause, and a link to settings.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { ApplyResponse, BackgroundRequest, ContentRequest, FindingView, GetFindingsResponse, SiteResponse } from '@/lib/messages';
import { ruleNotTurnedOff } from '@/lib/messages';
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

/** "3 issues: 1 alert, 2 warnings" — the total the badge cannot show when the icon is not pinned. */
function totalLabel(list: FindingView[]): string {
  const n = list.length;
  const parts = (['alert', 'warning', 'suggestion'] as const)
    .map((sev) => [sev, list.filter((f) => f.severity === sev).length] as const)
    .filter(([, c]) => c > 0)
    .map(([sev, c]) => `${c} ${sev}${c === 1 ? '' : 's'}`);
  return `${n} ${n === 1 ? 'issue' : 'issues'} in this draft: ${parts.join(', ')}`;
}

export function Popup() {
  const [tab, setTab] = useState<Browser.tabs.Tab | undefined | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [findings, setFindings] = useState<Findings>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error?: boolean; undo?: () => Promise<void> } | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const enableRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void targetTab().then((t) => setTab(t));
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);

  // Where keyboard focus is in the findings list (the item's index): a re-render that removes the
  // focused item (an Apply the page re-analysed a moment later, a rule turned off) puts focus on its
  // neighbour instead of dropping it to the page body. A pointer press elsewhere lets it go.
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    const track = (e: FocusEvent) => {
      const li = (e.target as Element | null)?.closest?.('li[data-key]');
      const items = listRef.current ? [...listRef.current.children] : [];
      focusAt.current = li && listRef.current?.contains(li) ? items.indexOf(li) : null;
    };
    const release = (e: PointerEvent) => {
      if (!listRef.current?.contains(e.target as Node)) focusAt.current = null;
    };
    document.addEventListener('focusin', track);
    document.addEventListener('pointerdown', release);
    return () => {
      document.removeEventListener('focusin', track);
      document.removeEventListener('pointerdown', release);
    };
  }, []);
  useEffect(() => {
    if (focusAt.current === null || (document.activeElement && document.activeElement !== document.body)) return;
    const items = listRef.current ? [...listRef.current.children] : [];
    const next = items[Math.min(focusAt.current, items.length - 1)] as HTMLElement | undefined;
    (next?.querySelector<HTMLElement>('button:not([disabled])') ?? messageRef.current?.querySelector<HTMLElement>('button') ?? messageRef.current)?.focus();
  });

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

  const ask = async (req: ContentRequest): Promise<ApplyResponse> => {
    if (tab?.id === undefined) return { ok: false, error: 'No tab to act on.' };
    try {
      return ((await browser.tabs.sendMessage(tab.id, req)) as ApplyResponse | undefined) ?? { ok: false, error: 'The page did not answer.' };
    } catch (e) {
      return { ok: false, error: `The page did not answer: ${e instanceof Error ? e.message : String(e)}` };
    }
  };

  /**
   * Run an action that removes a finding from the list, then keep keyboard focus in the popup:
   * on the next finding's first button, or on the message saying what happened.
   */
  async function act(run: () => Promise<{ text: string; error?: boolean; undo?: () => Promise<void> }>) {
    const items = listRef.current ? [...listRef.current.children] : [];
    const at = items.findIndex((li) => li.contains(document.activeElement));
    setBusy(true);
    setMessage(null);
    try {
      setMessage(await run());
    } finally {
      setBusy(false);
      await refresh();
    }
    requestAnimationFrame(() => {
      const left = listRef.current ? [...listRef.current.children] : [];
      const next = at >= 0 ? (left[Math.min(at, left.length - 1)] as HTMLElement | undefined) : undefined;
      const target = next?.querySelector<HTMLElement>('button:not([disabled])') ?? messageRef.current?.querySelector<HTMLElement>('button') ?? messageRef.current;
      if (at >= 0 || document.activeElement === document.body) target?.focus();
    });
  }

  /**
   * After an Undo the Undo button itself is gone: keep keyboard focus in the popup, on the finding
   * that came back (its first button), else on the message.
   */
  async function undone(key: string) {
    await refresh();
    requestAnimationFrame(() => {
      const item = listRef.current?.querySelector<HTMLElement>(`li[data-key="${CSS.escape(key)}"]`);
      const target = item?.querySelector<HTMLElement>('button:not([disabled])') ?? messageRef.current;
      if (!document.activeElement || document.activeElement === document.body) target?.focus();
    });
  }

  const apply = (f: FindingView, index: number) =>
    act(async () => {
      const res = await ask({ kind: 'applySuggestion', key: f.key, suggestion: index });
      if (res.ok) return { text: f.kind === 'missing' ? 'Statement inserted.' : 'Rewrite applied. Ctrl+Z in the draft undoes it.' };
      return { text: res.error ?? 'The draft could not be changed.', error: true };
    });

  const ignore = (f: FindingView) =>
    act(async () => {
      const res = await ask({ kind: 'ignoreFinding', key: f.key });
      if (!res.ok) return { text: res.error ?? 'Could not ignore it.', error: true };
      return {
        text: f.kind === 'missing' ? `Ignored: ${f.message}` : `Ignored “${f.text}” in this draft.`,
        undo: async () => {
          const back = await ask({ kind: 'unignoreFinding', key: f.key });
          setMessage(back.ok ? { text: 'Shown again.' } : { text: back.error ?? 'Could not undo.', error: true });
          await undone(f.key);
        },
      };
    });

  const disableRule = (f: FindingView) =>
    act(async () => {
      const id = `${f.pack}/${f.rule}`;
      const before = settings?.rules[id];
      try {
        await updateSettings((s) => void (s.rules[id] = { ...s.rules[id], enabled: false }));
      } catch (e) {
        // Nothing was written (storage refused it, or the settings would not validate): the finding stays.
        return { text: ruleNotTurnedOff(e instanceof Error ? e.message : undefined), error: true };
      }
      return {
        text: `Turned off: ${f.message}`,
        undo: async () => {
          await updateSettings((s) => {
            if (before) s.rules[id] = before;
            else delete s.rules[id];
          });
          setMessage({ text: `Turned on again: ${f.message}` });
          await undone(f.key);
        },
      };
    });

  async function revealWords(f: FindingView) {
    const res = await ask({ kind: 'revealFinding', key: f.key });
    setMessage(res.ok ? { text: `Selected “${f.text}” in the draft.` } : { text: res.error ?? 'Could not show it.', error: true });
  }

  async function setSiteOn(on: boolean) {
    setMessage(null);
    if (on) return enableHere();
    if (site.kind === 'builtIn') await updateSettings((s) => void (s.sites.builtIn[site.id] = false));
    else if (site.origin) await browser.runtime.sendMessage({ kind: 'unregisterSite', origin: site.origin } satisfies BackgroundRequest);
    // The switch gives way to "Enable on this site": keyboard focus goes there, not to the body.
    // (The settings change re-renders a moment later: try on the next frames until the button is there.)
    let tries = 30;
    const focusEnable = () => {
      if (enableRef.current) enableRef.current.focus();
      else if (tries-- > 0) requestAnimationFrame(focusEnable);
    };
    requestAnimationFrame(focusEnable);
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

      {siteOn && !paused && (
        <label class="site-switch">
          <input type="checkbox" role="switch" class="cl-switch" checked onChange={() => void setSiteOn(false)} />
          <span>Clearline on {site.kind === 'builtIn' ? site.name : site.origin ? new URL(site.origin).host : 'this site'}</span>
        </label>
      )}

      {!siteOn && !paused && (
        <section class="enable" aria-label="This site">
          {site.origin ? (
            <>
              <p class="cl-muted">
                {site.kind === 'builtIn'
                  ? `You switched Clearline off in ${site.name}.`
                  : `Clearline doesn’t run on ${new URL(site.origin).host} yet.`}
              </p>
              <button type="button" class="cl-button primary" ref={enableRef} onClick={() => void enableHere()}>
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
          {list.length > 0 && <p class="total" data-testid="popup-total">{totalLabel(list)}</p>}
          {list.length > 0 && (
            <ul class="finding-list" aria-label="Findings" data-testid="popup-findings" ref={listRef}>
              {list.map((f) => (
                <FindingItem
                  key={f.key}
                  finding={{ ...f, alsoMessages: (f.also ?? []).map((a) => a.message) }}
                  busy={busy}
                  onApply={(i) => void apply(f, i)}
                  onReveal={() => void revealWords(f)}
                  onIgnore={() => void ignore(f)}
                  onDisableRule={() => void disableRule(f)}
                />
              ))}
            </ul>
          )}
        </section>
      )}

      <div class="popup-message" ref={messageRef} tabIndex={-1}>
        {message && (
          <p class={message.error ? 'cl-error' : 'popup-ok'} role={message.error ? 'alert' : 'status'}>
            {message.text}
            {message.undo && (
              <>
                {' '}
                <button type="button" class="cl-button small" onClick={() => void message.undo!()}>
                  Undo
                </button>
              </>
            )}
          </p>
        )}
      </div>

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
