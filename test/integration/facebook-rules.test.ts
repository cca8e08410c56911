import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueReply } from '../../backend/outbox/enqueue.ts';
import type { OutboxPayload } from '../../backend/outbox/outbox-payload.ts';
import { eventually, startWorld, submitDialog, type World } from '../harness/sandbox-world.ts';

let w: World;
let admin: string;
let adminId: string;
let page: { id: string; name: string; access_token: string };
let comment: { id: string };

beforeAll(async () => {
  w = await startWorld({ HEALTH_CHECK_INTERVAL_S: '5' });
  admin = await w.login();
  adminId = (await (await w.api('GET', '/api/me', admin)).json()).user.id;
  page = await w.control('POST', '/pages', { name: 'Rules Shop' });
  const imported = await (
    await w.api('POST', '/api/pages/import-token', admin, { accessToken: page.access_token })
  ).json();
  expect(imported.linked.map((p: { id: string }) => p.id)).toEqual([page.id]);
  const post = await w.control<{ id: string }>('POST', `/pages/${page.id}/posts`, {
    message: 'Ask us anything',
  });
  comment = await w.control('POST', `/posts/${post.id}/comments`, {
    customer: { name: 'Marta' },
    message: 'Price?',
  });
  await eventually(
    async () => (await rows('select id from comments where id = $1', [comment.id])).length > 0,
  );
});
afterAll(() => w?.stop());

const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  w.backend.store.withSession((s) => s.query<T>(sql, params));

/** A reply as the agent writes it; the agent's identity is added by `send`. */
type Draft = OutboxPayload extends infer P
  ? P extends unknown
    ? Omit<P, 'agentId' | 'agentName'>
    : never
  : never;

/** Enqueues a reply and waits until the sender settles it (sent, failed or held). */
async function send(payload: Draft) {
  const row = await enqueueReply(
    w.backend.store.db,
    page.id,
    { ...payload, agentId: adminId, agentName: 'Ana Agent' } as OutboxPayload,
    new Date(),
  );
  w.backend.deps.wake('outbox');
  return eventually(async () => {
    const [r] = await rows<{ status: string; last_error: string | null; graph_id: string | null }>(
      'select status, last_error, graph_id from outbox where id = $1',
      [row.id],
    );
    return r && r.status !== 'pending' ? r : undefined;
  });
}

describe("Meta's messaging rules, end to end through the outbox", () => {
  let psid: string;

  it('answers a comment privately once: the chat opens, a second private reply is refused with the reason', async () => {
    const first = await send({ kind: 'private_reply', commentId: comment.id, text: 'Hi Marta, 49 €' });
    expect(first).toMatchObject({ status: 'sent', last_error: null });
    const [out] = await rows<{ psid: string; agent_name: string }>(
      'select psid, agent_name from messenger_messages where mid = $1',
      [first.graph_id],
    );
    expect(out?.agent_name).toBe('Ana Agent');
    psid = out!.psid;
    const [c] = await rows<{ private_reply_sent_at: Date | null }>(
      'select private_reply_sent_at from comments where id = $1',
      [comment.id],
    );
    expect(c?.private_reply_sent_at).not.toBeNull();
    const second = await send({ kind: 'private_reply', commentId: comment.id, text: 'Again?' });
    expect(second).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/already had its private reply/),
    });
  });

  it('continues the chat once the customer answers (RESPONSE inside 24 h)', async () => {
    await w.control('POST', `/pages/${page.id}/messages`, {
      customer: { name: 'Marta', psid },
      text: 'Size 39 please',
    });
    await eventually(
      async () =>
        (await rows("select mid from messenger_messages where direction = 'in' and psid = $1", [psid]))
          .length > 0,
    );
    const reply = await send({ kind: 'message', psid, text: 'Reserved for you!' });
    expect(reply.status).toBe('sent');
    expect(JSON.stringify(await w.control('GET', `/pages/${page.id}/inbox`))).toContain('Reserved for you!');
  });

  it('refuses after 24 h unless the Page allows the HUMAN_AGENT tag, then sends with it', async () => {
    const day = 25 * 3600_000;
    await w.control('POST', '/clock', { advanceMs: day });
    await rows("update messenger_messages set sent_at = sent_at - interval '25 hours' where psid = $1", [
      psid,
    ]);
    const refused = await send({ kind: 'message', psid, text: 'Still there?' });
    expect(refused).toMatchObject({
      status: 'failed',
      last_error: expect.stringMatching(/24-hour Messenger window closed/),
    });
    expect((await w.api('PATCH', `/api/pages/${page.id}`, admin, { humanAgentEnabled: true })).status).toBe(
      200,
    );
    const tagged = await send({ kind: 'message', psid, text: 'A human here: still need size 39?' });
    expect(tagged.status).toBe('sent');
  });

  it('fails a send to someone who blocked the Page with a readable reason, and does not retry it', async () => {
    await w.control('POST', `/pages/${page.id}/customers/${psid}/block`, { blocked: true });
    const blocked = await send({ kind: 'message', psid, text: 'Hello?' });
    expect(blocked.status).toBe('failed');
    expect(blocked.last_error).toMatch(/not available|isn't available|blocked/i);
    const [{ attempts }] = (await rows<{ attempts: number }>(
      'select max(attempts)::int as attempts from outbox where status = $1',
      ['failed'],
    )) as [{ attempts: number }];
    expect(attempts).toBe(1);
  });
});

describe('activation edge cases', () => {
  it('explains an empty Page list: the admin unticked every Page', async () => {
    const start = await (await w.api('POST', '/api/pages/activations', admin)).json();
    const callback = await fetch(await submitDialog(start.dialogUrl, { pageIds: [] }));
    expect(callback.status).toBe(400);
    const view = await (await w.api('GET', `/api/pages/activations/${start.id}`, admin)).json();
    expect(view).toEqual({
      status: 'failed',
      error: expect.stringMatching(/granted no Page.*tick the Pages/),
    });
  });

  it('names each missing permission and how to grant it', async () => {
    const start = await (await w.api('POST', '/api/pages/activations', admin)).json();
    const scopes = [
      'pages_show_list',
      'pages_manage_metadata',
      'pages_read_engagement',
      'pages_read_user_content',
    ];
    expect((await fetch(await submitDialog(start.dialogUrl, { scopes }))).status).toBe(200);
    const res = await w.api('POST', `/api/pages/activations/${start.id}/link`, admin, { pageId: page.id });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('MISSING_PERMISSIONS');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'pages_manage_engagement',
      'pages_messaging',
    ]);
    expect(body.error.fields[0].message).toMatch(/Activate with Facebook" again/);
  });

  it('turns the Page invalid within one periodic check when Facebook kills the token', async () => {
    await w.control('POST', `/pages/${page.id}/invalidate`, { subcode: 463 });
    const invalid = await eventually(async () => {
      const [p] = await rows<{ health: string; health_reason: string }>(
        'select health, health_reason from pages where id = $1',
        [page.id],
      );
      return p?.health === 'invalid' ? p : undefined;
    }, 8_000);
    expect(invalid.health_reason).toMatch(/valid/i);
  });
});
