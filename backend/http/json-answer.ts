import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { gzipPieces } from './gzip-pieces.ts';

/**
 * JSON answers from this size on go gzipped to clients that accept it (every browser does): a
 * supervisor board of 1,000 agents is ~500 KB of JSON, ~45 KB gzipped at the fastest level, and
 * moving 500 KB through a socket costs more than compressing it: the write outgrows the socket's
 * buffer and waits for the reader, ~10-30 ms on the shared box, against ~1.2 ms to compress. It
 * runs on the event loop: handing it to libuv's pool cost ~7 ms of waiting for the pool's thread
 * to be scheduled on the busy box. Smaller answers go as they are. Bodies carry no secret an
 * attacker could probe by compression (BREACH): sessions travel in the Authorization header.
 */
export const GZIP_FROM_BYTES = 64 * 1024;

/** A route's result as its JSON answer, gzipped when large and the client accepts it. */
export function jsonAnswer(c: Context, result: unknown, status: 200 | 201): Response {
  return jsonTextAnswer(c, JSON.stringify(result), status);
}

/**
 * JSON already written, whole or in pieces to be joined (the board writes most of its own from
 * what it kept): pieces are never joined into one large string, and when gzipped each large piece
 * is compressed once and kept (see gzip-pieces.ts).
 */
export function jsonTextAnswer(
  c: Context,
  text: string | readonly string[],
  status: 200 | 201 = 200,
): Response {
  const pieces = typeof text === 'string' ? [text] : text;
  let length = 0;
  for (const piece of pieces) length += piece.length;
  if (length >= GZIP_FROM_BYTES) {
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (acceptsGzip(c.req.header('accept-encoding')))
      return c.body(pieces.length > 1 ? gzipPieces(pieces) : gzipSync(utf8(pieces), { level: 1 }), status, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
  }
  return c.body(pieces.join(''), status, { 'Content-Type': 'application/json' });
}

/**
 * The pieces' UTF-8 bytes in a buffer kept for them: a fresh 500 KB buffer or string costs ~3 ms
 * of page faults on the shared box, writing into a kept one 0.1 ms. Only gzip reads it,
 * synchronously, so the next answer may overwrite it.
 */
function utf8(pieces: readonly string[]): Buffer {
  let bytes = 0;
  for (const piece of pieces) bytes += Buffer.byteLength(piece);
  if (bytes > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 2 * scratch.length));
  let at = 0;
  for (const piece of pieces) at += scratch.write(piece, at);
  return scratch.subarray(0, bytes);
}

let scratch = Buffer.allocUnsafeSlow(0);

/** Whether an Accept-Encoding header admits gzip (by name or `*`, with a weight above 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(name.trim(), q ? Number(q.slice(2)) : 1);
  }
  const weight = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0;
  return weight > 0;
}
