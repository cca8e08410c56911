import browser from 'webextension-polyfill';
import { isolateText } from './isolate-text.ts';

/**
 * Every UI string goes through the extension's catalogs (_locales/en, _locales/es). Substitutions
 * are often names people chose: each is isolated so its bidi controls cannot reach the sentence.
 */
export function t(key: string, substitutions?: string | string[]): string {
  const subs =
    substitutions === undefined
      ? undefined
      : typeof substitutions === 'string'
        ? isolateText(substitutions)
        : substitutions.map(isolateText);
  const text = browser.i18n.getMessage(key, subs);
  // An empty answer means a key missing from the catalog: show the key so it gets noticed, not a blank.
  return text || key;
}
