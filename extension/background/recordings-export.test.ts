import { describe, expect, it } from 'vitest';
import { EXPORT_IDLE_MS, RecordingsExports } from './recordings-export.ts';

const creds = async () => ({ backendUrl: 'http://backend.test', token: 'tok' });

/** A CSV answer whose body arrives in the given pieces, each released by `next()`. */
function streamed(pieces: string[], total = '2') {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
  });
  let i = 0;
  return {
    response: new Response(body, { status: 200, headers: { 'x-total-count': total } }),
    next() {
      const piece = pieces[i++];
      if (piece === undefined) controller.close();
      else controller.enqueue(encoder.encode(piece));
    },
    fail() {
      controller.error(new Error('reset'));
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(response: Response) {
  const requested: { url: string; auth: string | null }[] = [];
  let now = 0;
  const exports = new RecordingsExports({
    credentials: creds,
    fetchImpl: (async (url: URL, init?: RequestInit) => {
      requested.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
      return response;
    }) as typeof fetch,
    newId: () => 'job-1',
    now: () => now,
  });
  return { exports, requested, advance: (ms: number) => (now += ms) };
}

describe('recordings export', () => {
  it('streams the CSV with the filters, handing over new text and progress on each poll', async () => {
    const s = streamed(['interaction_id,text\r\na,hi\r\n', 'a,yo\r\nb,"multi', '\r\nline"\r\n']);
    const { exports, requested } = setup(s.response);
    const started = await exports.start({ campaignId: 'c1', q: 'ship' });
    expect(started).toEqual({ ok: true, value: { exportId: 'job-1', total: 2 } });
    expect(requested).toEqual([
      { url: 'http://backend.test/api/recordings/export.csv?campaignId=c1&q=ship', auth: 'Bearer tok' },
    ]);
    s.next();
    await tick();
    const first = exports.poll('job-1');
    expect(first).toMatchObject({ ok: true, value: { done: 1, total: 2, finished: false, error: null } });
    expect(first.ok && first.value.chunks.join('')).toBe('interaction_id,text\r\na,hi\r\n');
    s.next();
    s.next();
    s.next();
    await tick();
    await tick();
    const last = exports.poll('job-1');
    expect(last).toMatchObject({ ok: true, value: { done: 2, finished: true } });
    expect(last.ok && last.value.chunks.join('')).toBe('a,yo\r\nb,"multi\r\nline"\r\n');
    // A finished job is forgotten once its last text was handed over.
    expect(exports.poll('job-1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the byte-order mark that tells spreadsheets the file is UTF-8', async () => {
    const s = streamed(['\uFEFFinteraction_id\r\na\r\n']);
    const { exports } = setup(s.response);
    await exports.start({});
    s.next();
    s.next();
    await tick();
    await tick();
    const res = exports.poll('job-1');
    expect(res.ok && res.value.chunks.join('')).toBe('\uFEFFinteraction_id\r\na\r\n');
    expect(res).toMatchObject({ ok: true, value: { done: 1, finished: true } });
  });

  it("passes the backend's refusal through", async () => {
    const refusal = new Response(
      JSON.stringify({
        error: { code: 'BAD_REQUEST', message: 'Type at least 3 characters.', requestId: 'r' },
      }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    );
    const { exports } = setup(refusal);
    expect(await exports.start({ q: 'ab' })).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Type at least 3 characters.' },
    });
  });

  it('reports a download cut off midway as an error', async () => {
    const s = streamed(['interaction_id\r\na\r\n']);
    const { exports } = setup(s.response);
    await exports.start({});
    s.next();
    await tick();
    s.fail();
    await tick();
    expect(exports.poll('job-1')).toMatchObject({
      ok: true,
      value: { finished: true, error: { code: 'NETWORK' } },
    });
  });

  it('cancels a job that nobody polls any more, and on request', async () => {
    const s = streamed([]);
    const { exports, advance } = setup(s.response);
    await exports.start({});
    advance(EXPORT_IDLE_MS + 1);
    expect(exports.poll('job-1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const again = setup(streamed([]).response);
    await again.exports.start({});
    expect(await again.exports.cancel('job-1')).toEqual({ ok: true, value: { ok: true } });
    expect(again.exports.poll('job-1')).toMatchObject({ ok: false });
  });

  it('says so when logged out', async () => {
    const exports = new RecordingsExports({ credentials: async () => null });
    expect(await exports.start({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
