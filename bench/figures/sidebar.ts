import type { Frame, Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension, logInToOptions } from '../../test/harness/browser.ts';
import { type FakeFacebook, startFakeFacebook } from '../../test/harness/fake-facebook.ts';
import type { Figure } from '../figure.ts';
import { freshDatabase } from '../lib/bench-database.ts';
import { buildExtension } from '../lib/extension-build.ts';
import { request } from '../lib/http-client.ts';
import { BENCH_PASSWORD } from '../lib/seed-users.ts';
import { percentile, round, sleep } from '../lib/stats.ts';
import { messengerMessage, signedDelivery } from '../lib/webhook-bodies.ts';
import { startWorld } from '../lib/world.ts';

const SAMPLES = 20;
const COLD_SAMPLES = 8;
const WAITING = 5;
const FRAME = 'iframe[data-pagedesk="sidebar"]';

/**
 * sidebar_ready_ms: headless Chromium with the extension built from the current sources, an agent
 * logged in with five interactions waiting, on (a stand-in for) facebook.com: from the click on the
 * Pagedesk toggle until the sidebar shows the inbox with those five, on screen. Both instants come
 * from the browser's own clock; the 95th percentile of 20 openings. The toggle's click may show a
 * frame that is already there (hidden while closed) or load a new one: either way the inbox counts
 * only once the frame itself sees it is on screen (an IntersectionObserver inside it), so a frame
 * that rendered the inbox while hidden does not count before it is shown.
 * Beside it, as information, the cold path: Facebook's React removes our element, it is put back
 * and its frame loads anew, until that frame shows the inbox.
 */
export const sidebarFigure: Figure = {
  name: 'sidebar',
  keys: ['sidebar_ready_ms'],
  async run(ctx) {
    await buildExtension(ctx.runDir);
    const db = await freshDatabase(ctx.db, 'sidebar');
    const world = await startWorld({ db, runDir: ctx.runDir, name: 'sidebar', users: { agent: 1 } });
    let facebook: FakeFacebook | undefined;
    let browser: ExtensionBrowser | undefined;
    try {
      const agent = world.users.agent[0]!;
      await world.createCampaign('messenger', [agent], { maxInteractionsPerAgent: WAITING });
      facebook = await startFakeFacebook();
      browser = await launchWithExtension({ facebookPort: facebook.port });
      const options = await logInToOptions(browser, world.backend.url, {
        email: agent.email,
        password: BENCH_PASSWORD,
      });
      await options.close();
      for (let i = 0; i < WAITING; i++) {
        const c = messengerMessage(world.page.id, `9${String(i).padStart(8, '0')}`, Date.now());
        const { body, headers } = signedDelivery([c.entry]);
        await request('POST', `${world.backend.url}/webhooks/facebook`, body, headers);
      }
      const page = await browser.context.newPage();
      await page.goto('https://www.facebook.com/benchshoes');
      await page
        .frameLocator(FRAME)
        .getByTestId('inbox-item')
        .nth(WAITING - 1)
        .waitFor({ timeout: 30_000 });
      const samples: number[] = [];
      for (let i = 0; i < SAMPLES; i++) {
        await toggle(page);
        await page.locator(FRAME).waitFor({ state: 'hidden' });
        // A frame kept while closed must know it is hidden before the next opening is timed.
        const kept = (await page.locator(FRAME).count()) > 0 ? await sidebarFrame(page) : null;
        await kept?.waitForFunction(() => !(window as unknown as Shown).__pagedeskBench?.visible, null, {
          polling: 5,
        });
        await sleep(200);
        const t0 = await toggle(page);
        samples.push((await inboxShownAt(await sidebarFrame(page), `open${i}`)) - t0);
      }
      const cold: number[] = [];
      for (let i = 0; i < COLD_SAMPLES; i++) {
        const before = await sidebarFrame(page);
        const t0 = await page.evaluate(() => {
          const at = performance.timeOrigin + performance.now();
          document.querySelector('pagedesk-sidebar')!.remove(); // the content script puts it back
          return at;
        });
        cold.push((await inboxShownAt(await sidebarFrame(page, before), `cold${i}`)) - t0);
        await sleep(200);
      }
      ctx.log(`sidebar cold: ${JSON.stringify(cold.map((s) => round(s, 1)))}`);
      ctx.log(`sidebar: ${JSON.stringify(samples.map((s) => round(s, 1)))}`);
      return {
        values: { sidebar_ready_ms: round(percentile(samples, 95), 2) },
        info: [
          {
            figure: 'sidebar_ready_ms p50',
            value: round(percentile(samples, 50), 2),
            unit: 'ms',
            note: 'median',
          },
          {
            figure: 'sidebar cold p50',
            value: round(percentile(cold, 50), 2),
            unit: 'ms',
            note: `element removed and put back, its frame loads anew (p95 ${round(percentile(cold, 95), 2)} ms)`,
          },
        ],
      };
    } finally {
      await browser?.close();
      await facebook?.close();
      await world.stop();
      await db.drop();
    }
  },
};

/** Clicks the toggle inside the sidebar's shadow root; returns when, by the page's clock. */
function toggle(page: Page): Promise<number> {
  return page.evaluate(() => {
    const button = document
      .querySelector('pagedesk-sidebar')!
      .shadowRoot!.querySelector<HTMLButtonElement>('button.toggle')!;
    const at = performance.timeOrigin + performance.now();
    button.click();
    return at;
  });
}

/** What the bench keeps inside a sidebar frame: whether it is on screen, and when each wait saw the inbox. */
type Shown = { __pagedeskBench?: { visible: boolean; at: Record<string, number> } };

/** The sidebar's frame (other than `not`) once it has loaded the sidebar page. */
async function sidebarFrame(page: Page, not: Frame | null = null): Promise<Frame> {
  const until = Date.now() + 10_000;
  for (;;) {
    const frame = page
      .frames()
      .find((f) => f !== not && !f.isDetached() && f.url().endsWith('/sidebar.html'));
    if (frame) return frame;
    if (Date.now() >= until) throw new Error('no sidebar frame');
    await sleep(2);
  }
}

/**
 * When the sidebar frame first shows the waiting items on screen, by the browser's clock: checked
 * every 5 ms from inside the frame (a new frame is a new extension page each time: nothing can be
 * installed in it before it loads), so the figure may be late by up to that. On screen: an
 * IntersectionObserver on the frame's document says it intersects the viewport, which a frame
 * hidden with the closed sidebar does not.
 */
async function inboxShownAt(frame: Frame, key: string): Promise<number> {
  const handle = await frame.waitForFunction(
    ({ n, key }) => {
      const w = window as unknown as Shown;
      if (!w.__pagedeskBench) {
        const state = { visible: false, at: {} as Record<string, number> };
        new IntersectionObserver((entries) => {
          state.visible = entries.at(-1)!.isIntersecting;
        }).observe(document.documentElement);
        w.__pagedeskBench = state;
      }
      const state = w.__pagedeskBench;
      if (!state.visible || document.querySelectorAll('[data-testid="inbox-item"]').length < n) return false;
      state.at[key] ??= performance.timeOrigin + performance.now();
      return state.at[key];
    },
    { n: WAITING, key },
    { polling: 5, timeout: 10_000 },
  );
  return (await handle.jsonValue()) as number;
}
