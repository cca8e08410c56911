import browser from 'webextension-polyfill';

/** Sets the page's language and title from the catalog the browser chose. */
export function localizeDocument(): void {
  document.documentElement.lang = browser.i18n.getUILanguage().split('-')[0] || 'en';
  document.title = browser.i18n.getMessage('extName') || 'Pagedesk';
}
