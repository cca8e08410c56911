/**
 * Right-to-left letters and the bidi controls (marks, embeddings, overrides, isolates): a value
 * holding any of them can reorder the words around it when it is put into a sentence.
 */
const BIDI_SENSITIVE =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const ISOLATE_START = /[\u2066-\u2068]/;
const ISOLATE_END = '\u2069';

/**
 * A value put into a sentence (a customer's, agent's or campaign's name) wrapped in FIRST STRONG
 * ISOLATE … POP DIRECTIONAL ISOLATE when it could reorder that sentence: an RLO in a name then
 * stops at the name's end instead of flipping the "(agent)" after it. The value's own isolates
 * are balanced first (a stray PDI dropped, an open one closed) so that it cannot end ours early or
 * keep it open. Left-to-right values, the usual case, stay untouched.
 */
export function isolateText(value: string): string {
  if (!BIDI_SENSITIVE.test(value)) return value;
  let depth = 0;
  let inner = '';
  for (const ch of value) {
    if (ISOLATE_START.test(ch)) depth++;
    else if (ch === ISOLATE_END) {
      if (depth === 0) continue;
      depth--;
    }
    inner += ch;
  }
  return `\u2068${inner}${ISOLATE_END.repeat(depth)}${ISOLATE_END}`;
}
