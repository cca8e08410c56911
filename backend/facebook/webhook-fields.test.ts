import { describe, expect, it } from 'vitest';
import { dedupeKey, definedOnly, readId, readUrl, type Site, toId } from './webhook-fields.ts';

function collecting(): { site: Site; problems: string[] } {
  const problems: string[] = [];
  return { site: { path: 'x', report: (path, message) => problems.push(`${path}: ${message}`) }, problems };
}

describe('toId', () => {
  it('turns safe non-negative integers into strings and keeps printable strings', () => {
    expect(toId(1234567890321)).toBe('1234567890321');
    expect(toId(0)).toBe('0');
    expect(toId(12345678901234567n)).toBe('12345678901234567');
    expect(toId('mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c')).toBe('mid.$cAAJdkrCd2ORnva8ErFhjGm0X_Q_c');
  });

  it('refuses negative, fractional, unsafe, empty, spaced, overlong and non-id values', () => {
    for (const bad of [
      -1,
      1.5,
      2 ** 60,
      Number.NaN,
      '',
      ' 1',
      '1 2',
      'a\n',
      'x'.repeat(513),
      'é',
      null,
      {},
      [],
      true,
    ]) {
      expect(toId(bad), String(bad)).toBeUndefined();
    }
  });
});

describe('readId', () => {
  it('says why an id was refused, and which field', () => {
    const { site, problems } = collecting();
    const record = { neg: -5, frac: 2.5, big: 2 ** 60, empty: '', obj: {}, ok: 7 };
    expect(readId(record, 'ok', site, true)).toBe('7');
    for (const key of ['neg', 'frac', 'big', 'empty', 'obj', 'absent']) readId(record, key, site, true);
    expect(problems).toEqual([
      'x.neg: number -5 is negative',
      'x.frac: number 2.5 is not an integer',
      `x.big: number ${2 ** 60} is too large to be exact (parse the body with parseGraphJson)`,
      'x.empty: is empty',
      'x.obj: expected an id, got an object',
      'x.absent: missing',
    ]);
  });

  it('stays quiet about an absent optional id, and about null', () => {
    const { site, problems } = collecting();
    expect(readId({ a: null }, 'a', site, false)).toBeUndefined();
    expect(readId({}, 'a', site, false)).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('never reads inherited properties', () => {
    const { site } = collecting();
    const record = Object.create({ id: '123' }) as Record<string, unknown>;
    expect(readId(record, 'id', site, false)).toBeUndefined();
    expect(readId({}, 'constructor', site, false)).toBeUndefined();
  });
});

describe('readUrl', () => {
  it('returns http(s) URLs exactly as sent, signed query string included', () => {
    const { site } = collecting();
    const url = 'https://scontent.xx.fbcdn.net/v/a.jpg?_nc_cat=1&oh=00_AbC%3D&oe=6A00';
    expect(readUrl({ url }, 'url', site)).toBe(url);
  });

  it('drops other schemes and URLs hiding whitespace, with a problem', () => {
    const { site, problems } = collecting();
    for (const url of [
      'javascript:alert(1)',
      'data:text/html,x',
      'java\nscript:alert(1)',
      'not a url',
      '/relative',
    ]) {
      expect(readUrl({ url }, 'url', site), url).toBeUndefined();
    }
    expect(problems).toHaveLength(5);
  });
});

describe('dedupeKey and definedOnly', () => {
  it('keeps empty slots for absent parts so positions never shift', () => {
    expect(dedupeKey('reaction', 'p', undefined, 'a')).toBe('reaction|p||a');
  });

  it('leaves undefined fields out entirely', () => {
    expect(Object.keys(definedOnly({ a: 1, b: undefined, c: '' }))).toEqual(['a', 'c']);
  });
});
