import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../shared/api/interactions.ts';
import { createTestApp, type TestApp } from '../harness/test-app.ts';

let t: TestApp;
let agent: string;
let supervisor: string;
beforeAll(async () => {
  // A small API body limit: attachments have their own, larger one.
  t = await createTestApp({ PUBLIC_URL: 'https://desk.example', BODY_LIMIT_BYTES: String(64 * 1024) });
  agent = (await t.userWithSession('agent')).token;
  supervisor = (await t.userWithSession('supervisor')).token;
});
afterAll(() => t.close());

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A PNG-looking file of `size` bytes: the signature, then varied bytes (every value 0..255 occurs). */
function png(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < Math.min(size, 256); i++) bytes[i] = (i * 31 + 7) % 256;
  for (let filled = 256; filled < size; filled *= 2) bytes.copyWithin(filled, 0, filled);
  bytes.set(PNG_SIGNATURE.slice(0, size));
  return bytes;
}

const upload = (
  body: Uint8Array<ArrayBuffer> | string,
  type: string,
  opts: { name?: string; token?: string | null } = {},
) =>
  t.app.request(`/api/attachments?name=${encodeURIComponent(opts.name ?? 'photo.png')}`, {
    method: 'POST',
    headers: {
      ...(opts.token === null ? {} : { authorization: `Bearer ${opts.token ?? agent}` }),
      'content-type': type,
    },
    body,
  });

describe('POST /api/attachments and GET /media/:id/:name', () => {
  it('stores an image larger than the API body limit and serves the same bytes back, safely', async () => {
    const bytes = png(300 * 1024);
    const res = await upload(bytes, 'image/png', { name: 'Fotó "1".png' });
    expect(res.status).toBe(201);
    const file = await res.json();
    expect(file).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: `https://desk.example/media/${file.id}/Fot%C3%B3%20%221%22.png`,
      type: 'image/png',
      size: bytes.byteLength,
      name: 'Fotó "1".png',
    });
    const served = await t.app.request(new URL(file.url).pathname);
    expect(served.status).toBe(200);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(bytes);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toMatch(/max-age=\d{6,}/);
    expect(served.headers.get('content-disposition')).toBe(
      `inline; filename="Fot_ _1_.png"; filename*=UTF-8''Fot%C3%B3%20%221%22.png`,
    );
  });

  it('accepts JPEG, GIF and WebP by their signatures too', async () => {
    const files: [string, number[]][] = [
      ['image/jpeg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]],
      ['image/gif', [...'GIF89a'].map((c) => c.charCodeAt(0))],
      ['image/webp', [...'RIFF\x10\x00\x00\x00WEBPVP8 '].map((c) => c.charCodeAt(0))],
    ];
    for (const [type, bytes] of files) {
      const res = await upload(Uint8Array.from(bytes), type, { name: 'x' });
      expect(res.status, type).toBe(201);
      expect((await res.json()).type).toBe(type);
    }
  });

  it('refuses a type that is not an accepted image', async () => {
    const res = await upload('%PDF-1.7 ...', 'application/pdf', { name: 'invoice.pdf' });
    expect(res.status).toBe(415);
    const body = await res.json();
    expect(body.error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(/JPEG, PNG, GIF or WebP/),
    });
  });

  it('refuses a file whose bytes are not what its type claims (a renamed file)', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>';
    const res = await upload(svg, 'image/png', { name: 'innocent.png' });
    expect(res.status).toBe(415);
    expect((await res.json()).error.message).toMatch(/not a real PNG image/);
    const gifAsJpeg = await upload(Uint8Array.from([...'GIF89a'].map((c) => c.charCodeAt(0))), 'image/jpeg');
    expect((await gifAsJpeg.json()).error.message).toMatch(/not a real JPEG image \(it is a GIF\)/);
  });

  it('refuses a file over the limit with 413 and a clear message, whether or not its length is announced', async () => {
    const big = png(ATTACHMENT_MAX_BYTES + 1);
    const res = await upload(big, 'image/png');
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/larger than 8 MB/),
    });
    const streamed = await t.app.request('/api/attachments?name=big.png', {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}`, 'content-type': 'image/png' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 9; i++) controller.enqueue(png(1024 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const exact = await upload(png(ATTACHMENT_MAX_BYTES), 'image/png');
    expect(exact.status).toBe(201);
  });

  it('refuses an empty file and a missing name', async () => {
    expect((await upload(new Uint8Array(), 'image/png')).status).toBe(400);
    const nameless = await t.app.request('/api/attachments', {
      method: 'POST',
      headers: { authorization: `Bearer ${agent}`, 'content-type': 'image/png' },
      body: png(100),
    });
    expect(nameless.status).toBe(400);
  });

  it('refuses anonymous callers and roles that do not reply', async () => {
    const anonymous = await upload(png(100), 'image/png', { token: null });
    expect(anonymous.status).toBe(401);
    expect((await upload(png(100), 'image/png', { token: supervisor })).status).toBe(403);
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await t.app.request('/media/00000000-0000-4000-8000-000000000000/x.png')).status).toBe(404);
    expect((await t.app.request('/media/not-a-uuid/x.png')).status).toBe(404);
  });
});
