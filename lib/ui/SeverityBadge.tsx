// A small coloured label naming a finding's severity; text, not colour alone, carries the meaning.
import type { Severity } from '../engine/types';

export const SEVERITY_LABELS: Record<Severity, string> = {
  suggestion: 'Suggestion',
  warning: 'Warning',
  alert: 'Alert',
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`cl-severity cl-severity-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}
