import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueReply } from '../../backend/outbox/enqueue.ts';
import { eventually, startWorld, type World } from '../harness/sandbox-world.ts';

let w: World;
let admin: string;
let adminId: string;
let page: { id: string; name: string };

beforeAll(async () => {
  w = await startWorld();
  admin = await w.login();
  adminId = (await (await w.api('GET', '/api/me', admin)).json()).user.id;
  page = await w.control('POST', '/pages', { name: 'Acme Shoes' });
});
afterAll(() => w?.stop());

/** What an admin's browser does: open the dialog, approve, and land on the backend's callback. */
async function runDialog(dialogUrl: string, approve = true) {
  const dialog = await fetch(`${dialogUrl}${approve ? '&sandbox_auto=1' : ''}`, { redirect: 'manual' });
  if (!approve) return dialog;
  const location = dialog.headers.get('location');
  expect(location).toContain('/oauth/facebook/callback?');
  return fetch(location!);
}

async function activate(pageId: string) {
  const start = await (await w.api('POST', '/api/pages/activations', admin)).json();
  expect(start.dialogUrl).toMatch(/\/v25\.0\/dialog\/oauth\?/);
  expect(start.dialogUrl).toContain('pages_messaging');
  const callback = await runDialog(start.dialogUrl);
  expect(callback.status).toBe(200);
  const view = await (await w.api('GET', `/api/pages/activations/${start.id}`, admin)).json();
  expect(view.status).toBe('ready');
  expect(view.pages.map((p: { id: string }) => p.id)).toContain(pageId);
  const linked = await w.api('POST', `/api/pages/activations/${start.id}/link`, admin, { pageId });
  expect(linked.status).toBe(200);
  return linked.json();
}

const db = () => w.backend.store;
const rows = <T>(sql: string, params: unknown[] = []) => db().withSession((s) => s.query<T>(sql, params));

