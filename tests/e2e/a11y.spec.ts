// Accessibility of everything Clearline draws: axe-core finds nothing on the options page, the popup
// and the open card; the card's own contrast is measured here; pages reflow at 320 px; forced colours
// keep the severities and the chosen rewrite apart.
import type { Locator } from '@playwright/test';
import { expect, test, type Page } from './fixtures';
import { axeViolations, belowNeeded, controlContrast, mainColours, pixels, sidewaysScroll, textContrasts } from './pages/a11y';
import { phraseBox } from './pages/card';
import { OptionsPage, toggleAllPacks } from './pages/options';
import { PopupPage, tabIdOf } from './pages/popup';
import { FLAGGED, GMAIL_NEW_MESSAGE, openSite, resetSettings, typeDraft } from './suites';

// The extension APIs as seen inside worker.evaluate (no @types/chrome here).
declare const chrome: any;

const gmail = GMAIL_NEW_MESSAGE;
/** One finding of each severity: suggestion, warning, alert. */
const THREE = 'Hi Robin. Anything for you, seriously. Call me anytime if anything comes up. You look stunning in that photo.';

test.beforeEach(resetSettings);

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the options page (${scheme}), with a pack's rules expanded`, async ({ ext }) => {
    const options = await OptionsPage.open(ext.context, ext.extensionId);
    await options.page.emulateMedia({ colorScheme: scheme });
    await options.page.getByRole('button', { name: 'Show rules of Availability' }).click();
    await options.setPack('Personal', false);
    await options.page.getByRole('button', { name: 'Show rules of Personal' }).click();
    expect(await axeViolations(options.page)).toEqual([]);
    await options.page.close();
  });

  test(`axe finds nothing on the popup over a flagged draft (${scheme})`, async ({ page, site, ext }) => {
    const cl = await openSite(page, site, gmail);
    await typeDraft(page, gmail.composer(page));
    await cl.waitForSpan(FLAGGED);
    const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
    await popup.page.emulateMedia({ colorScheme: scheme });
    await expect(popup.findings.first()).toBeVisible();
    expect(await axeViolations(popup.page)).toEqual([]);
    await popup.page.close();
  });

  test(`the open card: axe finds nothing, and every text and control meets contrast (${scheme})`, async ({ page, site }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const cl = await openSite(page, site, gmail);
    const composer = gmail.composer(page);
    await typeDraft(page, composer, THREE);
    for (const phrase of ['Call me anytime', 'look stunning', 'Anything for you']) {
      await cl.waitForSpan(new RegExp(phrase));
      await page.keyboard.press('Escape');
      await cl.hover(composer, phrase);
      await page.keyboard.press('ArrowDown'); // no effect on a hover card; a keyboard card shows its choice
      expect(await axeViolations(page, 'clearline-root')).toEqual([]);
      const texts = await textContrasts(cl.card);
      expect(texts.length).toBeGreaterThan(5);
      expect(belowNeeded(texts), `text below contrast in the ${phrase} card`).toEqual([]);
      await page.mouse.move(5, 5);
      await expect(cl.card).toBeHidden();
    }
    // Keyboard card: the chosen rewrite's border stands out from the card (WCAG 1.4.11).
    await composer.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Alt+Enter');
    const chosen = cl.card.locator('[data-active="true"]');
    await expect(chosen).toHaveCount(1);
    expect(await controlContrast(chosen, 'border-top-color')).toBeGreaterThanOrEqual(3);
    expect(belowNeeded(await textContrasts(cl.card))).toEqual([]);
  });
}

