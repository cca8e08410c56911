import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const FACEBOOK_MATCHES = ['https://www.facebook.com/*', 'https://web.facebook.com/*'];

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
    // notifications: new work for the agent. Host access to facebook.com (which the content script
    // already has) lets the background find those tabs to bring one forward.
    permissions: ['storage', 'notifications'],
    host_permissions: FACEBOOK_MATCHES,
    action: { default_title: '__MSG_popupTitle__' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_commandToggleSidebar__',
      },
    },
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: FACEBOOK_MATCHES }],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'pagedesk@pagedesk.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
