import { describe, expect, it } from 'vitest';
import { control, graph, makeSandbox, pageWith } from './sandbox-test-kit.ts';

describe('control API', () => {
  it('creates Pages with 15-digit ids and working, never-expiring tokens', async () => {
    const { sb } = makeSandbox();
    const res = await control(sb, 'POST', '/pages', { name: 'Demo' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d{15}$/),
      name: 'Demo',
      access_token: expect.stringMatching(/^EAAG/),
    });
    const pages = await control(sb, 'GET', '/pages');
    expect(pages.body).toEqual([
      expect.objectContaining({ id: res.body.id, subscribedFields: null, humanAgent: true }),
    ]);
  });

  it("keeps a customer's id stable by name or by id across comments", async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const post = await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'x' });
    const a = await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
      customer: { name: 'Ann' },
      message: '1',
    });
    const b = await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
      customer: { name: 'Ann' },
      message: '2',
    });
    const c = await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
      customer: { name: 'Renamed', id: a.body.from.id },
      message: '3',
    });
    expect(a.body.from.id).toMatch(/^\d{16,17}$/);
    expect(b.body.from.id).toBe(a.body.from.id);
    expect(c.body.from.id).toBe(a.body.from.id);
  });

  it("shows the customer's view: comment threads with Page replies and both sides of Messenger", async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P', ['messages']);
    const post = await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'x' });
    const comment = await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
      customer: { name: 'Ann' },
      message: 'q',
    });
    await graph(sb, 'POST', `/v25.0/${comment.body.id}/comments`, {
      token: page.token,
      form: { message: 'a' },
    });
    const dm = await control(sb, 'POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Ann' },
      text: 'hello',
    });
    await graph(sb, 'POST', `/v25.0/${page.id}/messages`, {
      token: page.token,
      json: { recipient: { id: dm.body.psid }, messaging_type: 'RESPONSE', message: { text: 'hi Ann' } },
    });
    const inbox = await control(sb, 'GET', `/pages/${page.id}/inbox`);
    expect(inbox.body.posts[0].comments[0]).toMatchObject({
      message: 'q',
      replies: [{ message: 'a', from: { isPage: true } }],
    });
    expect(inbox.body.conversations[0]).toMatchObject({
      psid: dm.body.psid,
      customer: { name: 'Ann' },
      messages: [
        { from: 'customer', text: 'hello' },
        { from: 'page', text: 'hi Ann' },
      ],
    });
  });

  it('reports state with delivery stats and leaves token values out', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const state = await control(sb, 'GET', '/state');
    expect(state.body.pages).toHaveLength(1);
    expect(state.body.delivery).toMatchObject({ sent: 0, acknowledged: 0, retries: 0, pending: 0 });
    expect(state.text).not.toContain(page.token);
  });

  it('resets to an empty world where old tokens no longer work', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    await control(sb, 'POST', '/clock', { advanceMs: 1000 });
    const reset = await control(sb, 'POST', '/reset');
    expect(reset.body.reset).toBe(true);
    expect((await control(sb, 'GET', '/pages')).body).toEqual([]);
    expect((await graph(sb, 'GET', '/me', { token: page.token })).body.error.code).toBe(190);
  });

  it('answers 400 with the reason for invalid bodies and 404 for unknown objects', async () => {
    const { sb } = makeSandbox();
    const bad = await control(sb, 'POST', '/pages', { nom: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toEqual(expect.any(String));
    expect(
      (await control(sb, 'POST', '/posts/1_2/comments', { customer: { name: 'A' }, message: 'x' })).status,
    ).toBe(404);
    expect((await control(sb, 'GET', '/nothing-here')).status).toBe(404);
    expect((await control(sb, 'POST', '/clock', { advanceMs: -5 })).status).toBe(400);
  });

  it('refuses a message from a customer who blocked the Page', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const dm = await control(sb, 'POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Ann' },
      text: 'hi',
    });
    await control(sb, 'POST', `/pages/${page.id}/customers/${dm.body.psid}/block`, { blocked: true });
    const again = await control(sb, 'POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Ann', psid: dm.body.psid },
      text: 'x',
    });
    expect(again.status).toBe(409);
  });
});

describe('customer page', () => {
  it('is one self-contained HTML page that never uses innerHTML', async () => {
    const { sb } = makeSandbox();
    const res = await sb.app.request('/_sandbox/customer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<script>');
    expect(html).toContain('textContent');
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?https?:/);
    expect(html).toContain('setInterval(refresh, 2000)');
  });
});
