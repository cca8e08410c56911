import { describe, expect, it } from 'vitest';
import {
  APP_ID,
  autoLoginCode,
  control,
  graph,
  INBOX_SCOPES,
  longLivedToken,
  makeSandbox,
  pageWith,
} from './sandbox-test-kit.ts';

describe('/{page-id}/subscribed_apps', () => {
  it('installs the app with the given fields, lists it, and removes it', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const path = `/v25.0/${page.id}/subscribed_apps`;
    expect((await graph(sb, 'GET', path, { token: page.token })).body).toEqual({ data: [] });

    const post = await graph(sb, 'POST', path, {
      token: page.token,
      form: { subscribed_fields: 'feed,messages,message_echoes' },
    });
    expect(post.body).toEqual({ success: true });
    expect((await graph(sb, 'GET', path, { token: page.token })).body).toEqual({
      data: [{ name: 'Pagedesk', id: APP_ID, subscribed_fields: ['feed', 'messages', 'message_echoes'] }],
    });

    // A second POST replaces the list; a JSON array works as well as comma-separated text.
    await graph(sb, 'POST', path, { token: page.token, json: { subscribed_fields: ['messages'] } });
    expect((await graph(sb, 'GET', path, { token: page.token })).body.data[0].subscribed_fields).toEqual([
      'messages',
    ]);

    expect((await graph(sb, 'DELETE', path, { token: page.token })).body).toEqual({ success: true });
    expect((await graph(sb, 'GET', path, { token: page.token })).body).toEqual({ data: [] });
  });

  it('requires subscribed_fields and known field names', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const path = `/v25.0/${page.id}/subscribed_apps`;
    const missing = await graph(sb, 'POST', path, { token: page.token });
    expect(missing.body.error).toMatchObject({
      code: 100,
      message: '(#100) The parameter subscribed_fields is required',
    });
    const unknown = await graph(sb, 'POST', path, {
      token: page.token,
      form: { subscribed_fields: 'feed,gossip' },
    });
    expect(unknown.body.error.code).toBe(100);
    expect(unknown.body.error.message).toContain('"gossip"');
  });

  it("requires pages_manage_metadata, with Meta's (#200) message", async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const token = await longLivedToken(
      sb,
      await autoLoginCode(
        sb,
        INBOX_SCOPES.filter((s) => s !== 'pages_manage_metadata'),
      ),
    );
    const pageToken = (await graph(sb, 'GET', '/me/accounts', { token })).body.data[0].access_token;
    const res = await graph(sb, 'POST', `/v25.0/${page.id}/subscribed_apps`, {
      token: pageToken,
      form: { subscribed_fields: 'feed' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 200,
      message:
        '(#200) To subscribe to the feed field, one of these permissions is needed: pages_manage_metadata',
    });
  });

  it("requires the Page's own token", async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P');
    const user = await longLivedToken(sb, await autoLoginCode(sb));
    const res = await graph(sb, 'POST', `/v25.0/${page.id}/subscribed_apps`, {
      token: user,
      form: { subscribed_fields: 'feed' },
    });
    expect(res.body.error.code).toBe(210);
  });

  it('shows the app gone after the control API unsubscribes it', async () => {
    const { sb } = makeSandbox();
    const page = await pageWith(sb, 'P', ['feed']);
    await control(sb, 'POST', `/pages/${page.id}/unsubscribe`);
    expect((await graph(sb, 'GET', `/v25.0/${page.id}/subscribed_apps`, { token: page.token })).body).toEqual(
      { data: [] },
    );
  });
});
