import { describe, expect, it } from 'vitest';
import { autoLoginCode, control, graph, longLivedToken, makeSandbox, pageWith } from './sandbox-test-kit.ts';

async function thread() {
  const { sb, time } = makeSandbox();
  const page = await pageWith(sb, 'Shop');
  const post = await control(sb, 'POST', `/pages/${page.id}/posts`, { message: 'New arrivals' });
  const comments = [];
  for (const name of ['Ann', 'Bob', 'Cid']) {
    time.advance(1000);
    comments.push(
      (
        await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
          customer: { name },
          message: `from ${name}`,
        })
      ).body,
    );
  }
  time.advance(1000);
  const reply = await control(sb, 'POST', `/posts/${post.body.id}/comments`, {
    customer: { name: 'Dee' },
    message: 'me too',
    parentId: comments[0].id,
  });
  return { sb, time, page, post: post.body, comments, reply: reply.body };
}

describe('comment lists', () => {
  it("lists a post's top-level comments in Meta's shape, with ISO times and paging", async () => {
    const { sb, page, post, comments } = await thread();
    const first = await graph(sb, 'GET', `/v25.0/${post.id}/comments`, {
      token: page.token,
      query: { limit: '2' },
    });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.data[0]).toEqual({
      created_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$/),
      from: { name: 'Ann', id: comments[0].from.id },
      message: 'from Ann',
      id: comments[0].id,
    });
    const next = new URL(first.body.paging.next);
    const rest = await graph(sb, 'GET', `${next.pathname}${next.search}`);
    expect(rest.body.data.map((c: { message: string }) => c.message)).toEqual(['from Cid']);
    expect(rest.body.paging.previous).toEqual(expect.any(String));
  });

  it("includes replies with filter=stream, lists a comment's replies, and summarizes on request", async () => {
    const { sb, page, post, comments, reply } = await thread();
    const stream = await graph(sb, 'GET', `/v25.0/${post.id}/comments`, {
      token: page.token,
      query: { filter: 'stream', summary: 'true', fields: 'id,message,parent' },
    });
    expect(stream.body.data).toHaveLength(4);
    expect(stream.body.data[3]).toMatchObject({ id: reply.id, parent: { id: comments[0].id } });
    expect(stream.body.summary).toEqual({ order: 'chronological', total_count: 4, can_comment: true });
    const replies = await graph(sb, 'GET', `/v25.0/${comments[0].id}/comments`, { token: page.token });
    expect(replies.body.data.map((c: { id: string }) => c.id)).toEqual([reply.id]);
  });

  it('threads a reply to a reply under the top-level comment, as Facebook does', async () => {
    const { sb, post, reply, comments } = await thread();
    const nested = await control(sb, 'POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Eve' },
      message: 'nested',
      parentId: reply.id,
    });
    expect(nested.body.parentId).toBe(comments[0].id);
  });

  it('shows the commenter only to a Page token', async () => {
    const { sb, post } = await thread();
    const user = await longLivedToken(sb, await autoLoginCode(sb));
    const res = await graph(sb, 'GET', `/v25.0/${post.id}/comments`, { token: user });
    expect(res.status).toBe(200);
    expect(res.body.data[0]).not.toHaveProperty('from');
  });

  it("refuses another Page's token with the missing-permission error", async () => {
    const { sb, post } = await thread();
    const other = await pageWith(sb, 'Other');
    const res = await graph(sb, 'GET', `/v25.0/${post.id}/comments`, { token: other.token });
    expect(res.body.error.code).toBe(100);
    expect(res.body.error.message).toContain("requires the 'pages_read_engagement' permission");
  });
});

describe('nodes', () => {
  it("reads a comment's fields", async () => {
    const { sb, page, comments } = await thread();
    const res = await graph(sb, 'GET', `/v25.0/${comments[1].id}`, {
      token: page.token,
      query: { fields: 'id,message,from{id,name},is_hidden,can_reply_privately,comment_count,permalink_url' },
    });
    expect(res.body).toEqual({
      from: { name: 'Bob', id: comments[1].from.id },
      message: 'from Bob',
      can_reply_privately: true,
      comment_count: 0,
      is_hidden: false,
      permalink_url: expect.stringMatching(/^https:\/\/www\.facebook\.com\/\d+\/posts\/\d+\?comment_id=\d+$/),
      id: comments[1].id,
    });
  });

  it("reads the Page, a post, the Page feed and a customer's Messenger profile", async () => {
    const { sb, page, post } = await thread();
    expect(
      (await graph(sb, 'GET', `/${page.id}`, { token: page.token, query: { fields: 'id,name,category' } }))
        .body,
    ).toEqual({
      id: page.id,
      name: 'Shop',
      category: 'Product/service',
    });
    expect((await graph(sb, 'GET', `/v25.0/${post.id}`, { token: page.token })).body).toMatchObject({
      message: 'New arrivals',
      id: post.id,
    });
    const feed = await graph(sb, 'GET', `/v25.0/${page.id}/feed`, { token: page.token });
    expect(feed.body.data.map((p: { id: string }) => p.id)).toEqual([post.id]);
    const dm = await control(sb, 'POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Fay Lee' },
      text: 'hi',
    });
    const profile = await graph(sb, 'GET', `/v25.0/${dm.body.psid}`, { token: page.token });
    expect(profile.body).toMatchObject({ first_name: 'Fay', last_name: 'Lee', id: dm.body.psid });
  });

  it("answers Meta's errors for unknown ids, edges and paths, with or without a version", async () => {
    const { sb, page } = await thread();
    const unknown = await graph(sb, 'GET', '/v23.0/999999999999999', { token: page.token });
    expect(unknown.body.error).toMatchObject({ type: 'GraphMethodException', code: 100, error_subcode: 33 });
    const edge = await graph(sb, 'GET', `/${page.id}/gossip`, { token: page.token });
    expect(edge.body.error.message).toBe(
      '(#100) Tried accessing nonexisting field (gossip) on node type (Page)',
    );
    const path = await graph(sb, 'GET', `/v25.0/${page.id}/a/b`, { token: page.token });
    expect(path.body.error.code).toBe(2500);
    expect(path.headers.get('content-type')).toContain('application/json');
  });
});
