// Loads the engine of a checkout (this one, or another one such as `git worktree add /tmp/base
// 02a0208`) as it ships: bundled into one scope-hoisted module, as Vite bundles it into the
// background. Used by `npm run bench -- --baseline DIR` and `npm run engine-diff -- --baseline DIR`,
// so two engines can be compared in the same process, under the same load.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { AnalyzeOptions, Finding } from '../../lib/engine/index';

export interface LoadedEngine {
  /** The checkout the engine came from. */
  root: string;
  analyze(text: string, options?: AnalyzeOptions): Finding[];
  clearCaches(): void;
  /** Sentences compromise has parsed since load (engines that do not count report 0). */
  nlpParseCount(): number;
}

/**
 * Bundles `<root>/lib/engine/index.ts` with esbuild and imports it. Packages the checkout lacks
 * (a bare worktree has no node_modules) resolve from this project's node_modules.
 */
export async function loadEngine(root: string, name = path.basename(root)): Promise<LoadedEngine> {
  const abs = path.resolve(root);
  const entryFile = path.join(abs, 'lib/engine/index.ts');
  if (!existsSync(entryFile)) throw new Error(`No engine at ${entryFile}: pass the root of a Clearline checkout.`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `clearline-engine-${name.replace(/[^a-z0-9]+/gi, '-')}-`));
  const entry = path.join(dir, 'entry.ts');
  const nlpFile = path.join(abs, 'lib/engine/nlp.ts');
  writeFileSync(
    entry,
    `export { analyze, clearCaches } from ${JSON.stringify(entryFile)};\n` +
      `import * as nlp from ${JSON.stringify(nlpFile)};\n` +
      `export const nlpParseCount = () => ((nlp as { nlpParseCount?: () => number }).nlpParseCount?.() ?? 0);\n`,
  );
  const outfile = path.join(dir, 'engine.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    logLevel: 'silent',
    nodePaths: [path.resolve('node_modules')],
  });
  const mod = (await import(pathToFileURL(outfile).href)) as Omit<LoadedEngine, 'root'>;
  return { root: abs, analyze: mod.analyze, clearCaches: mod.clearCaches, nlpParseCount: mod.nlpParseCount };
}

/** The value after `flag` on the command line, if given. */
export function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
