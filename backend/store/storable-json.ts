/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses a lone surrogate half; JSON can
 * spell both as escapes (`\u0000`, `\ud800`) inside a string. Stored as they parse, every insert
 * carrying them fails: a webhook delivery would then block its queue forever, an API call would
 * end in a 500. This rewrites exactly those escapes to U+FFFD (what a raw NUL byte or a broken
 * UTF-8 sequence already becomes when the body is decoded), in one linear pass over the text.
 */
export function storableJson(json: string): string {
  if (!json.includes('\\u')) return json;
  let out = '';
  let copied = 0;
  for (let i = json.indexOf('\\'); i !== -1 && i < json.length; i = json.indexOf('\\', i)) {
    if (json[i + 1] !== 'u') {
      i += 2; // any other escape, an escaped backslash included
      continue;
    }
    const unit = codeUnit(json, i + 2);
    const pair = unit >= 0xd800 && unit <= 0xdbff ? lowAfter(json, i + 6) : false;
    if (pair) {
      i += 12;
      continue;
    }
    if (unit === 0 || (unit >= 0xd800 && unit <= 0xdfff)) {
      out += `${json.slice(copied, i)}\\uFFFD`;
      copied = i + 6;
    }
    i += 6;
  }
  return copied === 0 ? json : out + json.slice(copied);
}

function codeUnit(json: string, at: number): number {
  const hex = json.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : -1;
}

function lowAfter(json: string, at: number): boolean {
  if (json[at] !== '\\' || json[at + 1] !== 'u') return false;
  const unit = codeUnit(json, at + 2);
  return unit >= 0xdc00 && unit <= 0xdfff;
}
