import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSidebar } from '../content/sidebar-frame.ts';

export default defineContentScript({
  matches: ['https://www.facebook.com/*', 'https://web.facebook.com/*'],
  runAt: 'document_idle',
  main: (ctx) => mountSidebar(ctx),
});
