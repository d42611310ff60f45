// @vitest-environment happy-dom
// The policy form against storage echoes: a late echo of an earlier keystroke must not undo typing,
// while a real outside change (import, reset, another tab) replaces the form.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { PolicyForm } from '@/entrypoints/options/PolicyForm';
import { defaultSettings } from '@/lib/settings/defaults';
import type { Settings } from '@/lib/settings/types';

let root: HTMLElement;
let saved: Settings[];

function mount(settings: Settings) {
  const save = async (mutate: (s: Settings) => void) => {
    const next = structuredClone(settings);
    mutate(next);
    saved.push(next);
    return true;
  };
  act(() => render(<PolicyForm settings={settings} save={save} />, root));
}

const field = () => root.querySelector<HTMLInputElement>('input[name="responseTime"]')!;
function type(value: string) {
  act(() => {
    field().value = value;
    field().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const withResponse = (s: Settings, responseTime: string): Settings => ({ ...s, policy: { ...s.policy, responseTime } });

beforeEach(() => {
  saved = [];
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

test('each valid keystroke is saved, and late echoes of earlier ones leave the field alone', () => {
  const base = defaultSettings();
  mount(base);
  type('same day');
  type('same day or');
  type('same day or next');
  expect(saved.map((s) => s.policy.responseTime)).toEqual(['same day', 'same day or', 'same day or next']);
  // Storage answers in order, behind the typing.
  mount(withResponse(base, 'same day'));
  mount(withResponse(base, 'same day or'));
  expect(field().value).toBe('same day or next');
  mount(withResponse(base, 'same day or next'));
  expect(field().value).toBe('same day or next');
});

test('an outside change replaces the form, and the preview follows it', () => {
  const base = defaultSettings();
  mount(base);
  type('same day');
  mount(withResponse(base, 'within two hours')); // e.g. an import
  expect(field().value).toBe('within two hours');
  expect(root.querySelector('[data-testid="statement-preview"]')!.textContent).toContain('I reply within two hours');
});

test('an invalid value stays in the form with its error and is not saved', () => {
  mount(defaultSettings());
  type('   ');
  expect(saved).toEqual([]);
  expect(field().getAttribute('aria-invalid')).toBe('true');
  expect(root.querySelector('#policy-responseTime-error')!.textContent).toBe('must not be empty');
});
