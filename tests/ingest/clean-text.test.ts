import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanArticleText,
  collapseWhitespace,
  isAdvertisementLine,
  isByline,
  isRelatedLinkLine,
  isSeeAlsoLine,
  isSourceCredit,
  isTitleRepeat,
  stripAltText,
  stripClosingMark,
  stripPhotoCredit,
} from '../../src/ingest/clean-text.ts';
import { FIXTURES_DIR } from '../helpers/fixture-server.ts';

const SAMPLE = readFileSync(
  path.join(FIXTURES_DIR, 'pages/vietnamplus-van-phong-trung-uong-2021.txt'),
  'utf8',
);
const [SAMPLE_TITLE = '', ...SAMPLE_REST] = SAMPLE.split('\n');
const SAMPLE_LINES = SAMPLE_REST.map((l) => l.trim()).filter((l) => l !== '');

describe('photo captions and credits', () => {
  it('drops the caption line of the sample, credit and all', () => {
    expect(
      stripPhotoCredit(
        'Thường trực Ban Bí thư Trần Quốc Vượng phát biểu chỉ đạo Hội nghị. (Ảnh: Phương Hoa/TTXVN)',
      ),
    ).toBeNull();
  });

  it.each([
    'Quang cảnh hội nghị. Ảnh: Anh Dũng',
    'Ảnh: Anh Dũng',
    '(Ảnh minh họa)',
    'Người dân đi bộ trên phố Tràng Tiền. (Ảnh minh hoạ: TTXVN)',
    'A street in Hanoi. Photo: Reuters',
    'Containers at Hai Phong port. Photo by Linh Pham/Getty Images',
    'Photo: AP',
    '(Photo: VnExpress/Giang Huy)',
  ])('drops the caption %j', (line) => {
    expect(stripPhotoCredit(line)).toBeNull();
  });

  it('only removes the credit from a long paragraph it was glued to', () => {
    const long = `${'Hội nghị được tổ chức trực tuyến tại 3 điểm cầu Hà Nội, Đà Nẵng và Thành phố Hồ Chí Minh. '.repeat(4)}(Ảnh: TTXVN)`;
    expect(stripPhotoCredit(long)).toBe(long.replace(' (Ảnh: TTXVN)', ''));
  });

  it('keeps sentences that merely talk about photos ("ảnh hưởng", "loại ảnh: ...")', () => {
    for (const line of [
      'Năm 2020, tình hình thế giới và khu vực diễn biến phức tạp, thiên tai, đại dịch COVID-19 đã ảnh hưởng lớn đến đời sống xã hội.',
      'Triển lãm giới thiệu ba loại ảnh: chân dung, phong cảnh và đời thường.',
      'The photo agency said it would appeal.',
    ]) {
      expect(stripPhotoCredit(line)).toBe(line);
    }
  });
});

describe('related-article lines', () => {
  it('drops a bracketed link line', () => {
    expect(isRelatedLinkLine('[Phát huy truyền thống Văn phòng Trung ương Đảng và văn phòng cấp ủy]')).toBe(
      true,
    );
  });
  it('keeps text that only contains brackets', () => {
    expect(isRelatedLinkLine('Ông nói [rằng] hội nghị thành công.')).toBe(false);
    expect(isRelatedLinkLine('[1]')).toBe(false);
  });
});

describe('alt text without diacritics', () => {
  const line =
    'Van phong Trung uong Dang trien khai nhiem vu cong tac nam 2021 hinh anh 1Quang cảnh hội nghị.';
  it('keeps the caption part after "hinh anh N"', () => {
    expect(stripAltText(line, SAMPLE_TITLE)).toBe('Quang cảnh hội nghị.');
  });
  it('drops a line that is only the alt text', () => {
    expect(
      stripAltText(
        'Van phong Trung uong Dang trien khai nhiem vu cong tac nam 2021 hinh anh 2',
        SAMPLE_TITLE,
      ),
    ).toBeNull();
    expect(
      stripAltText('Van phong Trung uong Dang trien khai nhiem vu cong tac nam 2021', SAMPLE_TITLE),
    ).toBeNull();
  });
  it('leaves accented lines and English text alone', () => {
    expect(stripAltText('Hình ảnh 1 cho thấy hội nghị.', SAMPLE_TITLE)).toBe('Hình ảnh 1 cho thấy hội nghị.');
    expect(stripAltText('The office met in Hanoi.', SAMPLE_TITLE)).toBe('The office met in Hanoi.');
  });
  it('recognises the title repeated with other punctuation or case', () => {
    expect(
      isTitleRepeat('VĂN PHÒNG TRUNG ƯƠNG ĐẢNG triển khai nhiệm vụ công tác năm 2021.', SAMPLE_TITLE),
    ).toBe(true);
    expect(isTitleRepeat('Văn phòng Trung ương Đảng tổ chức hội nghị.', SAMPLE_TITLE)).toBe(false);
  });
});

