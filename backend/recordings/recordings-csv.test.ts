import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './recordings-csv.ts';

describe('csvCell', () => {
  it('leaves plain text alone and quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    // Only the first character matters.
    expect(csvCell('1-1')).toBe('1-1');
    expect(csvCell('a@b.test')).toBe('a@b.test');
  });

  it('ends each line with CRLF', () => {
    expect(csvLine(['a', null, '=x'])).toBe(`a,,"'=x"\r\n`);
  });
});
