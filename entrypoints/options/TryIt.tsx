// "Try a sentence": runs the real engine (in the background) on text typed here, with the settings as they are now.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AnalyzeResponse, BackgroundRequest } from '@/lib/messages';
import type { Settings } from '@/lib/settings/types';
import { FindingItem } from '@/lib/ui/FindingItem';

export function TryIt({ settings }: { settings: Settings }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<AnalyzeResponse | null>(null);

  // Re-run when the text or any setting changes, a moment after typing stops.
  useEffect(() => {
    if (!text.trim()) return setResult(null);
    let current = true;
    const timer = setTimeout(() => {
      void (browser.runtime.sendMessage({ kind: 'analyze', text } satisfies BackgroundRequest) as Promise<AnalyzeResponse>).then((r) => {
        if (current) setResult(r);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, settings]);

  return (
    <section id="try" aria-labelledby="try-h" class="card">
      <h2 id="try-h">Try a sentence</h2>
      <p class="cl-muted">See what Clearline flags with your settings as they are now. Nothing you type here is kept.</p>
      <label class="field">
        <span class="visually-hidden">Sentence to check</span>
        <textarea rows={3} value={text} placeholder="e.g. Call me anytime, even on weekends!" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <div aria-live="polite" data-testid="try-result">
        {result?.paused && <p class="cl-muted">Clearline is paused, so nothing is flagged.</p>}
        {result && !result.paused && result.findings.length === 0 && <p class="all-clear">Nothing to flag.</p>}
        {result && result.findings.length > 0 && (
          <ul class="try-findings" aria-label="What Clearline flags">
            {result.findings.map((f, i) => (
              <FindingItem key={i} finding={{ ...f, text: text.slice(f.start, f.end) }} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
