import type { Frame, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../backend/facebook/webhook-signature.ts';
import { type ExtensionBrowser, launchWithExtension, logInToOptions } from '../harness/browser.ts';
import { type FakeFacebook, startFakeFacebook } from '../harness/fake-facebook.ts';
import { inspectView, pwnedAnywhere, watchForExecution } from '../harness/hostile-view-checks.ts';
import { startWorld, WORLD_ADMIN, type World } from '../harness/sandbox-world.ts';
import { screenshot } from '../harness/screenshots.ts';
import { TEST_FB_ENV } from '../harness/test-facebook-env.ts';

/**
 * Issue 8, item 6: hostile content in every view. Names and texts carrying markup, script URLs,
 * entities, bidi overrides, zero-width joiners, a 500-character word, combining-mark stacks and
 * emoji arrive through the real paths (the Graph sandbox's webhooks, a signed webhook of our own,
 * the admin API) and are shown in the sidebar on facebook.com, the supervisor's popup and the
 * options page. In each view: nothing runs, the text shows literally, links are http(s) with
 * noopener, nothing scrolls sideways and every RIGHT-TO-LEFT OVERRIDE stays inside its own name.
 */
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '"><svg onload=window.__pwned=3>';
const JS_URL = 'javascript:window.__pwned=4';
const ENTITY = '&lt;b&gt;not bold&lt;/b&gt;';
const RLO = '\u202E';
const ZW = '\u200B\u200D';
const ZALGO =
  'Z\u0351\u0357\u035B\u0300\u0301a\u0300\u0301\u0302\u0303\u0304l\u0306\u0307\u0308\u0309g\u030B\u030C\u030D\u030Eo\u0310\u0311\u0312\u0313';
const EMOJI = '👩🏽‍💻🇵🇹🔥';
const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(12).slice(0, 500);
/** Names are at most 100 characters: a 60-character word is as long as one gets there. */
const NAME_WORD = 'Wolfeschlegelsteinhausenbergerdorff'.repeat(2).slice(0, 60);
const HOSTILE_TEXT = [
  IMG,
  SCRIPT,
  SVG,
  `see ${JS_URL} or https://example.test/ok`,
  ENTITY,
  `${RLO}desrever si siht${ZW}`,
  LONG_WORD,
  ZALGO,
  EMOJI,
].join(' ');

const ADMIN_NAME = `Root ${IMG}${RLO}nimda`;
const AGENT_NAME = `Ana ${SCRIPT}${RLO}tnega${EMOJI}`;
const SUPERVISOR_NAME = `Sue${NAME_WORD} ${SVG}${RLO}`;
const PAGE_NAME = `Shop ${IMG}${RLO}egap${ZW}`;
const COMMENTS_CAMPAIGN = `Comments ${SVG}${RLO}ngiapmac`;
const CHATS_CAMPAIGN = `Chats ${SCRIPT}${RLO}${NAME_WORD}`;
const CUSTOMER = `Dora ${IMG}${RLO}remotsuc${ZW}${EMOJI}${ZALGO}`;
const QUEUED_CUSTOMER = `Quinn${NAME_WORD} ${SCRIPT}${RLO}`;
/** Messenger webhooks carry no name: the chat shows as an unknown customer whatever this says. */
const CHAT_CUSTOMER = `${NAME_WORD} ${SVG}${RLO}tahc`;
const DISPOSITION = `${IMG}${RLO}enod`;
const CANNED_TITLE = `Ship ${IMG}${RLO}gnippihs`;
/** The raw string every view must show as text. */
const LITERAL = '<img src=x onerror=';
const LONG_WORDS = [LONG_WORD, NAME_WORD];
/** Not routable: the pictures fail at once instead of waiting for a network we do not have. */
const MEDIA = 'https://127.0.0.1:9';

let w: World;
let facebook: FakeFacebook;
let agentBrowser: ExtensionBrowser;
let adminBrowser: ExtensionBrowser;
let fbPage: { id: string; access_token: string };
let post: { id: string };
let fb: Page;
let popup: Page;
let options: Page;
const executions: string[] = [];
const checked: string[] = [];

async function sendSignedWebhook(body: unknown) {
  const raw = new TextEncoder().encode(JSON.stringify(body));
  const res = await fetch(`${w.backend.url}/webhooks/facebook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signWebhookBody(raw, TEST_FB_ENV.FB_APP_SECRET),
    },
    body: raw,
  });
  expect(res.status).toBe(200);
}

/**
 * Every check on one view, then a screenshot: nothing ran anywhere (no `__pwned` in any page or
 * worker of either browser, no dialog, no CSP refusal), no markup came from content, the text is
 * there literally, links are safe, the layout holds and bidi overrides stay in their names.
 */
async function checkView(
  name: string,
  target: Page | Frame,
  shot: Page,
  expectations: { text?: string[]; links?: boolean; longWord?: boolean } = {},
) {
  const report = await inspectView(target, LONG_WORDS);
  await screenshot(shot, `hostile-${name}`);
  // Soft: one run lists every way a view fails, not just the first.
  const check = expect.soft;
  check(report.pwned, name).toBeUndefined();
  check(report.handlers, name).toEqual([]);
  check(report.injected, name).toEqual([]);
  for (const text of [LITERAL, ...(expectations.text ?? [])]) check(report.text, name).toContain(text);
  check(report.badLinks, name).toEqual([]);
  if (expectations.links) check(report.links, `${name}: links`).toBeGreaterThan(0);
  check(report.overflow, name).toEqual([]);
  if (expectations.longWord) check(report.longWordNodes, `${name}: long word`).toBeGreaterThan(0);
  check(report.rloNodes, `${name}: RLO shown`).toBeGreaterThan(0);
  check(report.bidi, name).toEqual([]);
  check([
    ...(await pwnedAnywhere(agentBrowser.context)),
    ...(await pwnedAnywhere(adminBrowser.context)),
  ]).toEqual([]);
  check(executions, name).toEqual([]);
  executions.length = 0; // a failure is told once, with the view it happened in
  checked.push(name);
}

beforeAll(async () => {
  [w, facebook] = await Promise.all([startWorld(), startFakeFacebook()]);
  const admin = await w.login();
  const me = await (await w.api('GET', '/api/me', admin)).json();
  expect((await w.api('PATCH', `/api/users/${me.user.id}`, admin, { name: ADMIN_NAME })).status).toBe(200);
  fbPage = await w.control('POST', '/pages', { name: PAGE_NAME });
  expect(
    (await w.api('POST', '/api/pages/import-token', admin, { accessToken: fbPage.access_token })).status,
  ).toBeLessThan(300);
  post = await w.control('POST', `/pages/${fbPage.id}/posts`, {
    message: HOSTILE_TEXT,
    photoUrl: `${MEDIA}/post.png`,
  });
  const user = async (name: string, role: string, email: string) => {
    const res = await w.api('POST', '/api/users', admin, {
      email,
      name,
      role,
      password: `${role} password 1`,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  };
  const agent = await user(AGENT_NAME, 'agent', 'ana@example.test');
  const supervisor = await user(SUPERVISOR_NAME, 'supervisor', 'sue@example.test');
  const campaign = async (name: string, channel: 'facebook' | 'messenger') => {
    const res = await w.api('POST', '/api/campaigns', admin, {
      name,
      pageId: fbPage.id,
      channel,
      strategy: 'linear',
      // One comment at a time, so the second customer waits in the queue; an alarm on any wait.
      maxInteractionsPerAgent: channel === 'facebook' ? 1 : 3,
      thresholds: { serviceLevel: 60, dropout: 900, chatTime: 1800, acd: 0 },
      members: [{ userId: agent.id, penalty: 0, position: 0 }],
      supervisorIds: [supervisor.id],
      cannedResponses: [
        { id: 'ship', title: CANNED_TITLE, text: HOSTILE_TEXT },
        { id: 'long', title: NAME_WORD, text: `${LONG_WORD} ${RLO}txet` },
      ],
    });
    expect(res.status).toBe(201);
  };
  await campaign(COMMENTS_CAMPAIGN, 'facebook');
  await campaign(CHATS_CAMPAIGN, 'messenger');
  [agentBrowser, adminBrowser] = await Promise.all([
    launchWithExtension({ facebookPort: facebook.port }),
    launchWithExtension(),
  ]);
  watchForExecution(agentBrowser.context, executions);
  watchForExecution(adminBrowser.context, executions);
});
afterAll(async () => {
  await agentBrowser?.close();
  await adminBrowser?.close();
  await facebook?.close();
  await w?.stop();
  console.info(`hostile content: ${checked.length} views checked: ${checked.join(', ')}`);
});

const sidebar = (): FrameLocator => fb.frameLocator('iframe[data-pagedesk="sidebar"]');
const sidebarFrame = () => fb.frames().find((f) => f.url().includes('sidebar.html'))!;

describe('hostile names and texts in every view', () => {
  it('the sidebar: inbox, a comment thread with the canned responses, a Messenger chat', async () => {
    const settings = await agentBrowser.context.newPage();
    await settings.goto(agentBrowser.url('options.html'));
    await settings.getByLabel('Backend URL').fill(w.backend.url);
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.close();
    fb = await agentBrowser.context.newPage();
    await fb.goto(`https://www.facebook.com/shop/posts/${post.id.split('_')[1]}`);
    await sidebar().getByLabel('Email').fill('ana@example.test');
    await sidebar().getByLabel('Password').fill('agent password 1');
    await sidebar().getByRole('button', { name: 'Log in' }).click();
    await expect
      .poll(() => sidebar().getByTestId('agent-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('available');

    const comment = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
      customer: { name: CUSTOMER },
      message: HOSTILE_TEXT,
      photoUrl: `${MEDIA}/photo.png?q=%3Cscript%3E`,
    });
    const chat = await w.control<{ psid: string }>('POST', `/pages/${fbPage.id}/messages`, {
      customer: { name: CHAT_CUSTOMER },
      text: HOSTILE_TEXT,
      attachments: [{ type: 'file', url: `${MEDIA}/file.pdf?name=%22%3E%3Csvg%3E` }],
    });
    const items = sidebar().getByTestId('inbox-item');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(2);
    // Facebook only sends http(s) media; a webhook of our own tries script and data URLs.
    const now = Date.now();
    await sendSignedWebhook({
      object: 'page',
      entry: [
        {
          id: fbPage.id,
          time: now,
          messaging: [
            {
              sender: { id: chat.psid },
              recipient: { id: fbPage.id },
              timestamp: now,
              message: {
                mid: 'm_hostile_links',
                text: JS_URL,
                attachments: [
                  { type: 'file', payload: { url: JS_URL } },
                  { type: 'image', payload: { url: 'data:text/html,<script>window.__pwned=5</script>' } },
                  { type: 'fallback', title: SVG, URL: 'javascript:window.__pwned=6', payload: null },
                ],
              },
            },
          ],
        },
      ],
    });
    // A second customer waits: the agent holds one comment at a time.
    await w.control('POST', `/posts/${post.id}/comments`, {
      customer: { name: QUEUED_CUSTOMER },
      message: `${SCRIPT} ${LONG_WORD}`,
    });
    await checkView('sidebar-inbox', sidebarFrame(), fb, { longWord: true });

    await items.filter({ hasText: 'Dora' }).locator('.inbox-open').click();
    const customerMessage = sidebar().locator(
      `[data-testid="transcript-message"][data-message-id="${comment.id}"]`,
    );
    await expect.poll(() => customerMessage.textContent(), { timeout: 10_000 }).toContain(LONG_WORD);
    await sidebar().getByRole('button', { name: 'Canned responses' }).click();
    await sidebar().getByRole('option').first().click();
    expect(await sidebar().getByLabel('Your reply').inputValue()).toBe(HOSTILE_TEXT);
    await sidebar().getByLabel('Your reply').press('Control+Enter');
    const agentMessage = sidebar().locator('[data-testid="transcript-message"][data-author-kind="agent"]');
    await expect.poll(() => agentMessage.first().textContent(), { timeout: 15_000 }).toContain('Ana');
    await sidebar().getByRole('button', { name: 'Canned responses' }).click();
    await sidebar().getByRole('option').nth(1).waitFor();
    await checkView('sidebar-comment-thread', sidebarFrame(), fb, {
      text: [ENTITY, HOSTILE_TEXT, CANNED_TITLE, JS_URL],
      links: true,
      longWord: true,
    });

    await sidebar().getByRole('button', { name: 'Back to inbox' }).click();
    await items.filter({ hasText: 'Chats' }).locator('.inbox-open').click();
    const messages = sidebar().getByTestId('transcript-message');
    await expect.poll(() => messages.count(), { timeout: 10_000 }).toBe(2);
    await sidebar().getByText('Attachment (file) not available').waitFor();
    await checkView('sidebar-messenger-chat', sidebarFrame(), fb, {
      text: [ENTITY, HOSTILE_TEXT],
      links: true,
      longWord: true,
    });

    await sidebar().getByRole('button', { name: 'Complete', exact: true }).click();
    await sidebar().getByLabel('Disposition (optional)').fill(DISPOSITION);
    await sidebar().getByRole('button', { name: 'Complete interaction' }).click();
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(1);
  });

  it('the popup: board, drill-down, agent info, spy, recordings and a transcript', async () => {
    options = await logInToOptions(adminBrowser, w.backend.url, WORLD_ADMIN);
    await options.getByTestId('current-user-name').waitFor();
    popup = await adminBrowser.context.newPage();
    await popup.goto(adminBrowser.url('popup.html'));
    const agentRow = popup.getByTestId('board-agent-row');
    await agentRow.waitFor({ timeout: 15_000 });
    await popup.getByTestId('queue-row').waitFor({ timeout: 10_000 });
    await checkView('popup-board', popup, popup, { longWord: true });

    await popup.getByTestId('tile-waiting').getByRole('button').click();
    const drill = popup.getByTestId('drill-dialog');
    await drill.getByTestId('drill-list').waitFor();
    await checkView('popup-drill', popup, popup, { longWord: true });
    await drill.getByRole('button', { name: 'Close' }).click();

    await agentRow.getByRole('button', { name: /^Info on/ }).click();
    const info = popup.getByTestId('info-dialog');
    await info.getByTestId('interaction-row').first().waitFor();
    await checkView('popup-agent-info', popup, popup, { longWord: true });
    await info.getByRole('button', { name: 'Close' }).click();

    await agentRow.getByRole('button', { name: /^Spy on/ }).click();
    const spy = popup.getByTestId('spy-dialog');
    await expect
      .poll(async () => (await spy.getByTestId('transcript-message').count()) >= 2, { timeout: 10_000 })
      .toBe(true);
    await checkView('popup-spy', popup, popup, { text: [ENTITY, HOSTILE_TEXT], links: true, longWord: true });
    await spy.getByRole('button', { name: 'Close' }).click();

    await popup.getByRole('tab', { name: 'Recordings' }).click();
    const today = await popup.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await popup.getByLabel('From (day)').fill(today);
    await popup.getByLabel('To (day, included)').fill(today);
    await popup.getByRole('button', { name: 'Search' }).click();
    const recordings = popup.getByTestId('recording-item');
    await expect.poll(() => recordings.count(), { timeout: 10_000 }).toBe(3);
    await checkView('popup-recordings', popup, popup, { longWord: true });

    await recordings
      .filter({ hasText: 'Chats' })
      .getByRole('button', { name: /^Open transcript of/ })
      .click();
    const transcript = popup.getByTestId('recording-transcript');
    await expect
      .poll(() => transcript.getByTestId('transcript-message').count(), { timeout: 10_000 })
      .toBe(2);
    await checkView('popup-recording-transcript', popup, popup, {
      text: [ENTITY, HOSTILE_TEXT],
      links: true,
      longWord: true,
    });
  });

  it('the options page: Pages, campaigns and a campaign form, users, audit log', async () => {
    await options.bringToFront();
    await options.getByTestId('page-row').waitFor();
    await checkView('options-pages', options, options);

    await options.getByRole('tab', { name: 'Campaigns' }).click();
    await expect.poll(() => options.getByTestId('campaign-row').count()).toBe(2);
    await checkView('options-campaigns', options, options, { longWord: true });
    await options.getByTestId('campaign-row').first().locator('td').first().click();
    await options.getByTestId('supervisors-editor').getByText('Sue').waitFor();
    await checkView('options-campaign-form', options, options, { longWord: true });

    await options.getByRole('tab', { name: 'Users' }).click();
    await expect.poll(() => options.getByTestId('user-row').count()).toBe(3);
    await checkView('options-users', options, options, { longWord: true });

    await options.getByRole('tab', { name: 'Audit' }).click();
    await options.getByTestId('audit-row').first().waitFor();
    await checkView('options-audit', options, options);
  });
});
