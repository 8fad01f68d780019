import { describe, expect, it } from 'vitest';
import { agentText, placeText } from '../../src/extract/en.ts';
import { extract } from '../../src/extract/extract.ts';
import { enClause } from '../../src/extract/what.ts';

describe('English lead clean-up', () => {
  it('drops a closing attribution, with its "or ACRONYM" aside', () => {
    expect(agentText('The dam burst at noon, the National Water Agency, or NWA, said.')).toBe(
      'The dam burst at noon.',
    );
    expect(agentText('The minister resigned on Monday, officials told reporters.')).toBe(
      'The minister resigned on Monday.',
    );
  });

  it('drops the event a leader attends', () => {
    expect(
      agentText('Chancellor Olaf Scholz met Emmanuel Macron while attending the Group of Seven summit.'),
    ).toBe('Chancellor Olaf Scholz met Emmanuel Macron while .');
  });

  it('keeps a sentence without attribution as it is', () => {
    const s = 'Police arrested two men in Lagos on Friday.';
    expect(agentText(s)).toBe(s);
  });

  it('drops "which" asides from place search', () => {
    expect(placeText('The storm, which flooded towns in Cuba, hit Florida on Sunday.')).toBe(
      'The storm, hit Florida on Sunday.',
    );
  });
});

describe('names written twice', () => {
  it('keeps one of two spellings a letter apart', () => {
    const x = extract({
      title: 'Tổng thống Emmanuel Macron thăm Đà Nẵng',
      body: 'Sáng 3/5, Tổng thống Pháp Emmanuell Macron đến thăm Đà Nẵng.',
      lang: 'vi',
      publishedAt: '2024-05-03',
      url: null,
    });
    expect(x.who).toEqual(['Emmanuel Macron']);
  });
});

describe('enClause', () => {
  it('drops inline times and bracketed asides', () => {
    expect(enClause('Police on Saturday arrested two men (both 30) in Lagos.')).toBe(
      'Police arrested two men in Lagos',
    );
    expect(enClause('The minister on March 3 met farmers at noon Friday in Hue.')).toBe(
      'The minister met farmers in Hue',
    );
  });

  it('drops the source of the news, before or after it', () => {
    expect(enClause('Police arrested two men in Lagos, officials said.')).toBe(
      'Police arrested two men in Lagos',
    );
    expect(enClause('GDP grew by 7% in the third quarter, according to the statistics office.')).toBe(
      'GDP grew by 7% in the third quarter',
    );
    expect(enClause('Officials in Turkey say at least four people are dead in Izmir.')).toBe(
      'At least four people are dead in Izmir',
    );
    // Too little would be left: the sentence stays whole.
    expect(enClause('Prices rose, he said.')).toBe('Prices rose, he said');
  });

  it('does not end a cut clause on a word that needs a complement', () => {
    // The 25th word is "of": the clause ends on the 24th.
    const clause = enClause(`Boats ${'boats '.repeat(23)}of the fleet sailed.`);
    expect(clause).toBe(`Boats${' boats'.repeat(23)}`);
  });

  it('keeps a clause without them', () => {
    expect(enClause('Floods cut the road to Hue.')).toBe('Floods cut the road to Hue');
  });
});
