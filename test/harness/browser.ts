import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WRAPPER = path.resolve('test/harness/chromium-wrapper.sh');
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  url(page: string): string;
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless (the new headless loads extensions), with the built extension.
 * Playwright's default --disable-features includes third-party storage partitioning, which breaks
 * IndexedDB inside the sidebar iframe: chromium-wrapper.sh swaps that default for our own list.
 */
export async function launchWithExtension(opts: { facebookPort?: number } = {}): Promise<ExtensionBrowser> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pagedesk-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--pagedesk-disable-features=HttpsUpgrades,MediaRouter,PaintHolding,OptimizationHints',
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--lang=en-US',
  ];
  if (opts.facebookPort) {
    args.push(
      `--host-resolver-rules=MAP www.facebook.com 127.0.0.1:${opts.facebookPort}`,
      '--ignore-certificate-errors',
    );
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: WRAPPER,
    env: { ...process.env, CHROMIUM_BIN: CHROMIUM },
    headless: true,
    args,
    viewport: { width: 1280, height: 860 },
    locale: 'en-US',
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    url: (page) => `chrome-extension://${extensionId}/${page}`,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the options page, points it at the backend and logs in, as a person would. */
export async function logInToOptions(
  browser: ExtensionBrowser,
  backendUrl: string,
  user: { email: string; password: string },
) {
  const options = await browser.context.newPage();
  await options.goto(browser.url('options.html'));
  await options.getByLabel('Backend URL').fill(backendUrl);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.getByLabel('Email').fill(user.email);
  await options.getByLabel('Password').fill(user.password);
  await options.getByRole('button', { name: 'Log in' }).click();
  return options;
}
