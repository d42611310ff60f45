// Background: settings on install/update, the engine behind 'analyze', the toolbar badge, and user-added sites.
import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { analyzeWithReport, EngineInputError } from '@/lib/engine/index';
import { UI_PORT, type AnalyzeResponse, type BackgroundRequest, type DisableRuleResponse, type LoadUiResponse, type SiteResponse } from '@/lib/messages';
import { isFromContentScript, isFromExtensionPage } from '@/lib/sender';
import { toAnalyzeOptions } from '@/lib/settings/analyze-options';
import { isPaused } from '@/lib/settings/pause';
import { normalizeOrigin, ruleKeyProblem } from '@/lib/settings/schema';
import { builtInSiteOf, isSiteOff, originPattern } from '@/lib/settings/sites';
import { ensureSettings, getSettings, updateSettings, watchSettings } from '@/lib/settings/storage';
import type { Settings } from '@/lib/settings/types';

/** Built path of the page-load content script (entrypoints/composer-watch.ts), also used for user-added origins. */
export const CONTENT_SCRIPT_FILE = '/composer-watch.js';
/** Built path of the UI half of the content script (entrypoints/composer-ui.ts), injected on first use. */
export const UI_SCRIPT_FILE = '/composer-ui.js';
const USER_SITES_SCRIPT_ID = 'clearline-user-sites';
const BADGE_COLOR = '#B45309';

export default defineBackground(() => {
  // Settings are read on every keystroke's analysis, so keep them in memory and refresh on change.
  let cached: Promise<Settings> | null = null;
  const settings = () => (cached ??= getSettings());
  // Paused shows on the toolbar icon in every tab ("II"), so it never looks like "no issues".
  let wasPaused: boolean | null = null;
  watchSettings((next) => {
    cached = Promise.resolve(next);
    const paused = isPaused(next);
    if (paused !== wasPaused) showPausedBadges(paused).catch((e) => console.warn('[clearline] could not mark paused badges:', e));
    wasPaused = paused;
  });

  browser.tabs.onRemoved.addListener((tabId) => tabCounts.delete(tabId));

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    const s = await ensureSettings(); // writes defaults on install, migrates on update
    cached = Promise.resolve(s);
    await syncUserSites();
    // First run: a short, skippable welcome (hours, urgent path, keys, pinning) rather than every setting.
    if (reason === 'install') await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.runtime.onStartup.addListener(async () => {
    await syncUserSites();
  });

  // A granted origin becomes a site even if the page that asked is gone: Firefox (and sometimes
  // Chrome) closes the popup when the permission prompt opens, before it can send registerSite.
  browser.permissions.onAdded.addListener(async (added) => {
    const origins = (added.origins ?? [])
      .map((p) => normalizeOrigin(p.replace(/\/\*$/, '')))
      .filter((o): o is string => o !== null && !builtInSiteOf(o));
    if (!origins.length) return;
    await updateSettings((draft) => {
      for (const o of origins) if (!draft.sites.added.includes(o)) draft.sites.added.push(o);
    });
    await syncUserSites();
    const tabs = await browser.tabs.query({ url: origins.map(originPattern) });
    for (const tab of tabs) {
      if (tab.id !== undefined) await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
    }
  });

  // The user can withdraw a site's permission from the browser's own UI: forget the site too.
  browser.permissions.onRemoved.addListener(async (removed) => {
    const gone = new Set((removed.origins ?? []).map((p) => normalizeOrigin(p.replace(/\/\*$/, ''))));
    const s = await settings();
    if (!s.sites.added.some((o) => gone.has(o))) return;
    await updateSettings((draft) => {
      draft.sites.added = draft.sites.added.filter((o) => !gone.has(o));
    });
    await syncUserSites();
  });

  // The UI holds a port only to learn when the extension goes away; anyone else's is closed.
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== UI_PORT || !port.sender || !isFromContentScript(port.sender)) port.disconnect();
  });

  // Each request is accepted only from the senders that make it: the content script (in a web page's
  // tab) or the extension's own pages. Site permissions are the user's to change, from our pages only;
  // "Turn off this rule" comes from the card, which acts on the user's trusted clicks alone.
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) => {
    const req = message as BackgroundRequest;
    const content = isFromContentScript(sender);
    const page = isFromExtensionPage(sender);
    switch (req?.kind) {
      case 'analyze':
        return content || page ? handleAnalyze(req.text, sender) : undefined;
      case 'setBadge':
        // Read storage itself, not the cache: right after a resume the cache may still say paused.
        return content ? getSettings().then((s) => setBadge(sender.tab?.id, req.count, isPaused(s))) : undefined;
      case 'registerSite':
        return page ? registerSite(req.origin, req.tabId) : undefined;
      case 'unregisterSite':
        return page ? unregisterSite(req.origin) : undefined;
      case 'disableRule':
        return content || page ? disableRule(req.rule) : undefined;
      case 'restoreRule':
        return content || page ? restoreRule(req.rule, req.wasEnabled) : undefined;
      case 'loadUi':
        return content ? loadUi(sender) : undefined;
      case 'warm':
        // Being woken is the point: the engine is loaded now.
        return content ? Promise.resolve(true) : undefined;
      default:
        return undefined; // not ours: let other listeners answer
    }
  });

  async function handleAnalyze(text: string, sender: Browser.runtime.MessageSender): Promise<AnalyzeResponse> {
    if (typeof text !== 'string') return { findings: [], paused: false };
    const s = await settings();
    if (isPaused(s) || isSiteOff(sender.tab?.url ?? sender.url, s)) return { findings: [], paused: true };
    try {
      const report = analyzeWithReport(text, toAnalyzeOptions(s));
      return report.complete ? { findings: report.findings, paused: false } : { findings: report.findings, paused: false, partial: true };
    } catch (e) {
      // A draft over the size limit or an unusable custom rule: say so, change nothing.
      if (e instanceof EngineInputError) return { findings: [], paused: false, error: e.message };
      throw e;
    }
  }

  // The page-load script saw a composer in use: inject the UI into that frame only.
  async function loadUi(sender: Browser.runtime.MessageSender): Promise<LoadUiResponse> {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: 'not sent from a tab' };
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [UI_SCRIPT_FILE] });
      return { ok: true };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  // Any id the settings accept can be turned off: built-in rules and custom ones (`personal/custom-3`).
  async function disableRule(fullId: string): Promise<DisableRuleResponse> {
    const problem = typeof fullId === 'string' ? ruleKeyProblem(fullId) : 'expected a rule id';
    if (problem) return { ok: false, error: problem };
    let wasEnabled: boolean | null = null;
    await updateSettings((draft) => {
      wasEnabled = typeof draft.rules[fullId]?.enabled === 'boolean' ? draft.rules[fullId].enabled : null;
      draft.rules[fullId] = { ...draft.rules[fullId], enabled: false };
    });
    return { ok: true, wasEnabled };
  }

  /** Undo of disableRule: the rule's own switch as it was (none of its own: the default again). */
  async function restoreRule(fullId: string, wasEnabled: boolean | null): Promise<SiteResponse> {
    const problem = typeof fullId === 'string' ? ruleKeyProblem(fullId) : 'expected a rule id';
    if (problem) return { ok: false, error: problem };
    if (wasEnabled !== null && typeof wasEnabled !== 'boolean') return { ok: false, error: 'expected the switch as it was' };
    await updateSettings((draft) => {
      const { enabled: _off, ...rest } = draft.rules[fullId] ?? {};
      const next = wasEnabled === null ? rest : { ...rest, enabled: wasEnabled };
      if (Object.keys(next).length) draft.rules[fullId] = next;
      else delete draft.rules[fullId];
    });
    return { ok: true };
  }

  async function registerSite(input: string, tabId?: number): Promise<SiteResponse> {
    const origin = normalizeOrigin(input);
    if (!origin) return { ok: false, error: `"${input}" is not a web address` };
    if (!(await browser.permissions.contains({ origins: [originPattern(origin)] }))) {
      return { ok: false, error: `Clearline has no permission for ${origin}` };
    }
    await updateSettings((draft) => {
      if (!draft.sites.added.includes(origin)) draft.sites.added.push(origin);
    });
    await syncUserSites();
    if (tabId !== undefined) {
      // The registered script only runs on the next load; start it in the current tab now.
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] }).catch(() => undefined);
    }
    return { ok: true };
  }

  async function unregisterSite(input: string): Promise<SiteResponse> {
    const origin = normalizeOrigin(input);
    if (!origin) return { ok: false, error: `"${input}" is not a web address` };
    await updateSettings((draft) => {
      draft.sites.added = draft.sites.added.filter((o) => o !== origin);
    });
    await syncUserSites();
    await browser.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    return { ok: true };
  }
});

