// @vitest-environment happy-dom
// A composer "holds a draft" (so the UI starts without waiting for a click) only when the user's own
// words are in it: never for an empty body with a signature, quoted history or blank lines.
import { describe, expect, test } from 'vitest';
import { holdsDraft } from '../../../lib/composer/holds-draft';
import { gmail, outlook, generic } from '../../../lib/composer/sites/index';
import type { SiteAdapter } from '../../../lib/composer/sites/types';

function body(html: string): HTMLElement {
  document.body.innerHTML = `<div id="c" contenteditable="true">${html}</div>`;
  return document.getElementById('c')!;
}

const GMAIL_SIGNATURE =
  '<div><br clear="all"><div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature" data-smartmail="gmail_signature">Pat Lee · Studio Nine</div></div></div>';

describe('holdsDraft', () => {
  const cases: Array<[string, SiteAdapter, string, boolean]> = [
    ['Gmail: blank lines and a signature', gmail, `<div><br></div><div>&nbsp;</div>${GMAIL_SIGNATURE}`, false],
    ['Gmail: a saved line above the signature', gmail, `<div>Thanks for the brief.</div>${GMAIL_SIGNATURE}`, true],
    ['Gmail: only the quoted message of a reply', gmail, '<div><br></div><div class="gmail_quote">On Monday Sam wrote: see you</div>', false],
    ['Gmail: one word, in bold', gmail, '<div><b>Sure</b></div>', true],
    ['Outlook: only the signature and the history', outlook, '<div id="Signature">Pat</div><div id="appendonsend"></div><div>From: Sam</div><div>Old text</div>', false],
    ['Outlook: a reply above the history', outlook, '<div>Works for me.</div><div id="appendonsend"></div><div>Old text</div>', true],
    ['any site: an emoji drawn as an image', generic, '<img alt="👍" src="data:,">', true],
    ['any site: our own element inside the composer', generic, '<clearline-root>Clearline</clearline-root>', false],
  ];
  test.each(cases)('%s', (_name, adapter, html, expected) => {
    expect(holdsDraft(body(html), adapter)).toBe(expected);
  });

  test('a text area counts its value, not its markup', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    expect(holdsDraft(t, generic)).toBe(false);
    t.value = '   \n ';
    expect(holdsDraft(t, generic)).toBe(false);
    t.value = 'Happy to help.';
    expect(holdsDraft(t, generic)).toBe(true);
  });
});
