// What a rule is called in the interface: the intent's plain name ("Any time", "Free extras"), else
// its one-line message; never its id (ids are for files and the CLI).
export function ruleName(rule: { name?: string; message: string }): string {
  return rule.name?.trim() || rule.message.replace(/[.!]\s*$/, '');
}
