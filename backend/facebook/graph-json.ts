/**
 * Parses Graph API and webhook JSON so that ids survive: integer literals too long for a double
 * (Page, PSID and post ids reach 17 digits, past 2^53) become strings before JSON.parse sees them.
 * Short integers (counts, codes, timestamps in ms) stay numbers. Throws SyntaxError like JSON.parse.
 */
export function parseGraphJson(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

const MAX_SAFE_DIGITS = 15; // every 15-digit integer is exact in a double; 16+ may not be

/** Wraps integer literals of 16+ digits in quotes, leaving string contents untouched. */
export function quoteLongIntegers(text: string): string {
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i += 2;
        else if (c === 0x22) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
      const start = i;
      if (ch === 0x2d) i++;
      const digitsStart = i;
      while (i < n && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
      const digits = i - digitsStart;
      const next = i < n ? text.charCodeAt(i) : -1;
      const isFractionOrExponent = next === 0x2e || next === 0x65 || next === 0x45;
      if (isFractionOrExponent) {
        while (i < n && /[0-9eE+\-.]/.test(text[i]!)) i++;
        continue;
      }
      if (digits > MAX_SAFE_DIGITS) {
        out += `${text.slice(last, start)}"${text.slice(start, i)}"`;
        last = i;
      }
      continue;
    }
    i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** An id from a Graph payload as a string, whether it arrived as a string or a (short) number. */
export function idString(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}
