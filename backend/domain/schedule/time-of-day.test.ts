import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from './time-of-day.ts';

describe('parseTimeOfDay', () => {
  it('reads HH:MM on the 24-hour clock as minutes since midnight', () => {
    expect(parseTimeOfDay('00:00', 'no-end-of-day')).toBe(0);
    expect(parseTimeOfDay('09:05', 'no-end-of-day')).toBe(545);
    expect(parseTimeOfDay('23:59', 'no-end-of-day')).toBe(1439);
  });

  it('accepts 24:00 only where the end of the day is allowed', () => {
    expect(parseTimeOfDay('24:00', 'end-of-day-allowed')).toBe(1440);
    expect(parseTimeOfDay('24:00', 'no-end-of-day')).toBeNull();
    expect(parseTimeOfDay('24:01', 'end-of-day-allowed')).toBeNull();
  });

  it('refuses anything that is not two digits, a colon and two digits within the day', () => {
    for (const text of [
      '9:00',
      '09:0',
      '0900',
      '09:00:00',
      ' 09:00',
      '25:00',
      '12:60',
      '-1:00',
      'noon',
      '',
    ]) {
      expect(parseTimeOfDay(text, 'end-of-day-allowed'), text).toBeNull();
    }
  });
});
