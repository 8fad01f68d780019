import { describe, expect, it } from 'vitest';
import { dedupe } from '../../src/extract/dedupe-names.ts';

const once = (...names: string[]): string[] => dedupe(names.map((text) => ({ text })));

describe('dedupe', () => {
  it('keeps the longer of two forms of a name, and the abbreviation folded', () => {
    expect(once('Hà Nội', 'TP Hà Nội')).toEqual(['TP Hà Nội']);
    expect(once('TAND TP Hà Nội', 'Tòa án nhân dân thành phố Hà Nội')).toEqual([
      'Tòa án nhân dân thành phố Hà Nội',
    ]);
  });

  it('lists a place written two ways once, by its more formal name', () => {
    expect(once('quận 8', 'Sài Gòn', 'TP.HCM')).toEqual(['quận 8', 'TP.HCM']);
    expect(once('Hoa Kỳ', 'Mỹ')).toEqual(['Mỹ']);
    expect(once('Kiev', 'Kyiv')).toEqual(['Kyiv']);
    // Different places stay apart.
    expect(once('Hà Nội', 'TP.HCM')).toEqual(['Hà Nội', 'TP.HCM']);
  });

  it('treats a one-letter typo in a long name as the same name', () => {
    expect(once('Donald Trump', 'Donanld Trump')).toEqual(['Donald Trump']);
    expect(once('Lào', 'Lạc')).toEqual(['Lào', 'Lạc']);
  });
});