describe('bylines', () => {
  it.each([
    'Quỳnh Hoa / (TTXVN/Vietnam+)',
    'Quỳnh Hoa (TTXVN)',
    'Minh Anh (tổng hợp)',
    '(TTXVN/Vietnam+)',
    'Vũ Hoàng',
    'By Jane Nguyen, Hanoi correspondent',
    'Reporting by Jane Nguyen; Editing by Tom Hogue',
  ])('recognises %j', (line) => {
    expect(isByline(line)).toBe(true);
  });
  it.each([
    'Dịp này, Văn phòng Trung ương Đảng đã phát động thi đua năm 2021.',
    'Hội nghị được tổ chức trực tuyến.',
    'By the end of the year, exports had risen 6.5%.',
  ])('does not take the sentence %j for a byline', (line) => {
    expect(isByline(line)).toBe(false);
  });
  it('drops a byline at the start and at the end, not in the middle', () => {
    const body =
      'Quỳnh Hoa / (TTXVN/Vietnam+)\nCâu thứ nhất của bài.\nTrần Quốc Vượng\nCâu cuối của bài.\nQuỳnh Hoa / (TTXVN/Vietnam+)';
    expect(cleanArticleText(body, 'Tiêu đề')).toBe(
      'Câu thứ nhất của bài.\n\nTrần Quốc Vượng\n\nCâu cuối của bài.',
    );
  });
});

describe('closing mark, source credits, see-also, ads', () => {
  it('keeps the sentence and drops "./."', () => {
    expect(stripClosingMark('Dịp này, Văn phòng Trung ương Đảng đã phát động thi đua năm 2021./.')).toBe(
      'Dịp này, Văn phòng Trung ương Đảng đã phát động thi đua năm 2021.',
    );
    expect(stripClosingMark('Hội nghị kết thúc ./.')).toBe('Hội nghị kết thúc.');
    expect(stripClosingMark('các vụ tham mưu trực thuộc..')).toBe('các vụ tham mưu trực thuộc.');
    expect(stripClosingMark('Còn nữa...')).toBe('Còn nữa...');
    expect(stripClosingMark('Tỷ lệ 1/2 và 3/4.')).toBe('Tỷ lệ 1/2 và 3/4.');
  });

  it.each([
    'Theo VnExpress',
    'Theo TTXVN',
    '(Theo Reuters)',
    'Theo Tuổi Trẻ.',
    'Nguồn: Bộ Y tế',
    'Source: AP',
  ])('recognises the source credit %j', (line) => expect(isSourceCredit(line)).toBe(true));
  it.each([
    'Theo ông Hưng, hội nghị đã thành công.',
    'Theo kế hoạch, công trình hoàn thành vào năm 2021.',
    'Theo Bộ Y tế, cả nước có thêm 10 ca mắc mới.',
  ])('keeps the sentence %j', (line) => expect(isSourceCredit(line)).toBe(false));

  it('drops a source credit only at the end', () => {
    expect(cleanArticleText('Câu một.\nTheo TTXVN\nCâu hai.\nTheo TTXVN', 'T')).toBe(
      'Câu một.\n\nTheo TTXVN\n\nCâu hai.',
    );
  });

  it.each([
    'Xem thêm: Đà Nẵng mở thêm ba tuyến buýt',
    'TIN LIÊN QUAN',
    'Read more: How Vietnam contained the virus',
    'Related:',
    '>> Giá vàng hôm nay',
  ])('recognises the see-also line %j', (line) => expect(isSeeAlsoLine(line)).toBe(true));
  it('keeps a sentence that starts with "Xem thêm" as ordinary words', () => {
    expect(isSeeAlsoLine('Xem thêm các quy định mới, người dân có thể truy cập cổng thông tin.')).toBe(false);
  });
  it('drops the headline list after a TIN LIÊN QUAN heading until the text resumes', () => {
    const body =
      'Câu một.\nTIN LIÊN QUAN\nGiá vàng tăng mạnh\nThời tiết Hà Nội rét đậm\nCâu hai của bài viết.';
    expect(cleanArticleText(body, 'T')).toBe('Câu một.\n\nCâu hai của bài viết.');
  });

  it.each(['Advertisement', 'ADVERTISEMENT', 'Quảng cáo', 'Scroll to continue with content'])(
    'recognises the ad label %j',
    (line) => expect(isAdvertisementLine(line)).toBe(true),
  );
  it('keeps a sentence about advertising', () => {
    expect(isAdvertisementLine('Quảng cáo trên mạng xã hội tăng 20%.')).toBe(false);
  });
});

