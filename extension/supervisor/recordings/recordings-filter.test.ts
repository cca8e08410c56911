import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_FORM, filterOf } from './recordings-filter.ts';

const saved = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/Madrid';
});
afterEach(() => {
  process.env.TZ = saved;
});

describe('recordings filter', () => {
  it('sends nothing for an empty form', () => {
    expect(filterOf(EMPTY_FORM)).toEqual({ filter: {}, issues: [] });
  });

  it('turns local days into [first midnight, midnight after the last day) with the offsets of those days', () => {
    expect(
      filterOf({
        ...EMPTY_FORM,
        from: '2026-03-28',
        to: '2026-03-29',
        campaignId: 'c1',
        channel: 'messenger',
        q: ' ship ',
      }),
    ).toEqual({
      filter: {
        from: '2026-03-28T00:00:00+01:00',
        // Summer time starts on 29 March: the next midnight is at +02:00.
        to: '2026-03-30T00:00:00+02:00',
        campaignId: 'c1',
        channel: 'messenger',
        q: 'ship',
      },
      issues: [],
    });
  });

  it('finds one day with from = to', () => {
    expect(filterOf({ ...EMPTY_FORM, from: '2026-11-24', to: '2026-11-24' }).filter).toEqual({
      from: '2026-11-24T00:00:00+01:00',
      to: '2026-11-25T00:00:00+01:00',
    });
  });

  it('says what the backend would refuse: a short text, days in the wrong order', () => {
    expect(filterOf({ ...EMPTY_FORM, q: 'ab' }).issues).toEqual([{ field: 'q', key: 'errQueryTooShort' }]);
    expect(filterOf({ ...EMPTY_FORM, from: '2026-11-24', to: '2026-11-23' }).issues).toEqual([
      { field: 'to', key: 'errDateOrder' },
    ]);
    expect(filterOf({ ...EMPTY_FORM, from: '2026-02-30' }).issues).toEqual([
      { field: 'from', key: 'errDate' },
    ]);
  });
});