const PAUSED_BADGE = 'II';
const PAUSED_COLOR = '#59636E';

/** The last count each tab's composer reported: resuming puts it back, whatever arrives first. */
const tabCounts = new Map<number, number>();

async function showPausedBadges(paused: boolean): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id === undefined) continue;
    if (paused) {
      await browser.action.setBadgeText({ tabId: tab.id, text: PAUSED_BADGE }).catch(() => undefined);
      await browser.action.setBadgeBackgroundColor({ tabId: tab.id, color: PAUSED_COLOR }).catch(() => undefined);
    } else {
      await showCount(tab.id, tabCounts.get(tab.id) ?? 0).catch(() => undefined);
    }
  }
}

async function setBadge(tabId: number | undefined, count: number, paused = false): Promise<void> {
  if (tabId === undefined) return;
  // While paused the composer reports nothing: keep the count it had for the resume.
  if (paused) {
    await browser.action.setBadgeText({ tabId, text: PAUSED_BADGE });
    await browser.action.setBadgeBackgroundColor({ tabId, color: PAUSED_COLOR });
    return;
  }
  tabCounts.set(tabId, count);
  await showCount(tabId, count);
}

async function showCount(tabId: number, count: number): Promise<void> {
  const text = Number.isFinite(count) && count > 0 ? String(Math.min(count, 99)) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
}

// Syncs run one at a time (two at once would both register the same script id) and each reads
// the settings as they are when it runs, so the last one always reflects the latest list.
let syncQueue: Promise<unknown> = Promise.resolve();
function syncUserSites(): Promise<void> {
  const run = syncQueue.then(syncUserSitesNow);
  syncQueue = run.catch((e) => console.warn('[clearline] could not register user sites:', e));
  return run;
}

/** One registered script covers every user-added origin we still hold a permission for. */
async function syncUserSitesNow(): Promise<void> {
  const s = await getSettings();
  const granted: string[] = [];
  for (const origin of s.sites.added) {
    if (await browser.permissions.contains({ origins: [originPattern(origin)] })) granted.push(originPattern(origin));
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [USER_SITES_SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      { id: USER_SITES_SCRIPT_ID, matches: granted, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', allFrames: true },
    ]);
  }
}
