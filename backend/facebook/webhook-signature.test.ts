import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyHandshake, verifyWebhookSignature } from './webhook-signature.ts';

const SHELF = path.resolve(process.cwd(), '../shared/fixtures/graph-samples');

// The messenger4j vector (FACEBOOK-PLATFORM.md §1.3): the file's bytes are the exact signed body.
const VECTOR_BODY = readFileSync(path.join(SHELF, 'messenger-text-signed-sha1.json'));
const VECTOR_SECRET = '60efff025951cddde78c8d03de52cc90';
const VECTOR_SHA256 = 'sha256=2c28be6e4b8c62b732b3487f445dbec6624868db6844b347567ebc86d7da3ad4';
const VECTOR_SHA1 = 'sha1=3daa41999293ff66c3eb313e04bcf77861bb0276';

describe('signWebhookBody', () => {
  it('reproduces the X-Hub-Signature-256 of the shelf vector', () => {
    expect(signWebhookBody(VECTOR_BODY, VECTOR_SECRET)).toBe(VECTOR_SHA256);
  });

  it('gives the same signature for a Buffer and a plain Uint8Array of the same bytes', () => {
    expect(signWebhookBody(new Uint8Array(VECTOR_BODY), VECTOR_SECRET)).toBe(VECTOR_SHA256);
  });

  it('refuses to sign with an empty secret', () => {
    expect(() => signWebhookBody(VECTOR_BODY, '')).toThrow(TypeError);
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts the shelf vector', () => {
    expect(verifyWebhookSignature(VECTOR_BODY, VECTOR_SHA256, VECTOR_SECRET)).toBe(true);
  });

  it('rejects the body once it has been parsed and re-serialized', () => {
    const reserialized = Buffer.from(JSON.stringify(JSON.parse(VECTOR_BODY.toString('utf8')), null, 2));
    expect(verifyWebhookSignature(reserialized, VECTOR_SHA256, VECTOR_SECRET)).toBe(false);
  });

  it('rejects a body whose \\u escapes were decoded, because Meta signs the escaped bytes', () => {
    // Meta sends äöå as \u00e4\u00f6\u00e5 and escapes / and < too.
    const raw = Buffer.from('{"object":"page","text":"\\u00e4\\u00f6\\u00e5 \\/ \\u003cb>"}', 'utf8');
    const header = signWebhookBody(raw, VECTOR_SECRET);
    expect(verifyWebhookSignature(raw, header, VECTOR_SECRET)).toBe(true);
    const decoded = Buffer.from(JSON.stringify(JSON.parse(raw.toString('utf8'))), 'utf8');
    expect(decoded.toString('utf8')).toContain('äöå / <b>');
    expect(verifyWebhookSignature(decoded, header, VECTOR_SECRET)).toBe(false);
  });

  it('rejects a single changed byte and a different secret', () => {
    const tampered = Buffer.from(VECTOR_BODY);
    const at = tampered.length - 3;
    tampered[at] = tampered[at]! ^ 1;
    expect(verifyWebhookSignature(tampered, VECTOR_SHA256, VECTOR_SECRET)).toBe(false);
    expect(verifyWebhookSignature(VECTOR_BODY, VECTOR_SHA256, `${VECTOR_SECRET}0`)).toBe(false);
  });

  it('accepts upper-case hex, since it encodes the same 32 bytes', () => {
    const upper = `sha256=${VECTOR_SHA256.slice('sha256='.length).toUpperCase()}`;
    expect(verifyWebhookSignature(VECTOR_BODY, upper, VECTOR_SECRET)).toBe(true);
  });

  it('rejects the legacy sha1 header on its own, even when its value is correct', () => {
    expect(verifyWebhookSignature(VECTOR_BODY, VECTOR_SHA1, VECTOR_SECRET)).toBe(false);
  });

  it('returns false without throwing for missing or malformed headers', () => {
    const hex = VECTOR_SHA256.slice('sha256='.length);
    const malformed = [
      undefined,
      null,
      '',
      'sha256=',
      hex,
      `SHA256=${hex}`,
      `sha256=${hex.slice(0, 63)}`,
      `sha256=${hex}0`,
      `sha256=${hex.slice(0, 62)}zz`,
      `sha256= ${hex}`,
      `sha256=${hex} `,
      `${VECTOR_SHA1},${VECTOR_SHA256}`,
      `sha256=${hex.slice(0, 32)}`,
    ];
    for (const header of malformed) {
      expect(verifyWebhookSignature(VECTOR_BODY, header, VECTOR_SECRET), String(header)).toBe(false);
    }
  });

  it('returns false for values a loosely typed caller might pass', () => {
    const asAny = verifyWebhookSignature as (body: unknown, header: unknown, secret: unknown) => boolean;
    expect(asAny(VECTOR_BODY, [VECTOR_SHA256], VECTOR_SECRET)).toBe(false);
    expect(asAny(VECTOR_BODY.toString('utf8'), VECTOR_SHA256, VECTOR_SECRET)).toBe(false);
    expect(asAny(VECTOR_BODY, VECTOR_SHA256, undefined)).toBe(false);
    expect(asAny(null, VECTOR_SHA256, VECTOR_SECRET)).toBe(false);
  });

  it('never verifies anything when the app secret is empty', () => {
    // A correct MAC under the empty key: anyone can compute it, so it must not pass.
    const emptyKeyMac = `sha256=${createHmac('sha256', '').update(VECTOR_BODY).digest('hex')}`;
    expect(verifyWebhookSignature(VECTOR_BODY, emptyKeyMac, '')).toBe(false);
  });
});

