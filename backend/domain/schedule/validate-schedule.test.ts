import { describe, expect, it } from 'vitest';
import { validateSchedule } from './validate-schedule.ts';

const row = (weekday: number, from: string, to: string) => ({ weekday, from, to });

describe('validateSchedule', () => {
  it('accepts an empty schedule, which means always open', () => {
    expect(validateSchedule([], 'Europe/Madrid')).toEqual({ ok: true });
  });

  it('accepts a working week, rows that touch, and a row ending at 24:00', () => {
    const rows = [
      row(1, '09:00', '13:00'),
      row(1, '13:00', '17:30'),
      row(5, '18:00', '24:00'),
      row(6, '00:00', '02:00'),
    ];
    expect(validateSchedule(rows, 'America/New_York')).toEqual({ ok: true });
  });

  it('says which weekday is wrong and what a weekday is', () => {
    const result = validateSchedule(
      [row(1, '09:00', '17:00'), row(7, '09:00', '17:00'), row(1.5, '18:00', '19:00')],
      'UTC',
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          index: 1,
          field: 'weekday',
          message: 'Weekday must be a whole number from 0 (Sunday) to 6 (Saturday)',
        },
        {
          index: 2,
          field: 'weekday',
          message: 'Weekday must be a whole number from 0 (Sunday) to 6 (Saturday)',
        },
      ],
    });
    expect(validateSchedule([row(-1, '09:00', '17:00')], 'UTC').ok).toBe(false);
  });

  it('explains a time that is not HH:MM, and refuses 24:00 as a start', () => {
    const result = validateSchedule([row(1, '9am', '25:00'), row(2, '24:00', '24:00')], 'UTC');
    expect(result).toEqual({
      ok: false,
      issues: [
        { index: 0, field: 'from', message: 'From must be a time from 00:00 to 23:59, like 09:00' },
        { index: 0, field: 'to', message: 'To must be a time from 00:01 to 24:00, like 17:30' },
        { index: 1, field: 'from', message: 'From must be a time from 00:00 to 23:59, like 09:00' },
      ],
    });
  });

  it('wants From before To, and says how to cover hours past midnight', () => {
    for (const [from, to] of [
      ['17:00', '09:00'],
      ['09:00', '09:00'],
      ['22:00', '00:00'],
    ] as const) {
      const result = validateSchedule([row(3, from, to)], 'UTC');
      expect(result.ok, `${from}–${to}`).toBe(false);
      if (!result.ok) {
        expect(result.issues).toHaveLength(1);
        expect(result.issues[0]).toMatchObject({ index: 0, field: 'from' });
        expect(result.issues[0]?.message).toMatch(/^From must be before To\. .*next day from 00:00/);
      }
    }
  });

  it('reports each overlap once, on the later row, naming the earlier row as people number them', () => {
    const rows = [
      row(1, '09:00', '13:00'),
      row(2, '09:00', '13:00'),
      row(1, '12:00', '14:00'),
      row(1, '08:00', '20:00'),
    ];
    expect(validateSchedule(rows, 'UTC')).toEqual({
      ok: false,
      issues: [
        { index: 2, field: 'row', message: 'Overlaps row 1' },
        { index: 3, field: 'row', message: 'Overlaps row 1' },
        { index: 3, field: 'row', message: 'Overlaps row 3' },
      ],
    });
  });

  it('does not look for overlaps with a row that is itself invalid', () => {
    const rows = [row(1, '17:00', '09:00'), row(1, '10:00', '11:00')];
    expect(validateSchedule(rows, 'UTC')).toMatchObject({ ok: false, issues: [{ index: 0, field: 'from' }] });
  });

  it('refuses a time zone Intl does not know, or none at all', () => {
    expect(validateSchedule([], 'Europe/Atlantis')).toEqual({
      ok: false,
      issues: [
        {
          index: null,
          field: 'timeZone',
          message: 'Unknown time zone "Europe/Atlantis": use an IANA name like Europe/Madrid',
        },
      ],
    });
    expect(validateSchedule([], '  ')).toMatchObject({
      ok: false,
      issues: [{ index: null, field: 'timeZone', message: expect.stringMatching(/^Choose the time zone/) }],
    });
  });

  it('refuses a fixed offset, which would not follow daylight saving time, but keeps Etc/GMT names', () => {
    for (const zone of ['+01:00', '-0500', 'UTC+1', 'GMT-03:00']) {
      const result = validateSchedule([], zone);
      expect(result.ok, zone).toBe(false);
      if (!result.ok) expect(result.issues[0]?.message, zone).toMatch(/rather than an offset/);
    }
    expect(validateSchedule([], 'Etc/GMT+3')).toEqual({ ok: true });
    expect(validateSchedule([], 'UTC')).toEqual({ ok: true });
  });

  it('reports problems with the zone and with the rows together, so the form shows them all', () => {
    const result = validateSchedule([row(1, '10:00', '09:00')], 'Nowhere/Special');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.field)).toEqual(['timeZone', 'from']);
  });
});
