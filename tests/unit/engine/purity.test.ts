// The engine runs unchanged in Node and the page: it must not reach for the DOM, browser APIs or
// the composer layer. This test reads its sources and fails on any such import or global.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const ENGINE = path.resolve('lib/engine');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test.each(files(ENGINE).map((f) => [path.relative(ENGINE, f), f]))('lib/engine/%s imports nothing from the DOM side', (_name, file) => {
  const src = readFileSync(file, 'utf8');
  const imports = [...src.matchAll(/from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  for (const spec of imports) {
    expect(spec, `${file} imports ${spec}`).not.toMatch(/^(?:wxt|@wxt-dev|webextension-polyfill|preact)|\/composer\/|\/settings\/storage|^#imports/);
    if (!spec.startsWith('.')) expect(['compromise', 're2js']).toContain(spec);
  }
  expect(src).not.toMatch(/\b(?:document|window|navigator|chrome|browser)\.[a-zA-Z]/);
  // Only nlp.ts may load compromise, so the prefilter decides when grammar is needed.
  if (!file.endsWith('nlp.ts')) expect(imports).not.toContain('compromise');
  // Only the pattern gate compiles custom patterns, so every one the engine runs has passed it.
  if (!file.endsWith('pattern-safety.ts')) expect(src).not.toMatch(/^import (?!type )[^\n]*from 're2js'/m);
});
