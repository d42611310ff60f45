// What a rule is called in the interface: its one-line message, never its id (ids are for files and the CLI).
export function ruleName(rule: { message: string }): string {
  return rule.message.replace(/[.!]\s*$/, '');
}