test('switches: an off track stands out from the page (3:1) in light and dark; switches under an off pack look disabled', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  await options.setPack('Tone', false);
  for (const scheme of ['light', 'dark'] as const) {
    await options.page.emulateMedia({ colorScheme: scheme });
    expect(await controlContrast(options.packSwitch('Tone'), 'background-color'), `off switch track, ${scheme}`).toBeGreaterThanOrEqual(3);
  }
  await options.page.emulateMedia({ colorScheme: 'light' });
  await options.page.getByRole('button', { name: 'Show rules of Tone' }).click();
  await options.page.getByRole('button', { name: 'Show rules of Availability' }).click();
  const disabledOn = options.page.locator('[data-pack="tone"] .rules [role="switch"]').first();
  const enabledOn = options.page.locator('[data-pack="availability"] .rules [role="switch"]').first();
  await expect(disabledOn).toBeDisabled();
  await expect(disabledOn).toBeChecked();
  await expect(enabledOn).toBeChecked();
  // The same "on" switch, disabled: it must not be painted like an enabled one.
  expect((await disabledOn.screenshot()).equals(await enabledOn.screenshot())).toBe(false);
  // Nor like "on" at all: its track is not the accent colour of an enabled on switch, and its knob
  // is hollow.
  const track = (l: Locator) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await track(disabledOn)).not.toBe(await track(enabledOn));
  expect(await disabledOn.evaluate((el) => getComputedStyle(el, '::after').backgroundColor)).toBe('rgba(0, 0, 0, 0)');
  await options.page.close();
});

async function expectReflow(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 700 });
  await expect.poll(() => sidewaysScroll(page), { message: `sideways scroll at ${width} px` }).toBeLessThanOrEqual(0);
}

test('the options page reflows at 320 and 400 px, also with every pack’s rules expanded', async ({ ext }) => {
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  for (const width of [320, 400]) {
    await expectReflow(options.page, width);
    await toggleAllPacks(options.page, 'Show');
    await expectReflow(options.page, width);
    // Every severity select stays inside the page.
    for (const select of await options.page.locator('.rules select').all()) {
      const box = (await select.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await toggleAllPacks(options.page, 'Hide');
  }
  await options.page.close();
});

test('the popup reflows at 320 px over a flagged draft', async ({ page, site, ext }) => {
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  await cl.waitForSpan(FLAGGED);
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await expect(popup.findings.first()).toBeVisible();
  await expectReflow(popup.page, 320);
  await popup.page.close();
});

test('forced colours: each severity is painted its own way, unlike selected text, and the chosen rewrite stands out', async ({ page, site, ext }) => {
  // Every built-in intent is a warning or an alert: lower one to a suggestion, as the options page does.
  await ext.worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, rules: { ...(settings?.rules ?? {}), 'assertiveness/caving': { severity: 'suggestion' } } } });
  });
  const cl = await openSite(page, site, gmail);
  const composer = gmail.composer(page);
  await typeDraft(page, composer, THREE);
  await cl.waitForSpan(/stunning/);
  await page.emulateMedia({ forcedColors: 'active' });
  await composer.click();
  await page.keyboard.press('End');

  /** What is painted just under a phrase's first word: its colours and how much of the strip is inked. */
  const look = async (phrase: string) => {
    const b = await phraseBox(composer, phrase);
    const strip = await pixels(page, { x: b.x, y: b.y + b.height, width: Math.min(b.width, 40), height: 6 });
    const back = mainColours(await pixels(page, { x: b.x, y: b.y - 8, width: Math.min(b.width, 40), height: 4 }), 0.5)[0];
    const colours = mainColours(strip, 0.03);
    let inked = 0;
    for (let i = 0; i < strip.data.length; i += 4) {
      const key = [strip.data[i]!, strip.data[i + 1]!, strip.data[i + 2]!].map((v) => Math.round(v / 32)).join(',');
      if (key !== back) inked++;
    }
    return `${colours.join(' ')} ink ${Math.round((inked / (strip.data.length / 4)) * 10) / 10}`;
  };
  const plain = await look('seriously');
  const severities = [await look('Anything for you'), await look('Call me anytime'), await look('look stunning')];
  expect(new Set(severities).size, severities.join('\n')).toBe(3);
  expect(severities).not.toContain(plain);
  // Selected text looks like none of them.
  await composer.evaluate((root) => {
    const r = document.createRange();
    r.selectNodeContents(root);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  const selected = await look('seriously');
  expect(severities).not.toContain(selected);
  await page.keyboard.press('End');

  await page.keyboard.press('Alt+Enter');
  const buttons = cl.applyButtons();
  await expect(buttons.nth(0)).toHaveAttribute('data-active', 'true');
  const edge = async (button: Locator) => {
    const b = (await button.boundingBox())!;
    // The button's border and a few pixels around it, without its text.
    return mainColours(await pixels(page, { x: b.x - 3, y: b.y - 3, width: 12, height: b.height + 6 }), 0.03).join(' ');
  };
  // The chosen rewrite against a button that is not chosen (the next rewrite, or Ignore when it is the only one).
  const other = (await buttons.count()) > 1 ? buttons.nth(1) : cl.card.getByRole('button', { name: /^Ignore/ });
  expect(await edge(buttons.nth(0))).not.toBe(await edge(other));
  await page.emulateMedia({ forcedColors: 'none' });
});

