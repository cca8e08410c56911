import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A gzip stream of JSON written in pieces, where the large pieces come back from one answer to the
 * next (a supervisor board: each campaign's text is kept while it does not change, see
 * supervision/board-memo.ts): each large piece is compressed once, on its own, and its compressed
 * bytes are kept; an answer is those bytes one after the other, with the small pieces between them
 * (what moves: times, separators) as uncompressed blocks. Compressing the whole ~500 KB board at
 * every answer was ~3 ms of the event loop (more on the shared box); this is the CRC of the text
 * (~0.1 ms) and a copy.
 *
 * It is one ordinary gzip member (RFC 1952) holding one deflate stream (RFC 1951): a piece compressed
 * on its own refers to nothing before it, ends with a sync flush (an empty stored block, so the
 * stream is on a byte boundary), and is not the last block; stored blocks and a last empty one
 * follow the same rules. Any gzip reader reads it.
 */
export function gzipPieces(pieces: readonly string[]): Buffer<ArrayBuffer> {
  const out: Buffer[] = [HEADER];
  let crc = 0;
  let size = 0;
  let small = '';
  const add = (bytes: Buffer, compressed: Buffer | null) => {
    if (compressed) out.push(compressed);
    else storedBlocks(bytes, out);
    crc = crc32(bytes, crc);
    size += bytes.length;
  };
  const flushSmall = () => {
    if (!small) return;
    const bytes = Buffer.from(small);
    // Many small pieces in a row (an answer of small rows) are worth compressing, once.
    add(bytes, small.length >= KEEP_FROM_CHARS ? deflated(bytes) : null);
    small = '';
  };
  for (const piece of pieces) {
    if (piece.length < KEEP_FROM_CHARS) {
      small += piece;
      continue;
    }
    flushSmall();
    const segment = keptSegment(piece);
    add(segment.bytes, segment.compressed);
  }
  flushSmall();
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  out.push(LAST_BLOCK, trailer);
  let length = 0;
  for (const part of out) length += part.length;
  const answer = Buffer.allocUnsafe(length);
  let at = 0;
  for (const part of out) at += part.copy(answer, at);
  return answer;
}

/** Compresses and keeps the large pieces ahead of an answer that will hold them. */
export function keepPieces(pieces: readonly string[]): void {
  for (const piece of pieces) if (piece.length >= KEEP_FROM_CHARS) keptSegment(piece);
}

/** Pieces from this length on are compressed on their own and kept. */
export const KEEP_FROM_CHARS = 512;
/** How much text the kept pieces may hold (least recently used go first): a few boards' worth. */
const KEPT_CHARS = 8 * 1024 * 1024;

// Magic, deflate, no flags, no time, fastest, unknown OS.
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 4, 0xff]);
// The last block: stored, empty (BFINAL=1, BTYPE=00, LEN=0, NLEN=0xffff).
const LAST_BLOCK = Buffer.from([1, 0, 0, 0xff, 0xff]);

interface Segment {
  bytes: Buffer;
  compressed: Buffer;
}

const kept = new Map<string, Segment>();
let keptChars = 0;

function keptSegment(piece: string): Segment {
  const found = kept.get(piece);
  if (found) {
    kept.delete(piece);
    kept.set(piece, found);
    return found;
  }
  const bytes = Buffer.from(piece);
  const segment = { bytes, compressed: deflated(bytes) };
  kept.set(piece, segment);
  keptChars += piece.length;
  for (const key of kept.keys()) {
    if (keptChars <= KEPT_CHARS) break;
    kept.delete(key);
    keptChars -= key.length;
  }
  return segment;
}

/** Raw deflate at the fastest level, ending with a sync flush instead of a last block. */
function deflated(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_SYNC_FLUSH });
}

/** Stored (uncompressed) blocks of at most 65,535 bytes each, not last. */
function storedBlocks(bytes: Buffer, out: Buffer[]) {
  for (let at = 0; at < bytes.length; at += 0xffff) {
    const chunk = bytes.subarray(at, at + 0xffff);
    const head = Buffer.alloc(5);
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    out.push(head, chunk);
  }
}
