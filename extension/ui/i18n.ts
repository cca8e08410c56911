import browser from 'webextension-polyfill';

/** Every UI string goes through the extension's catalogs (_locales/en, _locales/es). */
export function t(key: string, substitutions?: string | string[]): string {
  const text = browser.i18n.getMessage(key, substitutions);
  // An empty answer means a key missing from the catalog: show the key so it gets noticed, not a blank.
  return text || key;
}
