import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../src/ingest/dates.ts';

describe('toIsoDate', () => {
  it.each([
    ['Thu, 31 Dec 2020 06:00:00 +0700', '2020-12-31T06:00:00+07:00'],
    ['Thu, 31 Dec 2020 15:05:00 GMT+7', '2020-12-31T15:05:00+07:00'],
    ['31 Dec 2020 06:00 GMT', '2020-12-31T06:00:00Z'],
    ['Wed, 30 Dec 20 18:45:00 EST', '2020-12-30T18:45:00-05:00'],
    ['2020-12-30T19:52:00+07:00', '2020-12-30T19:52:00+07:00'],
    ['2020-12-31T03:20:00.123Z', '2020-12-31T03:20:00Z'],
    ['2020-12-31T03:20:00', '2020-12-31T03:20:00'],
    ['2020-12-31', '2020-12-31'],
    ['30 Dec 2020', '2020-12-30T00:00:00'],
    ['30/12/2020 19:52 GMT+7', '2020-12-30T19:52:00+07:00'],
    ['30/12/2020', '2020-12-30'],
  ])('%s -> %s', (raw, iso) => {
    expect(toIsoDate(raw)).toBe(iso);
  });

  it.each([
    'not a date',
    'ngày 30 tháng 12',
    'yesterday',
    '2020-02-30',
    '2020-13-01T00:00:00Z',
    '32 Dec 2020',
    '',
    '  ',
  ])('returns null for %j', (raw) => {
    expect(toIsoDate(raw)).toBeNull();
  });

  it('knows the length of every month, leap years included', () => {
    for (let year = 1970; year <= 2200; year++) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const ym = `${String(year)}-${String(month).padStart(2, '0')}`;
        expect(toIsoDate(`${ym}-${String(last)}`)).toBe(`${ym}-${String(last)}`);
        if (last < 31) expect(toIsoDate(`${ym}-${String(last + 1)}`)).toBeNull();
      }
    }
  });

  it('returns null for non-strings', () => {
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate(undefined)).toBeNull();
  });
});