test('forced colours, light and dark palettes: axe finds nothing on the options page, the welcome page and the popup', async ({ page, site, ext }) => {
  test.setTimeout(90_000); // six full axe runs
  const options = await OptionsPage.open(ext.context, ext.extensionId);
  const welcome = await ext.context.newPage();
  await welcome.goto(`chrome-extension://${ext.extensionId}/welcome.html`);
  await expect(welcome.getByRole('heading', { name: 'Welcome to Clearline' })).toBeVisible();
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page));
  await cl.waitForSpan(FLAGGED);
  const popup = await PopupPage.open(ext.context, ext.extensionId, await tabIdOf(ext.worker, page));
  await expect(popup.findings.first()).toBeVisible();
  for (const [name, p] of [['options', options.page], ['welcome', welcome], ['popup', popup.page]] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await p.emulateMedia({ forcedColors: 'active', colorScheme });
      expect(await axeViolations(p), `${name}, forced colours over ${colorScheme}`).toEqual([]);
    }
    await p.close();
  }
});

test('the welcome page: axe finds nothing in light and dark, and it reflows at 320 px', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/welcome.html`);
  await expect(page.getByRole('heading', { name: 'Welcome to Clearline' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await axeViolations(page), scheme).toEqual([]);
  }
  await expectReflow(page, 320);
  await page.close();
});

test('forced colours, light and dark palettes: no underline keeps a fill or the amber zigzag, and every line has 3:1 against the page', async ({ page, site, ext }) => {
  await ext.worker.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...settings, rules: { ...(settings?.rules ?? {}), 'assertiveness/caving': { severity: 'suggestion' } } } });
  });
  const cl = await openSite(page, site, gmail);
  await typeDraft(page, gmail.composer(page), THREE);
  await cl.waitForSpan(/stunning/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ forcedColors: 'active', colorScheme });
    const boxes = await page.evaluate(() => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const probe = document.createElement('div');
      probe.style.color = 'Canvas';
      document.body.append(probe);
      const canvas = getComputedStyle(probe).color;
      probe.remove();
      const shadow = document.querySelector('clearline-root')!.shadowRoot!;
      return [...shadow.querySelectorAll<HTMLElement>('.box[data-severity]')].map((box) => {
        const cs = getComputedStyle(box);
        const after = getComputedStyle(box, '::after');
        const [a, b] = [lum(cs.borderBottomColor), lum(canvas)].sort((x, y) => y - x);
        return {
          severity: box.dataset.severity,
          fill: cs.backgroundColor,
          after: after.content === 'none' || after.content === 'normal' ? 'none' : after.backgroundImage,
          line: cs.borderBottomStyle,
          contrast: Math.round(((a! + 0.05) / (b! + 0.05)) * 100) / 100,
        };
      });
    });
    expect(new Set(boxes.map((b) => b.severity))).toEqual(new Set(['suggestion', 'warning', 'alert']));
    for (const b of boxes) {
      expect(b.fill, `${b.severity} fill, ${colorScheme}`).toMatch(/^(?:transparent|rgba\(0, 0, 0, 0\))$/);
      expect(b.after, `${b.severity} ::after, ${colorScheme}`).toBe('none');
      expect(b.line, `${b.severity} line, ${colorScheme}`).not.toBe('none');
      expect(b.contrast, `${b.severity} line against the page, ${colorScheme}`).toBeGreaterThanOrEqual(3);
    }
  }
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
});
