import { describe, expect, it } from 'vitest';
import {
  addCounts,
  countMatches,
  f1,
  namesMatch,
  normalizeName,
  rouge1,
  rouge1Best,
  tokens,
  whenCorrect,
} from '../../scripts/eval-score.ts';

describe('name matching', () => {
  it('normalises NFC, case and surrounding punctuation', () => {
    expect(normalizeName(' “Hà Nội”. ')).toBe('hà nội');
    expect(normalizeName('Ha\u0300 Nội')).toBe('hà nội');
  });

  it('matches when one contains the other', () => {
    expect(namesMatch('Hà Nội', 'Thủ đô Hà Nội')).toBe(true);
    expect(namesMatch('Công an tỉnh Quảng Ninh', 'Công an')).toBe(true);
    expect(namesMatch('Đà Nẵng', 'Hà Nội')).toBe(false);
    expect(namesMatch('', 'Hà Nội')).toBe(false);
  });

  it('matches each gold string at most once', () => {
    expect(countMatches(['Hà Nội', 'TP Hà Nội'], ['Hà Nội'])).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(countMatches([], ['Hà Nội'])).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});

describe('micro F1', () => {
  it('sums counts over articles before computing F1', () => {
    const total = addCounts(countMatches(['a', 'b'], ['a']), countMatches(['c'], ['c', 'd']));
    expect(total).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(f1(total)).toBeCloseTo(2 / 3);
  });

  it('is 1 when nothing is expected and nothing predicted, 0 when nothing matches', () => {
    expect(f1({ tp: 0, fp: 0, fn: 0 })).toBe(1);
    expect(f1({ tp: 0, fp: 2, fn: 1 })).toBe(0);
  });
});

describe('whenCorrect', () => {
  const day = (date: string | null, month: number | null, d: number | null) => ({ date, month, day: d });

  it('compares the full date when the article has a publication date', () => {
    expect(whenCorrect(day('2020-12-30', 12, 30), '2020-12-30', true)).toBe(true);
    expect(whenCorrect(day('2019-12-30', 12, 30), '2020-12-30', true)).toBe(false);
  });

  it('compares day and month only when it has none', () => {
    expect(whenCorrect(day(null, 12, 30), '2020-12-30', false)).toBe(true);
    expect(whenCorrect(day(null, 12, 29), '2020-12-30', false)).toBe(false);
  });

  it('does not judge a null gold date', () => {
    expect(whenCorrect(day(null, null, null), null, false)).toBeNull();
  });
});

describe('ROUGE-1', () => {
  it('tokenises words in NFC lower case', () => {
    expect(tokens('Quốc hội, thông qua 88,30%!')).toEqual(['quốc', 'hội', 'thông', 'qua', '88', '30']);
  });

  it('is the F1 of clipped unigram overlap', () => {
    expect(rouge1('the cat sat', 'the cat sat')).toBe(1);
    // overlap 2 ("the", "cat"); precision 2/4, recall 2/3
    expect(rouge1('the the cat ran', 'the cat sat')).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    expect(rouge1('', 'x')).toBe(0);
  });

  it('takes the best of several references', () => {
    expect(rouge1Best('tram crash', ['no match', 'tram crash'])).toBe(1);
  });
});
