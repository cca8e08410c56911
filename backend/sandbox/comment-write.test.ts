import { afterEach, describe, expect, it } from 'vitest';
import {
  autoLoginCode,
  control,
  graph,
  hookBody,
  type Json,
  longLivedToken,
  makeSandbox,
  pageWith,
  startReceiver,
} from './sandbox-test-kit.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function setup() {
  const hook = await startReceiver();
  closers.push(hook.close);
  const { sb } = makeSandbox({ webhookUrl: hook.url });
  const page = await pageWith(sb, 'Shop', ['feed']);
  const post = (await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'Hi' })).body;
  const comment = (
    await control(sb, 'POST', `/posts/${post.id}/comments`, { customer: { name: 'Ann' }, message: 'Q?' })
  ).body;
  await sb.deliverNow();
  hook.received.length = 0;
  const changes = () =>
    hook.received.flatMap((r) => hookBody(r).entry.flatMap((e: Json) => e.changes.map((c: Json) => c.value)));
  return { sb, hook, page, post, comment, changes };
}

describe('public replies as the Page', () => {
  it('stores the reply from the Page, returns {id: post_new}, and echoes a feed add from the Page', async () => {
    const { sb, page, post, comment, changes } = await setup();
    const res = await graph(sb, 'POST', `/v25.0/${comment.id}/comments`, {
      token: page.token,
      form: { message: 'Answer!' },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['id']);
    expect(res.body.id).toMatch(new RegExp(`^${post.id.split('_')[1]}_\\d{15}$`));

    const inbox = await control(sb, 'GET', `/pages/${page.id}/inbox`);
    const thread = inbox.body.posts[0].comments[0];
    expect(thread.replies).toEqual([
      expect.objectContaining({
        id: res.body.id,
        message: 'Answer!',
        from: { id: page.id, name: 'Shop', isPage: true },
      }),
    ]);

    await sb.deliverNow();
    expect(changes()).toEqual([
      expect.objectContaining({
        from: { id: page.id, name: 'Shop' },
        comment_id: res.body.id,
        parent_id: comment.id,
        item: 'comment',
        verb: 'add',
      }),
    ]);
  });

  it('returns the requested fields and accepts a photo by attachment_url', async () => {
    const { sb, page, comment } = await setup();
    const res = await graph(sb, 'POST', `/v25.0/${comment.id}/comments`, {
      token: page.token,
      form: { attachment_url: 'https://example.com/p.jpg', fields: 'id,message,permalink_url,created_time' },
    });
    expect(res.body).toEqual({
      message: '',
      permalink_url: expect.stringContaining('reply_comment_id='),
      created_time: expect.stringMatching(/\+0000$/),
      id: expect.any(String),
    });
  });

  it('needs pages_manage_engagement and the Page token', async () => {
    const { sb, comment } = await setup();
    const user = await longLivedToken(
      sb,
      await autoLoginCode(sb, ['pages_show_list', 'pages_read_engagement']),
    );
    const pageToken = (await graph(sb, 'GET', '/me/accounts', { token: user })).body.data[0].access_token;
    const res = await graph(sb, 'POST', `/v25.0/${comment.id}/comments`, {
      token: pageToken,
      form: { message: 'x' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe(200);
    expect(
      (await graph(sb, 'POST', `/v25.0/${comment.id}/comments`, { token: user, form: { message: 'x' } })).body
        .error.code,
    ).toBe(210);
  });

  it('refuses an empty reply', async () => {
    const { sb, page, comment } = await setup();
    expect(
      (await graph(sb, 'POST', `/v25.0/${comment.id}/comments`, { token: page.token })).body.error.code,
    ).toBe(100);
  });
});

describe('moderation as the Page', () => {
  it('hides and unhides a comment with feed hide/unhide events', async () => {
    const { sb, page, comment, changes } = await setup();
    expect(
      (await graph(sb, 'POST', `/v25.0/${comment.id}`, { token: page.token, form: { is_hidden: 'true' } }))
        .body,
    ).toEqual({ success: true });
    const read = await graph(sb, 'GET', `/v25.0/${comment.id}`, {
      token: page.token,
      query: { fields: 'is_hidden' },
    });
    expect(read.body.is_hidden).toBe(true);
    await graph(sb, 'POST', `/v25.0/${comment.id}`, { token: page.token, form: { is_hidden: 'false' } });
    await sb.deliverNow();
    expect(changes().map((v: Json) => v.verb)).toEqual(['hide', 'unhide']);
  });

  it('deletes a comment: gone from reads, a feed remove is sent', async () => {
    const { sb, page, comment, changes } = await setup();
    expect((await graph(sb, 'DELETE', `/v25.0/${comment.id}`, { token: page.token })).body).toEqual({
      success: true,
    });
    expect(
      (await graph(sb, 'GET', `/v25.0/${comment.id}`, { token: page.token })).body.error.error_subcode,
    ).toBe(33);
    await sb.deliverNow();
    expect(changes()).toEqual([expect.objectContaining({ verb: 'remove', comment_id: comment.id })]);
  });
});
