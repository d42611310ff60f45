// Default settings for a fresh install and for "Reset to defaults"; SETTINGS_VERSION is the current schema.
import { DEFAULT_POLICY } from '../engine/types';
import type { Settings } from './types';

/** Bump together with a new entry in migrations.ts. */
export const SETTINGS_VERSION = 3;

/** Built-in sites, in display order. Hostnames decide which one a page belongs to. */
export const BUILT_IN_SITES = [
  { id: 'gmail', name: 'Gmail', hosts: ['mail.google.com'] },
  { id: 'linkedin', name: 'LinkedIn', hosts: ['www.linkedin.com'] },
  { id: 'outlook', name: 'Outlook on the web', hosts: ['outlook.office.com', 'outlook.live.com', 'outlook.office365.com'] },
] as const;

export type BuiltInSiteId = (typeof BUILT_IN_SITES)[number]['id'];

/** A fresh object each call, so callers may mutate it. Packs are empty: the profession decides. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    packs: {},
    rules: {},
    policy: { ...DEFAULT_POLICY, workDays: [...DEFAULT_POLICY.workDays] },
    customRules: [],
    sites: { builtIn: { gmail: true, linkedin: true, outlook: true }, added: [] },
    pausedUntil: 0,
  };
}
