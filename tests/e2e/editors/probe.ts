// Runs lib/composer/replace (bundled as dist/replace-probe.js) in an isolated world created over
// CDP — the same kind of world a content script runs in — so strategies are tried on the real
// editors exactly as the extension would dispatch them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES_DIR } from '../fixtures';

export interface ProbeResult {
  kind?: string;
  strategy?: string;
  ok?: boolean;
  error?: string;
}

export interface Probe {
  replace(phrase: string, replacement: string): Promise<ProbeResult>;
  undo(): Promise<ProbeResult>;
  /** True if the isolated world cannot see page globals (proves it is isolated). */
  isolated(): Promise<boolean>;
}

export async function isolatedProbe(page: Page): Promise<Probe> {
  const source = readFileSync(path.join(FIXTURES_DIR, 'editors/dist/replace-probe.js'), 'utf8');
  const cdp = await page.context().newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: 'clearline-probe',
  });
  const run = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
      // Strategies run inside a user gesture in the extension (a click on Apply).
      userGesture: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  };
  await run(source);
  return {
    replace: (phrase, replacement) =>
      run(`__probe.replace(${JSON.stringify(phrase)}, ${JSON.stringify(replacement)})`),
    undo: () => run('__probe.undo()'),
    isolated: () => run('typeof window.__model === "undefined"'),
  };
}
