// The one settings item in extension storage (local:settings): read with migration, update atomically, watch live.
import { storage } from 'wxt/utils/storage';
import { defaultSettings } from './defaults';
import { migrateSettings } from './migrations';
import { validateSettings, formatError } from './schema';
import type { Settings } from './types';

/** Key in browser.storage.local; content scripts may listen with browser.storage.onChanged for it. */
export const SETTINGS_STORAGE_KEY = 'settings';

// Versioning lives inside the object (Settings.version) rather than in WXT's item metadata,
// because imported files need the same migrations as stored data and carry their own version.
export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_STORAGE_KEY}`, { fallback: null });

/**
 * Turn whatever is stored into valid current settings. Stored data is migrated; a section that
 * is still invalid (hand-edited storage, a bug) falls back to its default alone, so one bad field
 * does not wipe the user's custom rules.
 */
export function normalizeSettings(raw: unknown): Settings {
  if (raw === null || raw === undefined) return defaultSettings();
  const migrated = migrateSettings(raw);
  if (!migrated.ok) {
    console.warn('[clearline] stored settings unreadable, using defaults:', migrated.error);
    return defaultSettings();
  }
  const result = validateSettings(migrated.value);
  if (result.ok) return structuredClone(result.value);
  const defaults = defaultSettings() as unknown as Record<string, unknown>;
  const repaired = structuredClone(migrated.value) as Record<string, any>;
  const dropItems = new Map<string, Set<number>>();
  for (const err of result.errors) {
    // One bad entry (a custom rule a newer version refuses, an odd origin) goes on its own;
    // anything else resets its whole section.
    const item = /^(customRules|sites\.added)\[(\d+)\]/.exec(err.path);
    const key = /^(rules|packs)(?:\["([^"]+)"\]|\.([^.[]+))/.exec(err.path);
    if (item && Array.isArray(item[1] === 'customRules' ? repaired.customRules : repaired.sites?.added)) {
      if (!dropItems.has(item[1]!)) dropItems.set(item[1]!, new Set());
      dropItems.get(item[1]!)!.add(Number(item[2]));
    } else if (key && repaired[key[1]!] && typeof repaired[key[1]!] === 'object') {
      delete repaired[key[1]!][key[2] ?? key[3]!];
    } else {
      const top = err.path.split(/[.[]/)[0]!;
      if (top in defaults) repaired[top] = structuredClone(defaults[top]);
      else delete repaired[top];
    }
  }
  for (const [where, indexes] of dropItems) {
    if (where === 'customRules') repaired.customRules = repaired.customRules.filter((_: unknown, i: number) => !indexes.has(i));
    else repaired.sites.added = repaired.sites.added.filter((_: unknown, i: number) => !indexes.has(i));
  }
  console.warn('[clearline] repaired stored settings:', result.errors.map(formatError).join('; '));
  const again = validateSettings(repaired);
  return again.ok ? structuredClone(again.value) : defaultSettings();
}

export async function getSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function setSettings(next: Settings): Promise<Settings> {
  const result = validateSettings(next);
  if (!result.ok) throw new Error(`invalid settings: ${result.errors.map(formatError).join('; ')}`);
  await settingsItem.setValue(structuredClone(next));
  return next;
}

// Serialise read-modify-write cycles in this context so two quick toggles do not lose one.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Read, let `mutate` change a copy, validate, write. Throws (and writes nothing) if the result
 * is invalid. Resolves to the settings as stored.
 */
export function updateSettings(mutate: (s: Settings) => void): Promise<Settings> {
  const run = queue.then(async () => {
    const current = await getSettings();
    mutate(current);
    return setSettings(current);
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Called with the new settings after every change (from any context). Returns an unwatch function. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => cb(normalizeSettings(raw)));
}

/** Bring stored settings to the current version (on install/update). Writes defaults when empty. */
export async function ensureSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const settings = normalizeSettings(raw);
  if (JSON.stringify(raw) !== JSON.stringify(settings)) await settingsItem.setValue(settings);
  return settings;
}
