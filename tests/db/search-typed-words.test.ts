import { describe, expect, it } from 'vitest';
import { indexOfWords as indexIn, matchable, typedQueryOf, typedSnippet } from '../../db/typed-words.ts';

const indexOfWords = (text: string, words: readonly string[]): number => indexIn(matchable(text), words);

describe('words as typed', () => {
  it('is only for queries with a diacritic, in one tone style, split as the FTS query', () => {
    expect(typedQueryOf('bao')).toBeNull();
    expect(typedQueryOf('Antony Blinken')).toBeNull();
    expect(typedQueryOf('Bão, số 3')?.words).toEqual(['bão', 'số', '3']);
    // old-style tone placement is matched in the style ingest stores
    expect(typedQueryOf('hoà bình')?.words).toEqual(['hòa', 'bình']);
    expect(typedQueryOf('Đà Nẵng')?.patterns.map((p) => p.kind)).toEqual(['phrase', 'words']);
    expect(typedQueryOf('bão')?.patterns.map((p) => p.kind)).toEqual(['words']);
  });

  it('finds whole words side by side, apart only by what is not a word', () => {
    expect(indexOfWords('dự báo bão số 3', ['bão'])).toBe(7);
    expect(indexOfWords('báo cáo', ['bão'])).toBe(-1);
    expect(indexOfWords('bãoo, abão', ['bão'])).toBe(-1);
    expect(indexOfWords('tới đà nẵng', ['đà', 'nẵng'])).toBe(4);
    expect(indexOfWords('tới đà-nẵng', ['đà', 'nẵng'])).toBe(4);
    expect(indexOfWords('đà lạt, nẵng', ['đà', 'nẵng'])).toBe(-1);
    expect(indexOfWords('đànẵng đà nẵngx đà nẵng', ['đà', 'nẵng'])).toBe(16);
    // a word typed without diacritics may carry any, beside one typed with them
    expect(indexOfWords('tới đà nẵng', ['đà', 'nang'])).toBe(4);
    expect(indexOfWords('ngân hàng đã nâng', ['đà', 'nang'])).toBe(-1);
  });

  it('cuts a snippet around the words as typed and marks only them', () => {
    const pattern = typedQueryOf('bão')?.patterns[0];
    if (pattern === undefined) throw new Error('no pattern');
    const body = `${'Theo dự báo, '.repeat(10)}cơn bão số 3 sẽ vào đất liền.${' Báo cáo sau.'.repeat(10)}`;
    const snippet = typedSnippet(pattern, ['bão'], body);
    expect(snippet).toMatch(/^….*cơn «bão» số 3 sẽ vào đất liền\..*…$/u);
    expect(snippet).not.toContain('«báo');
    expect(snippet?.match(/[\p{L}\p{N}]+/gu)).toHaveLength(16);
    expect(typedSnippet(pattern, ['bão'], 'Báo cáo.')).toBeNull();
    const mixed = typedQueryOf('Đà nang')?.patterns[0];
    if (mixed === undefined) throw new Error('no pattern');
    expect(typedSnippet(mixed, ['đà', 'nang'], 'Khách tới Đà Nẵng.')).toBe('Khách tới «Đà» «Nẵng».');
  });
});
