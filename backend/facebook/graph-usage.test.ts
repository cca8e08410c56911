import { describe, expect, it } from 'vitest';
import { EXHAUSTED_BACKOFF_MS, readGraphUsage } from './graph-usage.ts';

const buc = (entries: Record<string, unknown>[]) => JSON.stringify({ '112233445566778899': entries });

describe('readGraphUsage', () => {
  it('reports nothing when no usage header is present', () => {
    expect(readGraphUsage(new Headers())).toEqual({ slowDown: false });
  });

  it('takes the highest percentage across all three headers', () => {
    const usage = readGraphUsage(
      new Headers({
        'X-App-Usage': '{"call_count":12,"total_time":3,"total_cputime":1}',
        'X-Page-Usage': '{"call_count":40,"total_time":2,"total_cputime":2}',
        'X-Business-Use-Case-Usage': buc([
          {
            type: 'pages',
            call_count: 5,
            total_cputime: 61,
            total_time: 7,
            estimated_time_to_regain_access: 0,
          },
        ]),
      }),
    );
    expect(usage).toEqual({ maxPercent: 61, slowDown: false });
  });

  it('hints at slowing down from 80 percent', () => {
    const usage = readGraphUsage(
      new Headers({ 'X-App-Usage': '{"call_count":80,"total_time":0,"total_cputime":0}' }),
    );
    expect(usage).toEqual({ maxPercent: 80, slowDown: true });
  });

  it("uses Facebook's estimate, in minutes, as the back-off", () => {
    const usage = readGraphUsage(
      new Headers({
        'X-Business-Use-Case-Usage': buc([
          {
            type: 'messenger',
            call_count: 100,
            total_cputime: 10,
            total_time: 10,
            estimated_time_to_regain_access: 3,
          },
          {
            type: 'pages',
            call_count: 20,
            total_cputime: 10,
            total_time: 10,
            estimated_time_to_regain_access: 7,
          },
        ]),
      }),
    );
    expect(usage).toEqual({ maxPercent: 100, backoffMs: 7 * 60_000, slowDown: true });
  });

  it('waits a default minute when a budget is spent without an estimate', () => {
    const usage = readGraphUsage(
      new Headers({ 'X-App-Usage': '{"call_count":104,"total_time":1,"total_cputime":1}' }),
    );
    expect(usage.backoffMs).toBe(EXHAUSTED_BACKOFF_MS);
  });

  it('reads entries of several business ids', () => {
    const header = JSON.stringify({
      '111': [{ type: 'pages', call_count: 10 }],
      '222': [{ type: 'pages', call_count: 90 }],
    });
    expect(readGraphUsage(new Headers({ 'X-Business-Use-Case-Usage': header })).maxPercent).toBe(90);
  });

  it('skips malformed headers and values instead of throwing', () => {
    const usage = readGraphUsage(
      new Headers({
        'X-App-Usage': '{"call_count":',
        'X-Page-Usage': '[1,2,3]',
        'X-Business-Use-Case-Usage': buc([
          {
            call_count: 'lots',
            total_time: null,
            total_cputime: -5,
            estimated_time_to_regain_access: 'soon',
          },
          'not an object' as unknown as Record<string, unknown>,
          { call_count: 33 },
        ]),
      }),
    );
    expect(usage).toEqual({ maxPercent: 33, slowDown: false });
  });
});
