import { describe, expect, it } from 'vitest';
import { CsvProgress } from './csv-progress.ts';

const HEADER = 'interaction_id,campaign,text\r\n';

/** Feeds the text one character per chunk, the worst split a stream can make. */
function countByChars(text: string): number {
  const p = new CsvProgress();
  for (const ch of text) p.push(ch);
  p.end();
  return p.count;
}

describe('CsvProgress', () => {
  it('counts interactions, not message rows, and skips the header', () => {
    const csv = `${HEADER}a,Shop,hi\r\na,Shop,there\r\nb,Shop,hello\r\n`;
    const p = new CsvProgress();
    p.push(csv);
    p.end();
    expect(p.count).toBe(2);
  });

  it('reads quoted cells holding commas, quotes and line breaks', () => {
    const csv = `${HEADER}"a","Shop","one, ""two""\r\nthree"\r\n"a",Shop,"x\ny"\r\n"b",Shop,z\r\n`;
    expect(countByChars(csv)).toBe(2);
  });

  it('counts a last record without a line break, and a header alone as nothing', () => {
    expect(countByChars(`${HEADER}a,Shop,hi\r\nb,Shop,yo`)).toBe(2);
    expect(countByChars(HEADER)).toBe(0);
  });

  it('counts as it goes, before the stream ends', () => {
    const p = new CsvProgress();
    p.push(`${HEADER}a,Shop,"long`);
    expect(p.count).toBe(0);
    p.push(' text"\r\nb,');
    expect(p.count).toBe(1);
  });
});