describe('verifyHandshake', () => {
  // The example from Meta's "Getting started" page.
  const meta = { mode: 'subscribe', verifyToken: 'meatyhamhock', challenge: '1158201444' };

  it('echoes the challenge when mode and token match', () => {
    expect(verifyHandshake(meta, 'meatyhamhock')).toEqual({ ok: true, challenge: '1158201444' });
  });

  it('echoes a non-numeric challenge unchanged', () => {
    expect(verifyHandshake({ ...meta, challenge: 'abc-DEF_123' }, 'meatyhamhock')).toEqual({
      ok: true,
      challenge: 'abc-DEF_123',
    });
  });

  it('refuses a wrong, longer, shorter or differently-cased token', () => {
    for (const verifyToken of [
      'wrong',
      'meatyhamhock!',
      'meatyhamhoc',
      'MEATYHAMHOCK',
      '',
      null,
      undefined,
    ]) {
      expect(verifyHandshake({ ...meta, verifyToken }, 'meatyhamhock'), String(verifyToken)).toEqual({
        ok: false,
      });
    }
  });

  it('refuses everything when no token is configured', () => {
    expect(verifyHandshake({ ...meta, verifyToken: '' }, '')).toEqual({ ok: false });
  });

  it('requires mode=subscribe', () => {
    for (const mode of ['unsubscribe', 'Subscribe', '', null, undefined]) {
      expect(verifyHandshake({ ...meta, mode }, 'meatyhamhock'), String(mode)).toEqual({ ok: false });
    }
  });

  it('requires a challenge of 1 to 256 characters', () => {
    expect(verifyHandshake({ ...meta, challenge: undefined }, 'meatyhamhock')).toEqual({ ok: false });
    expect(verifyHandshake({ ...meta, challenge: '' }, 'meatyhamhock')).toEqual({ ok: false });
    expect(verifyHandshake({ ...meta, challenge: '9'.repeat(257) }, 'meatyhamhock')).toEqual({ ok: false });
    expect(verifyHandshake({ ...meta, challenge: '9'.repeat(256) }, 'meatyhamhock')).toEqual({
      ok: true,
      challenge: '9'.repeat(256),
    });
  });

  it('refuses repeated query parameters that arrive as arrays', () => {
    const asAny = verifyHandshake as (query: unknown, token: string) => unknown;
    expect(asAny({ ...meta, verifyToken: ['meatyhamhock'] }, 'meatyhamhock')).toEqual({ ok: false });
    expect(asAny({ ...meta, challenge: ['1', '2'] }, 'meatyhamhock')).toEqual({ ok: false });
    expect(asAny({ ...meta, mode: ['subscribe'] }, 'meatyhamhock')).toEqual({ ok: false });
    expect(asAny(null, 'meatyhamhock')).toEqual({ ok: false });
  });
});
