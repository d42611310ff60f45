// The profession preset (lib/settings) a user in a given trade would pick on the options page:
// the eval sets it from a draft's free-text `profession` so rewrites use that trade's wording.
import type { Profession } from '../lib/engine/types';

/** The profession preset a user in this trade would pick on the options page. */
export function presetFor(trade = ''): Profession {
  const t = trade.toLowerCase();
  if (/therap|counsel|psycholog|psychiatr|social worker|nurse|physician|doctor|\bgp\b|clinic|midwife|dietitian|physio|osteopath|chiropract|dentist|pharmac|health/.test(t)) return 'clinician';
  if (/coach|trainer|tutor|teacher|instructor|mentor|yoga|pilates/.test(t)) return 'coach';
  if (/account manager|customer success|sales/.test(t)) return 'account-manager';
  if (/design|photograph|develop|copywrit|writer|editor|illustrat|freelanc|agency|consult|architect|videograph|animator|translator|marketer|hairdress|stylist|makeup|florist|planner|musician|artist|web/.test(t)) return 'freelancer';
  return 'general';
}