describe('cleanArticleText on the Vietnam+ sample', () => {
  const cleaned = cleanArticleText(SAMPLE_REST.join('\n'), SAMPLE_TITLE);
  const paragraphs = cleaned.split('\n\n');

  it('removes every piece of furniture', () => {
    expect(cleaned).not.toMatch(/Quỳnh Hoa|Ảnh:|hinh anh|\[Phát huy|\.\/\.|Quang cảnh hội nghị/u);
  });

  it('keeps every real sentence of the article, in order and intact', () => {
    const real = SAMPLE_LINES.filter((l) => !/^Quỳnh Hoa|\(Ảnh:|^\[|^Van phong/u.test(l))
      // The sample carries no-break spaces (copied from the web page); they become spaces.
      .map((l) =>
        collapseWhitespace(l)
          .replace(/\.\/\.$/u, '.')
          .replace(/\.\.$/u, '.'),
      );
    expect(paragraphs).toEqual(real);
    expect(paragraphs).toHaveLength(19);
    expect(paragraphs[0]).toMatch(/^Thường trực Ban Bí thư Trần Quốc Vượng nêu rõ/u);
    expect(paragraphs.at(-1)).toBe('Dịp này, Văn phòng Trung ương Đảng đã phát động thi đua năm 2021.');
  });

  it('is idempotent and NFC', () => {
    expect(cleanArticleText(cleaned, SAMPLE_TITLE)).toBe(cleaned);
    const nfd = cleanArticleText(SAMPLE_REST.join('\n').normalize('NFD'), SAMPLE_TITLE.normalize('NFD'));
    expect(nfd).toBe(cleaned);
    expect(nfd.normalize('NFC')).toBe(nfd);
  });

  it('collapses whitespace, no-break and zero-width spaces', () => {
    expect(collapseWhitespace('  Hà\u00a0Nội \u200b  mưa\t to ')).toBe('Hà Nội mưa to');
    expect(cleanArticleText('Câu   một.\r\n\r\n\r\nCâu\u00a0hai.', 'T')).toBe('Câu một.\n\nCâu hai.');
  });
});

/** The line rules as first written, before their cheap pre-tests: the fast ones must agree. */
const CREDIT_IN_PARENS_DEF =
  /\s*\(\s*(?:ảnh|hình|nguồn ảnh|ảnh minh họa|ảnh chụp màn hình|ảnh\/video|video|photo|photos|image|illustration|file photo|picture)\b[^()]{0,80}\)/giu;
const TRAILING_CREDIT_DEF =
  /(?:^|(?<=[.!?…"”)])\s*|\s+[-–—|]\s*)(?:ảnh|photo|photos|image|ảnh\/video|video|đồ họa|graphic)\s*(?::|by\b)\s*[^.!?:]{1,80}$/iu;
const byDefinition = {
  stripPhotoCredit(line: string): string | null {
    let rest = line.replace(CREDIT_IN_PARENS_DEF, '').replace(TRAILING_CREDIT_DEF, '');
    if (rest === line) return line;
    rest = collapseWhitespace(rest);
    return rest === '' || rest.length <= 250 ? null : rest;
  },
  stripClosingMark: (line: string): string =>
    line
      .replace(/\s*\.?\s*\/\s*\.\s*$/u, '.')
      .replace(/(?<=[^.])\.\.$/u, '.')
      .replace(/^\.$/u, ''),
  isAdvertisementLine: (line: string): boolean =>
    /^(?:advertisement|quảng cáo|sponsored|sponsored content|scroll to continue with content|story continues below(?: this)? advertisement|ad)$/iu.test(
      line.replace(/[.:\s-]+$/u, ''),
    ),
};

describe('line rules with pre-tests', () => {
  const piece = fc.constantFrom(
    'Ảnh',
    'ảnh',
    'ẢNH',
    'Photo',
    'PHOTOS',
    'image',
    'Video',
    'ảnh/video',
    'Đồ họa',
    'ĐỒ HỌA',
    'graphic',
    ' by ',
    ': ',
    '(',
    ')',
    '.',
    '/',
    './.',
    '..',
    ' - ',
    '|',
    '\u00a0',
    '\t',
    'Advertisement',
    'AD',
    'ad',
    'quảng cáo',
    'Sponsored',
    'story continues below this advertisement',
    'Hà Nội',
    'TTXVN',
    'x',
    ' ',
    'ph',
    'oto',
    'ſ',
    'K',
    '\ud83d\ude00',
    '\ud800',
    ':',
    '-',
    'Scroll to continue with content',
  );
  const line = fc.oneof(
    fc.array(piece, { maxLength: 14 }).map((p) => p.join('')),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  it('stripPhotoCredit, stripClosingMark and isAdvertisementLine equal their definitions', () => {
    fc.assert(
      fc.property(line, (text) => {
        expect(stripPhotoCredit(text)).toBe(byDefinition.stripPhotoCredit(text));
        expect(stripClosingMark(text)).toBe(byDefinition.stripClosingMark(text));
        expect(isAdvertisementLine(text)).toBe(byDefinition.isAdvertisementLine(text));
      }),
      { numRuns: 4000 },
    );
  });
});
