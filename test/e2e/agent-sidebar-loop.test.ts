import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../harness/browser.ts';
import { type FakeFacebook, startFakeFacebook } from '../harness/fake-facebook.ts';
import { startWorld, type World } from '../harness/sandbox-world.ts';
import { screenshot } from '../harness/screenshots.ts';

/**
 * The agent's whole loop in the sidebar on a facebook.com page, against the Graph sandbox: a
 * customer's comment → public reply (with the agent's name) → Reply via Messenger → the customer
 * answers in Messenger → the chat goes on in the sidebar. The customer's name and comment are
 * hostile markup, which must show as text and run nothing.
 */
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_TEXT = '<script>alert(1)</script> Do you ship to Porto?';

let w: World;
let facebook: FakeFacebook;
let browser: ExtensionBrowser;
let page: { id: string; access_token: string };
let post: { id: string };
const dialogs: string[] = [];

interface SandboxInbox {
  posts: { comments: { id: string; replies: { message: string; from: { isPage: boolean } }[] }[] }[];
  conversations: { psid: string; messages: { text: string | null }[] }[];
}
const sandboxInbox = () => w.control<SandboxInbox>('GET', `/pages/${page.id}/inbox`);

async function sql<T>(query: string): Promise<T[]> {
  return w.backend.store.withSession((s) => s.query<T>(query));
}

beforeAll(async () => {
  [w, facebook] = await Promise.all([startWorld(), startFakeFacebook()]);
  const admin = await w.login();
  page = await w.control('POST', '/pages', { name: 'Loop Shop' });
  await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token });
  post = await w.control('POST', `/pages/${page.id}/posts`, { message: 'Autumn sale: 20 % off boots' });
  const agent = await (
    await w.api('POST', '/api/users', admin, {
      email: 'ana@example.test',
      name: 'Ana Agent',
      role: 'agent',
      password: 'agent password 1',
    })
  ).json();
  const members = [{ userId: agent.id, penalty: 0, position: 0 }];
  for (const channel of ['facebook', 'messenger'] as const) {
    const res = await w.api('POST', '/api/campaigns', admin, {
      name: channel === 'facebook' ? 'Shop comments' : 'Shop chats',
      pageId: page.id,
      channel,
      strategy: 'linear',
      members,
      cannedResponses: [
        { id: 'shipping', title: 'Shipping', text: 'We ship to all of Portugal within 3 days.' },
      ],
    });
    expect(res.status).toBe(201);
  }
  browser = await launchWithExtension({ facebookPort: facebook.port });
});
afterAll(async () => {
  await browser?.close();
  await facebook?.close();
  await w?.stop();
});

async function openFacebookAsAgent(): Promise<{ fb: Page; sidebar: FrameLocator }> {
  const options = await browser.context.newPage();
  await options.goto(browser.url('options.html'));
  await options.getByLabel('Backend URL').fill(w.backend.url);
  await options.getByRole('button', { name: 'Save' }).click();
  await options.close();
  const fb = await browser.context.newPage();
  fb.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await fb.goto(`https://www.facebook.com/loopshop/posts/${post.id.split('_')[1]}`);
  const sidebar = fb.frameLocator('iframe[data-pagedesk="sidebar"]');
  await sidebar.getByLabel('Email').fill('ana@example.test');
  await sidebar.getByLabel('Password').fill('agent password 1');
  await sidebar.getByRole('button', { name: 'Log in' }).click();
  await expect
    .poll(() => sidebar.getByTestId('agent-status').getAttribute('data-status'), { timeout: 10_000 })
    .toBe('available');
  return { fb, sidebar };
}

