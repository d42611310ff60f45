// Settings storage: defaults when empty, migration of stored v1 data, atomic updates, repair, live watch.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '@/lib/settings/defaults';
import { ensureSettings, getSettings, updateSettings, watchSettings } from '@/lib/settings/storage';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const stored = async (): Promise<any> => (await fakeBrowser.storage.local.get('settings')).settings;

describe('settings storage', () => {
  test('reads defaults when nothing is stored, without writing', async () => {
    expect(await getSettings()).toEqual(defaultSettings());
    expect(await stored()).toBeUndefined();
  });

  test('ensureSettings writes defaults on a fresh install', async () => {
    await ensureSettings();
    expect(await stored()).toEqual(defaultSettings());
  });

  test('ensureSettings migrates stored v1 settings in place', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        version: 1,
        profession: 'freelancer',
        packs: {},
        rules: {},
        policy: { days: [1, 2], hours: { start: '07:00', end: '15:00' }, timeZone: 'local', responseTime: 'same day', urgentChannel: 'phone' },
        customRules: [],
        sites: { builtIn: { gmail: true, linkedin: true, outlook: true }, added: [] },
        pausedUntil: 0,
      },
    });
    await ensureSettings();
    expect(await stored()).toMatchObject({ version: 3, policy: { profession: 'freelancer', workDays: [1, 2], workStart: '07:00' } });
  });

  test('updateSettings applies the change and persists it', async () => {
    const next = await updateSettings((s) => {
      s.packs.tone = false;
    });
    expect(next.packs).toEqual({ tone: false });
    expect((await stored()).packs).toEqual({ tone: false });
  });

  test('two quick updates both land', async () => {
    await Promise.all([
      updateSettings((s) => void (s.packs.tone = false)),
      updateSettings((s) => void (s.packs.scope = false)),
    ]);
    expect((await getSettings()).packs).toEqual({ tone: false, scope: false });
  });

  test('an update that makes settings invalid is refused and changes nothing', async () => {
    await updateSettings((s) => void (s.policy.workEnd = '17:00'));
    await expect(updateSettings((s) => void (s.policy.workEnd = '31:00'))).rejects.toThrow(
      'policy.workEnd: expected "HH:MM" (24-hour), got "31:00"',
    );
    expect((await getSettings()).policy.workEnd).toBe('17:00');
  });

  test('a corrupt section falls back to its default alone', async () => {
    const s = defaultSettings() as any;
    s.customRules = [{ id: 'custom-1', match: 'hun', isPattern: false, pack: 'personal', severity: 'warning', message: 'm', suggestion: '' }];
    s.policy.workStart = 'nine';
    await fakeBrowser.storage.local.set({ settings: s });
    const read = await getSettings();
    expect(read.policy).toEqual(defaultSettings().policy);
    expect(read.customRules).toHaveLength(1);
  });

  test('one custom rule a newer version refuses is dropped; the other rules and overrides stay', async () => {
    const s = defaultSettings() as any;
    const rule = { isPattern: false, pack: 'personal', severity: 'warning', message: 'm', suggestion: '' };
    s.customRules = [
      { ...rule, id: 'custom-1', match: 'hun' },
      // Lookahead: accepted before patterns ran in RE2, refused now.
      { ...rule, id: 'custom-2', match: 'free(?! trial)', isPattern: true },
      { ...rule, id: 'custom-3', match: 'babe' },
    ];
    s.rules = { 'availability/any-time': { enabled: false }, 'tone/x': { severity: 'loud' } };
    await fakeBrowser.storage.local.set({ settings: s });
    const read = await getSettings();
    expect(read.customRules.map((r) => r.id)).toEqual(['custom-1', 'custom-3']);
    expect(read.rules).toEqual({ 'availability/any-time': { enabled: false } });
    expect(read.policy).toEqual(defaultSettings().policy);
  });

  test('watchSettings reports changes made elsewhere', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((s) => seen.push(s.policy.workEnd));
    await updateSettings((s) => void (s.policy.workEnd = '16:30'));
    await vi.waitFor(() => expect(seen).toEqual(['16:30']));
    unwatch();
  });
});
