import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The English catalog, as the browser would answer getMessage, so the DOM reads as agents see it. */
export function useEnglishCatalog() {
  const catalog: Record<string, { message: string }> = JSON.parse(
    readFileSync(join(import.meta.dirname, '../public/_locales/en/messages.json'), 'utf8'),
  );
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | (string | number)[]) =>
      (catalog[key]?.message ?? '').replace(/\$(\d)/g, (_, n) =>
        String([subs ?? []].flat()[Number(n) - 1] ?? ''),
      ),
  );
}

/** Types into a field as a person would: the value changes, then the input event. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  act(() => {
    el.value = value;
    el.setSelectionRange(value.length, value.length);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function press(el: Element, key: string, extra: KeyboardEventInit = {}) {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...extra }));
  });
}

export function click(el: Element | null | undefined) {
  if (!el) throw new Error('Nothing to click');
  act(() => {
    (el as HTMLElement).click();
  });
}

/** The element whose accessible name (aria-label, or its text) is exactly `name`, with that role's tag. */
export function byRole(root: ParentNode, selector: string, name: string): HTMLElement {
  const found = [...root.querySelectorAll<HTMLElement>(selector)].find(
    (e) => (e.getAttribute('aria-label') ?? e.textContent ?? '').trim() === name,
  );
  if (!found) throw new Error(`No ${selector} named "${name}"`);
  return found;
}

/** The control a <label> names (by its `for`), as a person (or Playwright) finds it. */
export function byLabel<E extends HTMLElement = HTMLTextAreaElement>(root: ParentNode, text: string): E {
  for (const label of root.querySelectorAll('label')) {
    const own = label.cloneNode(true) as HTMLElement;
    for (const c of own.querySelectorAll('input, textarea, select')) c.remove();
    if (own.textContent?.trim() !== text) continue;
    const control = label.htmlFor
      ? root.querySelector(`[id="${label.htmlFor}"]`)
      : label.querySelector('input, textarea, select');
    if (control) return control as E;
  }
  throw new Error(`No control labelled "${text}"`);
}
