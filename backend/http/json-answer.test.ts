import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, GZIP_FROM_BYTES, jsonAnswer, jsonTextAnswer } from './json-answer.ts';

describe('acceptsGzip', () => {
  it('reads gzip by name or *, with any weight above 0', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('x-gzip')).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('*;q=0, br')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
  });
});

describe('jsonAnswer', () => {
  const app = new Hono();
  const big = { rows: Array.from({ length: 3_000 }, (_, i) => ({ id: i, name: `Agent ${i}` })) };
  app.get('/big', (c) => jsonAnswer(c, big, 200));
  app.get('/small', (c) => jsonAnswer(c, { ok: true }, 201));
  // Pieces written one after the other, with text in more than one byte per character.
  const pieces = [
    '{"rows":[',
    ...big.rows.map((r, i) => `${i ? ',' : ''}{"id":${r.id},"name":"Agénte ${r.id}"}`),
    ']}',
  ];
  app.get('/pieces', (c) => jsonTextAnswer(c, pieces));

  it('gzips a large answer for a client that accepts it, and says the answer varies by it', async () => {
    expect(JSON.stringify(big).length).toBeGreaterThanOrEqual(GZIP_FROM_BYTES);
    const res = await app.request('/big', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('vary')).toContain('Accept-Encoding');
    const raw = Buffer.from(await res.arrayBuffer());
    expect(raw.length).toBeLessThan(GZIP_FROM_BYTES / 4);
    expect(JSON.parse(gunzipSync(raw).toString())).toEqual(big);
  });

  it('writes pieces of JSON as one answer, gzipped or not', async () => {
    const whole = JSON.parse(pieces.join(''));
    const gz = await app.request('/pieces', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(JSON.parse(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString())).toEqual(whole);
    // A second answer reuses the buffer the first was written in.
    const again = await app.request('/big', { headers: { 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(Buffer.from(await again.arrayBuffer())).toString())).toEqual(big);
    expect(await (await app.request('/pieces')).json()).toEqual(whole);
  });

  it('sends it as it is to a client that does not, and small answers always', async () => {
    const plain = await app.request('/big');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');
    expect(await plain.json()).toEqual(big);
    const small = await app.request('/small', { headers: { 'accept-encoding': 'gzip' } });
    expect(small.status).toBe(201);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('content-type')).toBe('application/json');
    expect(await small.json()).toEqual({ ok: true });
  });
});
