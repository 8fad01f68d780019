import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import {
  findEnAgents,
  findEnClockDay,
  findEnDate,
  findEnPlaces,
  stripDateline,
} from '../../src/extract/en.ts';

const sat = { year: 2024, month: 9, day: 7 };
const sun = { year: 2024, month: 9, day: 8 };

describe('stripDateline', () => {
  it('strips upper-case and agency datelines', () => {
    expect(stripDateline('HANOI — Vietnam’s economy grew 7.31%.')).toBe('Vietnam’s economy grew 7.31%.');
    expect(stripDateline('Tianjin (VNA) – Prime Minister Pham Minh Chinh met Xi Jinping.')).toBe(
      'Prime Minister Pham Minh Chinh met Xi Jinping.',
    );
    expect(stripDateline('WASHINGTON, Nov 9 (Reuters) - Trump won.')).toBe('Trump won.');
  });

  it('leaves ordinary sentences alone', () => {
    expect(stripDateline('A man - police said - was arrested.')).toBe('A man - police said - was arrested.');
  });
});

describe('findEnDate', () => {
  it('resolves weekdays to the latest such day on or before publication', () => {
    expect(findEnDate('Typhoon Yagi made landfall on Saturday.', sun)).toEqual({
      text: 'on Saturday',
      date: sat,
    });
    expect(findEnDate('The GSO said on Saturday.', sat)?.date).toEqual(sat);
    expect(findEnDate('Police arrested him on Friday.', sun)?.date).toEqual({ year: 2024, month: 9, day: 6 });
  });

  it('reads "last night" as the day before and explicit dates as written', () => {
    expect(findEnDate('Flooding hit the town last night.', sun)?.date).toEqual(sat);
    expect(findEnDate('He met Xi on August 31 in Tianjin.', sun)?.date).toEqual({
      year: 2024,
      month: 8,
      day: 31,
    });
  });

  it('keeps the year unknown without a publication date and ignores relative words then', () => {
    expect(findEnDate('He met Xi on August 31.', null)?.date).toEqual({ year: null, month: 8, day: 31 });
    expect(findEnDate('Police arrested him on Friday.', null)).toBeNull();
  });

  it('dates a clock time without a day on the publication day, and only with one', () => {
    expect(findEnClockDay('The tram derailed at around 6am near the station.', sun)).toEqual({
      text: '6am',
      date: sun,
    });
    expect(findEnClockDay('The tram derailed at around 6am.', null)).toBeNull();
    expect(findEnClockDay('The tram derailed near the station.', sun)).toBeNull();
  });

  it('skips sentences without any date word', () => {
    expect(findEnDate('Growth quickened to 7.31 percent.', sun)).toBeNull();
  });

  it('reads the day forms of news leads with its reduced parser, clock times left out', () => {
    const day = (text: string) => findEnDate(text, sun);
    expect(day('The vote took place on 3 September 2024 in Hanoi.')?.date).toEqual({
      year: 2024,
      month: 9,
      day: 3,
    });
    expect(day('The ship sank on Sept. 2, officials said.')?.date).toEqual({ year: 2024, month: 9, day: 2 });
    expect(day('Rescuers arrived yesterday.')?.date).toEqual(sat);
    expect(day('The quake struck at 6.10am on Wednesday.')).toEqual({
      text: 'on Wednesday',
      date: { year: 2024, month: 9, day: 4 },
    });
    // A month without a day still names no day.
    expect(day('Prices rose in August, the office said on Sept. 2.')?.date).toEqual({
      year: 2024,
      month: 9,
      day: 2,
    });
  });
});

describe('English names and places', () => {
  it('strips titles and nationality, keeps organisations whole', () => {
    expect(findEnAgents('Vietnamese Prime Minister Pham Minh Chinh met President Xi Jinping.')).toEqual([
      'Pham Minh Chinh',
      'Xi Jinping',
    ]);
    expect(findEnAgents('The General Statistics Office (GSO) said growth quickened.')).toEqual([
      'General Statistics Office',
    ]);
    expect(findEnAgents('Tran Quoc Tuan was arrested, according to Ho Chi Minh City police.')).toEqual([
      'Tran Quoc Tuan',
      'Ho Chi Minh City police',
    ]);
  });

  it('does not take a quoted official as the agent', () => {
    expect(findEnAgents('Fahrettin Koca said four people were killed.')).toEqual([]);
  });

  it('finds places with units, directions and "town of"', () => {
    // The country is dropped beside places inside it; alone it stays.
    expect(
      findEnPlaces('A quake rocked eastern Turkey near the town of Sivrice in the eastern Elazig province.'),
    ).toEqual(['Sivrice', 'eastern Elazig province']);
    expect(findEnPlaces('A typhoon is heading for central Vietnam.')).toEqual(['central Vietnam']);
    expect(
      findEnPlaces("Nguyen Tuong Thuy had his residence in Hanoi's Thanh Xuan District raided."),
    ).toEqual(['Thanh Xuan District', 'Hanoi']);
  });

  it('a country opening the lead as subject is an agent', () => {
    const x = extract({
      title: 'Vietnam evacuates thousands',
      body: 'Vietnam is evacuating hundreds of thousands of people along its central coast, officials said on Saturday.',
      lang: 'en',
      publishedAt: '2006-09-30',
      url: null,
    });
    expect(x.who).toEqual(['Vietnam']);
    expect(x.when.date).toBe('2006-09-30');
  });
});
