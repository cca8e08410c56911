import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension lives in extension/; WXT builds it for Chrome (MV3) and Firefox into .output/.
export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  publicDir: 'extension/public',
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere (STYLE.md §10): no auto-imported globals.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    action: { default_title: '__MSG_popupTitle__' },
    web_accessible_resources: [
      { resources: ['sidebar.html'], matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'] },
    ],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'pagedesk@pagedesk.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