describe('Activate with Facebook, webhooks and replies against the Graph sandbox', () => {
  it('links a Page through the dialog: every permission checked, app subscribed, token stored encrypted', async () => {
    const linked = await activate(page.id);
    expect(linked).toMatchObject({ id: page.id, name: 'Acme Shoes', health: 'active', healthReason: null });
    const pages = await w.control<{ id: string; subscribedFields: string[] }[]>('GET', '/pages');
    expect(pages.find((p) => p.id === page.id)?.subscribedFields).toEqual(
      expect.arrayContaining(['feed', 'messages']),
    );
    const [stored] = await rows<{ token_ciphertext: string }>(
      'select token_ciphertext from pages where id = $1',
      [page.id],
    );
    expect(stored!.token_ciphertext).toMatch(/^v1\./);
    expect(stored!.token_ciphertext).not.toMatch(/EAA/);
  });

  it('explains a cancelled dialog, and refuses a replayed or forged state', async () => {
    const start = await (await w.api('POST', '/api/pages/activations', admin)).json();
    const state = new URL(start.dialogUrl).searchParams.get('state');
    const cancelled = await fetch(
      `${w.backend.url}/oauth/facebook/callback?error=access_denied&state=${state}`,
    );
    expect(cancelled.status).toBe(400);
    const view = await (await w.api('GET', `/api/pages/activations/${start.id}`, admin)).json();
    expect(view).toEqual({ status: 'failed', error: expect.stringMatching(/cancelled/) });
    const forged = await fetch(`${w.backend.url}/oauth/facebook/callback?code=abc&state=forged-state-value`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toMatch(/expired or was already used/);
  });

  it("stores a customer's comment delivered by a signed webhook", async () => {
    const post = await w.control<{ id: string }>('POST', `/pages/${page.id}/posts`, {
      message: 'New shoes!',
    });
    const comment = await w.control<{ id: string }>('POST', `/posts/${post.id}/comments`, {
      customer: { name: 'Carla Customer' },
      message: 'Do you have size 39?',
    });
    const [row] = await eventually(async () => {
      const r = await rows<{ message: string; from_name: string; from_page: boolean }>(
        'select message, from_name, from_page from comments where id = $1',
        [comment.id],
      );
      return r.length ? r : undefined;
    });
    expect(row).toEqual({ message: 'Do you have size 39?', from_name: 'Carla Customer', from_page: false });
  });

  it('sends a public reply through the outbox; the agent is recorded and the echo adds no second row', async () => {
    const [customer] = await rows<{ id: string }>(
      "select id from comments where from_name = 'Carla Customer'",
    );
    const reply = await enqueueReply(
      db().db,
      page.id,
      {
        kind: 'comment_reply',
        commentId: customer!.id,
        text: 'Yes, in black and white!',
        agentId: adminId,
        agentName: 'Ana Agent',
      },
      new Date(),
    );
    w.backend.deps.wake('outbox');
    const sent = await eventually(async () => {
      const [r] = await rows<{ status: string; graph_id: string }>(
        'select status, graph_id from outbox where id = $1',
        [reply.id],
      );
      return r?.status === 'sent' ? r : undefined;
    });
    const inbox = await w.control<{
      posts: { comments: { message: string; replies?: { message: string }[] }[] }[];
    }>('GET', `/pages/${page.id}/inbox`);
    expect(JSON.stringify(inbox)).toContain('Yes, in black and white!');
    // The Page's own comment comes back as a feed webhook: still one row, still with the agent.
    await eventually(async () => (await w.sandbox.sandbox.deliveryStats()).pending === 0);
    await new Promise((r) => setTimeout(r, 300));
    const ours = await rows<{ agent_name: string; from_page: boolean }>(
      'select agent_name, from_page from comments where id = $1',
      [sent.graph_id],
    );
    expect(ours).toEqual([{ agent_name: 'Ana Agent', from_page: true }]);
  });

  it('turns the Page invalid when its token dies, holds replies, and sends them once after re-activation', async () => {
    await w.control('POST', `/pages/${page.id}/invalidate`, { subcode: 460 });
    const checked = await (await w.api('POST', `/api/pages/${page.id}/check`, admin)).json();
    expect(checked).toMatchObject({ health: 'invalid', healthReason: expect.stringMatching(/valid/i) });

    const [customer] = await rows<{ id: string }>(
      "select id from comments where from_name = 'Carla Customer'",
    );
    const held = await enqueueReply(
      db().db,
      page.id,
      {
        kind: 'comment_reply',
        commentId: customer!.id,
        text: 'Sent after re-activation',
        agentId: adminId,
        agentName: 'Ana Agent',
      },
      new Date(),
    );
    w.backend.deps.wake('outbox');
    await eventually(async () => {
      const [r] = await rows<{ status: string }>('select status from outbox where id = $1', [held.id]);
      return r?.status === 'held';
    });
    const commentsBefore = (await rows('select id from comments')).length;

    const relinked = await activate(page.id);
    expect(relinked.health).toBe('active');
    w.backend.deps.wake('outbox');
    await eventually(async () => {
      const [r] = await rows<{ status: string }>('select status from outbox where id = $1', [held.id]);
      return r?.status === 'sent';
    });
    const inbox = JSON.stringify(await w.control('GET', `/pages/${page.id}/inbox`));
    expect(inbox.split('Sent after re-activation').length - 1).toBe(1);
    // Nothing was lost by re-activating: the old comments are all still there (plus the new reply).
    expect((await rows('select id from comments')).length).toBeGreaterThanOrEqual(commentsBefore);
  });

  it('retries through a Graph outage and delivers every reply once, in order', async () => {
    const [customer] = await rows<{ id: string }>(
      "select id from comments where from_name = 'Carla Customer'",
    );
    await w.control('POST', '/faults', { kind: '5xx', durationMs: 1500 });
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const r = await enqueueReply(
        db().db,
        page.id,
        {
          kind: 'comment_reply',
          commentId: customer!.id,
          text: `Outage reply ${n}`,
          agentId: adminId,
          agentName: 'Ana Agent',
        },
        new Date(),
      );
      ids.push(r.id);
    }
    w.backend.deps.wake('outbox');
    const sent = await eventually(async () => {
      const r = await rows<{ id: number; status: string; sent_at: Date; attempts: number }>(
        `select id, status, sent_at, attempts from outbox where id = any($1::bigint[]) order by id`,
        [ids],
      );
      return r.every((x) => x.status === 'sent') ? r : undefined;
    }, 20_000);
    expect(sent[0]!.attempts).toBeGreaterThan(1);
    const times = sent.map((r) => new Date(r.sent_at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const inbox = JSON.stringify(await w.control('GET', `/pages/${page.id}/inbox`));
    for (const n of [1, 2, 3]) expect(inbox.split(`Outage reply ${n}`).length - 1).toBe(1);
    expect(inbox.indexOf('Outage reply 1')).toBeLessThan(inbox.indexOf('Outage reply 2'));
    expect(inbox.indexOf('Outage reply 2')).toBeLessThan(inbox.indexOf('Outage reply 3'));
  });
});