describe('the agent sidebar, the whole loop', () => {
  it('comment → public reply → Reply via Messenger → the chat goes on; drafts survive a reload; hostile text stays text', async () => {
    const { fb, sidebar } = await openFacebookAsAgent();

    const comment = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
      customer: { name: HOSTILE_NAME },
      message: HOSTILE_TEXT,
    });
    const item = sidebar.getByTestId('inbox-item').first();
    await item.waitFor({ timeout: 15_000 });
    // The page shown is this post: the sidebar points the interaction out.
    await sidebar.getByRole('list', { name: 'On this post' }).waitFor({ timeout: 5_000 });
    await item.locator('.inbox-open').click();

    await expect
      .poll(() => sidebar.getByTestId('interaction-customer').textContent())
      .toContain(HOSTILE_NAME);
    const customerMessage = sidebar.locator(
      `[data-testid="transcript-message"][data-message-id="${comment.id}"]`,
    );
    await expect.poll(() => customerMessage.textContent(), { timeout: 10_000 }).toContain(HOSTILE_TEXT);
    // Shown as text: no element was made from the customer's markup, nothing ran.
    const frame = fb.frames().find((f) => f.url().includes('sidebar.html'))!;
    expect(await frame.locator('img[src="x"], script:not([src])').count()).toBe(0);
    expect(await frame.evaluate(() => document.body.textContent)).toContain(HOSTILE_NAME);

    // A draft survives a reload of the facebook.com page.
    const composer = sidebar.getByLabel('Your reply');
    await composer.fill('Half-written answer about boots');
    await fb.waitForTimeout(700); // the draft is saved after 300 ms of quiet
    await fb.reload();
    await sidebar.getByTestId('inbox-item').first().locator('.inbox-open').click();
    await expect
      .poll(() => sidebar.getByLabel('Your reply').inputValue(), { timeout: 10_000 })
      .toBe('Half-written answer about boots');

    // Public reply with a canned response, sent with Ctrl+Enter.
    await sidebar.getByLabel('Your reply').fill('');
    await sidebar.getByRole('button', { name: 'Canned responses' }).click();
    await sidebar.getByRole('option', { name: /Shipping/ }).click();
    expect(await sidebar.getByLabel('Your reply').inputValue()).toContain('We ship to all of Portugal');
    await sidebar.getByLabel('Your reply').press('Control+Enter');
    const agentMessage = sidebar.locator('[data-testid="transcript-message"][data-author-kind="agent"]');
    await expect.poll(() => agentMessage.first().textContent(), { timeout: 15_000 }).toContain('Ana Agent');
    expect(await sidebar.getByLabel('Your reply').inputValue()).toBe('');
    // It reached Facebook (the sandbox) as the Page's reply, and our record names the agent.
    const inbox = await sandboxInbox();
    const thread = inbox.posts[0]!.comments.find((c: { id: string }) => c.id === comment.id);
    expect(thread?.replies.map((r) => [r.message, r.from.isPage])).toEqual([
      ['We ship to all of Portugal within 3 days.', true],
    ]);
    const [stored] = await sql<{ agent_name: string }>(
      `select agent_name from comments where parent_id = '${comment.id}' and from_page`,
    );
    expect(stored?.agent_name).toBe('Ana Agent');
    await screenshot(fb, 'sidebar-facebook-thread');

    // Reply via Messenger: the private reply opens a Messenger interaction for the same agent.
    await customerMessage.getByRole('button', { name: 'Reply via Messenger' }).click();
    await sidebar.getByLabel('Private message').fill('Hi! Which size do you need?');
    await sidebar.getByRole('button', { name: 'Start interaction' }).click();
    await expect
      .poll(async () => (await sandboxInbox()).conversations.length, {
        timeout: 15_000,
      })
      .toBe(1);
    const conversation = (await sandboxInbox()).conversations[0]!;
    expect(conversation.messages.map((m) => m.text)).toContain('Hi! Which size do you need?');

    // The customer answers in Messenger; the chat goes on in the sidebar.
    await w.control('POST', `/pages/${page.id}/messages`, {
      customer: { name: HOSTILE_NAME, psid: conversation.psid },
      text: 'Size 38, please',
    });
    await expect
      .poll(() => sidebar.getByTestId('interaction-campaign').textContent(), { timeout: 15_000 })
      .toContain('Shop chats');
    const chat = sidebar.getByTestId('transcript-message');
    await expect
      .poll(async () => (await chat.allTextContents()).join('\n'), { timeout: 15_000 })
      .toContain('Size 38, please');
    await expect.poll(() => sidebar.getByTestId('messenger-window').getAttribute('data-open')).toBe('true');
    await sidebar.getByLabel('Your reply').fill('Size 38 is in stock, I reserved a pair for you.');
    await sidebar.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(async () => (await sandboxInbox()).conversations[0]!.messages.map((m) => m.text), {
        timeout: 15_000,
      })
      .toContain('Size 38 is in stock, I reserved a pair for you.');
    await expect
      .poll(async () => (await chat.allTextContents()).join('\n'), { timeout: 15_000 })
      .toContain('Size 38 is in stock');
    await screenshot(fb, 'sidebar-messenger-chat');
    expect(dialogs).toEqual([]);
  });
});
