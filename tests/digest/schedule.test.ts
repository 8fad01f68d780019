import { describe, expect, it } from 'vitest';
import { nextRun, parseSchedule, previousRun, splitScheduleAndFilter } from '../../src/digest/schedule.ts';

describe('schedules', () => {
  it.each([
    ['0 7 * * *', '0 7 * * *'],
    ['daily 7:00', '0 7 * * *'],
    ['daily', '0 7 * * *'],
    ['7:00,12:00,19:00', '0 7,12,19 * * *'],
    ['hourly', '0 * * * *'],
    ['hằng ngày 6h30', '30 6 * * *'],
  ])('"%s" runs on %s', (text, cron) => {
    expect(parseSchedule(text, 'Asia/Ho_Chi_Minh').cron).toBe(cron);
  });

  it.each(['99 * * * *', 'every tuesday', '* * *', '25:00', '7:00,7:30'])(
    'refuses "%s" with examples',
    (text) => {
      expect(() => parseSchedule(text, 'UTC')).toThrow(/daily 7:00/);
    },
  );

  it('computes slots in the subscription time zone', () => {
    const at = new Date('2024-06-02T01:00:00Z');
    expect(nextRun('0 7 * * *', 'Asia/Ho_Chi_Minh', at)?.toISOString()).toBe('2024-06-03T00:00:00.000Z');
    expect(nextRun('0 7 * * *', 'Europe/London', at)?.toISOString()).toBe('2024-06-02T06:00:00.000Z');
    expect(nextRun('0 7 * * *', 'America/New_York', at)?.toISOString()).toBe('2024-06-02T11:00:00.000Z');
    expect(previousRun('0 7 * * *', 'Asia/Ho_Chi_Minh', at)?.toISOString()).toBe('2024-06-02T00:00:00.000Z');
  });

  it('splits a schedule from a filter', () => {
    expect(splitScheduleAndFilter('0 7 * * * where:"Đà Nẵng"')).toEqual({
      schedule: '0 7 * * *',
      filter: 'where:"Đà Nẵng"',
    });
    expect(splitScheduleAndFilter('daily 7:00 who:"Phạm Minh Chính" bão')).toEqual({
      schedule: 'daily 7:00',
      filter: 'who:"Phạm Minh Chính" bão',
    });
    expect(splitScheduleAndFilter('hourly')).toEqual({ schedule: 'hourly', filter: null });
  });
});
