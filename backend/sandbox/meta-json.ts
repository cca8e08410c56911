/**
 * JSON text the way Meta writes it (PHP's json_encode defaults): every non-ASCII UTF-16 unit as
 * `\uXXXX` with lowercase hex, and `/` as `\/`. Webhook signatures are computed over exactly these
 * bytes, so a receiver that re-serializes the parsed body, or hashes decoded text, fails the check
 * here as it would against Facebook. Meta's docs: "the string äöå should be escaped to
 * \u00e4\u00f6\u00e5" (FACEBOOK-PLATFORM.md §1.3). A second-hand mirror also lists `<`, `%` and `@`
 * as escaped; that is unverified and, with an uppercase `\u003C`, self-contradictory, so it is not
 * reproduced.
 */
export function metaJson(value: unknown): string {
  return write(value);
}

/**
 * An integer that must appear in the JSON as a bare number with every digit kept, such as the
 * echo's `app_id` (Meta sends it as a number) when it is too long for a double.
 */
export class JsonNumber {
  constructor(readonly digits: string) {
    if (!/^-?(0|[1-9]\d*)$/.test(digits)) throw new TypeError(`Not an integer literal: ${digits}`);
  }
}

function write(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof JsonNumber) return value.digits;
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (Array.isArray(value))
        return `[${value.map((v) => (v === undefined ? 'null' : write(v))).join(',')}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && typeof v !== 'function')
        .map(([k, v]) => `${quote(k)}:${write(v)}`)
        .join(',')}}`;
    default:
      throw new TypeError(`Cannot serialize a ${typeof value} as JSON`);
  }
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
