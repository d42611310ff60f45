// What ships carries nothing a page could read or trigger: the production bundles for Chrome and
// Firefox (.output/, `npx wxt build` and `npx wxt build -b firefox`) hold none of the test build's
// hooks, attach a closed shadow root, and declare a CSP that lets extension pages connect nowhere.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const HOOKS = ['data-clearline-findings', 'data-clearline-card', 'data-clearline-ready', 'wxt:content-script-started'];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.(js|html|json)$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

for (const target of ['chrome-mv3', 'firefox-mv3']) {
  const dir = path.resolve('.output', target);

  test(`production ${target}: no test hooks, no WXT page event, a closed shadow root`, () => {
    expect(existsSync(path.join(dir, 'manifest.json')), `a production build at ${dir}`).toBe(true);
    const all = files(dir);
    const hits = all.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return HOOKS.filter((h) => text.includes(h)).map((h) => `${path.relative(dir, f)}: ${h}`);
    });
    expect(hits).toEqual([]);
    const ui = readFileSync(path.join(dir, 'composer-ui.js'), 'utf8');
    expect(ui).toMatch(/attachShadow\(\{\s*mode:\s*"closed"/);
    expect(ui).not.toMatch(/attachShadow\(\{\s*mode:\s*"open"/);
  });

  test(`production ${target}: extension pages may connect nowhere`, () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      content_security_policy?: { extension_pages?: string };
    };
    const csp = manifest.content_security_policy?.extension_pages ?? '';
    expect(csp.split(';').map((d) => d.trim())).toEqual(expect.arrayContaining(["connect-src 'none'", "script-src 'self'", "object-src 'none'"]));
  });
}

test('the test build does carry the hooks (so the search above looks for the right strings)', () => {
  const ui = readFileSync(path.resolve('.output-test/chrome-mv3/composer-ui.js'), 'utf8');
  expect(ui).toContain('data-clearline-findings');
  expect(ui).toContain('data-clearline-card');
  expect(readFileSync(path.resolve('.output-test/chrome-mv3/composer-watch.js'), 'utf8')).toContain('data-clearline-ready');
});
