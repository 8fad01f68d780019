import { describe, expect, it } from 'vitest';
import { detectLanguage, vietnameseLetterShare } from '../../src/ingest/language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Chiều 30/12, Văn phòng Trung ương Đảng tổ chức Hội nghị tổng kết công tác năm 2020.', 'vi'],
    ['Đà Nẵng', 'vi'],
    ["Vietnam's economy grew 2.91% in 2020, the General Statistics Office said on Sunday.", 'en'],
    ['Officials in Hà Nội and Đà Nẵng said the Tết holiday would go ahead as planned this year.', 'en'],
    ['Café au lait is popular in Paris.', 'en'],
    ['', 'en'],
    ['12345 !!!', 'en'],
  ] as const)('%j -> %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('treats NFD like NFC', () => {
    const text = 'Thường trực Ban Bí thư Trần Quốc Vượng phát biểu';
    expect(vietnameseLetterShare(text.normalize('NFD'))).toBeCloseTo(vietnameseLetterShare(text), 10);
    expect(vietnameseLetterShare(text)).toBeGreaterThan(0.25);
  });
});
