const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

function parts(date: string): [number, number, number] | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(y, mo - 1, d);
  return check.getFullYear() === y && check.getMonth() === mo - 1 && check.getDate() === d
    ? [y, mo, d]
    : null;
}

/** `2026-11-24` → `2026-11-24T00:00:00-05:00`: the start of that day here, with this zone's offset. */
export function localMidnight(date: string): string | null {
  const p = parts(date);
  if (!p) return null;
  // Where midnight does not exist (a DST jump at 00:00), Date moves to the first minute that does.
  const at = new Date(p[0], p[1] - 1, p[2]);
  const offset = -at.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The next calendar day: a range's `to` is the midnight after its last day. */
export function dayAfter(date: string): string | null {
  const p = parts(date);
  if (!p) return null;
  const next = new Date(p[0], p[1] - 1, p[2] + 1);
  return `${next.getFullYear()}-${pad(next.getMonth() + 1)}-${pad(next.getDate())}`;
}

/** Today here as `YYYY-MM-DD` (what a date input holds). */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
