// @vitest-environment happy-dom
// The options page's "Add this site": asks for exactly that origin inside the click, registers it only when granted.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Sites } from '@/entrypoints/options/Sites';
import { defaultSettings } from '@/lib/settings/defaults';

const b = fakeBrowser as any;
let root: HTMLElement;
let requested: unknown[];
let sent: unknown[];
let grant: boolean;
let status: { text: string; error?: boolean } | null;

function mount(added: string[] = []) {
  const settings = defaultSettings();
  settings.sites.added = added;
  render(<Sites settings={settings} save={async () => true} setStatus={(s) => (status = s)} />, root);
}

/** Type into the field, then submit, with Preact's renders flushed in between as a real user's would be. */
function addSite(value: string) {
  const input = root.querySelector<HTMLInputElement>('input[name="origin"]')!;
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  act(() => {
    root.querySelector<HTMLFormElement>('form.add-site')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  requested = [];
  sent = [];
  grant = true;
  status = null;
  b.permissions = { request: (p: unknown) => (requested.push(p), Promise.resolve(grant)) };
  b.runtime.sendMessage = async (m: unknown) => (sent.push(m), { ok: true });
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

test('a granted origin is registered, and the permission was asked synchronously in the submit', async () => {
  mount();
  addSite('app.example.com/inbox');
  // Asked before any await: the browser only shows the prompt during the user's gesture.
  expect(requested).toEqual([{ origins: ['https://app.example.com/*'] }]);
  await vi.waitFor(() => expect(status).toEqual({ text: 'Clearline now runs on https://app.example.com' }));
  expect(sent).toEqual([{ kind: 'registerSite', origin: 'https://app.example.com' }]);
});

test('a refused permission registers nothing and says so', async () => {
  grant = false;
  mount();
  addSite('app.example.com');
  await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toBe('Permission for https://app.example.com was not granted, so it was not added.'));
  expect(sent).toEqual([]);
});

test('an origin already in the list is refused without asking', () => {
  mount(['https://app.example.com']);
  addSite('https://app.example.com/');
  expect(requested).toEqual([]);
  expect(root.querySelector('[role="alert"]')?.textContent).toBe('https://app.example.com is already in your list.');
});

test('Remove sends unregisterSite for that origin', async () => {
  mount(['https://app.example.com']);
  root.querySelector<HTMLButtonElement>('button[aria-label="Remove https://app.example.com"]')!.click();
  await vi.waitFor(() => expect(sent).toEqual([{ kind: 'unregisterSite', origin: 'https://app.example.com' }]));
  await vi.waitFor(() => expect(status).toEqual({ text: 'Removed https://app.example.com' }));
});
