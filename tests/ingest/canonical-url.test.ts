import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.ts';
import { canonicalizeUrl, contentFingerprint, fingerprintOfFolded } from '../../src/ingest/canonical-url.ts';
import { foldAccents } from '../../src/text/vietnamese.ts';

describe('canonicalizeUrl', () => {
  it.each([
    [
      'https://VnExpress.NET/thoi-su-123.html?utm_source=rss&utm_medium=feed#box_comment',
      'https://vnexpress.net/thoi-su-123.html',
    ],
    ['https://example.com/a?fbclid=IwAR0&b=2&a=1&gclid=x&mc_cid=y&mc_eid=z', 'https://example.com/a?a=1&b=2'],
    ['http://example.com:80/a?', 'http://example.com/a'],
    ['https://example.com:443/Path/Case', 'https://example.com/Path/Case'],
    ['https://tuoitre.vn/x.htm?zarsrc=30&UTM_Campaign=a&page=2', 'https://tuoitre.vn/x.htm?page=2'],
    ['  https://example.com/a b  ', 'https://example.com/a%20b'],
  ])('%s -> %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('is idempotent and order-insensitive', () => {
    const a = canonicalizeUrl('https://x.vn/p?b=2&a=1&utm_term=t');
    expect(canonicalizeUrl(a)).toBe(a);
    expect(canonicalizeUrl('https://x.vn/p?a=1&b=2')).toBe(a);
  });

  it('refuses text that is not a URL', () => {
    expect(() => canonicalizeUrl('vnexpress.net/abc')).toThrow(InputError);
  });
});

describe('contentFingerprint', () => {
  const body =
    'Chiều 30/12, Văn phòng Trung ương Đảng tổ chức Hội nghị tổng kết công tác năm 2020, triển khai nhiệm vụ công tác năm 2021. Hội nghị được tổ chức trực tuyến tại 3 điểm cầu Hà Nội, Đà Nẵng và Thành phố Hồ Chí Minh.';

  it('is the same across accents, case, NFC/NFD and whitespace', () => {
    const fp = contentFingerprint('Tiêu đề', body);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(contentFingerprint('Khác', body.normalize('NFD'))).toBe(fp);
    expect(contentFingerprint('Tiêu đề', body.replace(/ /g, '  \n').toUpperCase())).toBe(fp);
    expect(
      contentFingerprint(
        'x',
        'Chieu 30/12, Van phong Trung uong Dang to chuc Hoi nghi tong ket cong tac nam 2020, trien khai nhiem vu cong tac nam 2021. Hoi nghi duoc to chuc truc tuyen tai 3 diem cau Ha Noi, Da Nang va Thanh pho Ho Chi Minh.',
      ),
    ).toBe(fp);
  });

  it('differs for different text', () => {
    expect(contentFingerprint('T', body.replace('30/12', '31/12'))).not.toBe(contentFingerprint('T', body));
  });

  it('hashes title and teaser together when the body is short', () => {
    expect(contentFingerprint('Hà Nội mưa to', 'Xem ảnh.')).toBe(
      contentFingerprint('HA NOI  mua to', 'xem  anh.'),
    );
    expect(contentFingerprint('Hà Nội mưa to', 'x')).not.toBe(contentFingerprint('Đà Nẵng nắng', 'x'));
    // A recurring title ("Giá vàng hôm nay") with a different teaser is a different story.
    expect(contentFingerprint('Giá vàng hôm nay', 'Tăng 200.000 đồng.')).not.toBe(
      contentFingerprint('Giá vàng hôm nay', 'Giảm 100.000 đồng.'),
    );
  });
});

/** The fingerprint as first written: NFC, NFD fold, lower case, every whitespace run one space. */
function fingerprintByDefinition(title: string, body: string): string {
  const text = (t: string): string =>
    t
      .normalize('NFC')
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase()
      .replace(/\s+/gu, ' ')
      .trim();
  const folded = text(body);
  const basis = folded.length >= 200 ? folded : text(`${title}\n${body}`);
  return createHash('sha256').update(basis, 'utf8').digest('hex');
}

describe('fingerprint from folded text', () => {
  it('equals the definition, whether computed from raw or from folded text', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        'Hà Nội ',
        'ĐÀ NẴNG',
        'thuỷ',
        '  ',
        ' ',
        '\n\n',
        '\t',
        '\u00a0',
        'Σ',
        'ΟΔΟΣ ',
        'İ',
        'x',
      ),
      fc.string({ unit: 'binary', maxLength: 5 }),
    );
    const text = (max: number) => fc.array(piece, { maxLength: max }).map((p) => p.join(''));
    fc.assert(
      fc.property(text(6), fc.oneof(text(10), text(120)), (title, body) => {
        const expected = fingerprintByDefinition(title, body);
        expect(contentFingerprint(title, body)).toBe(expected);
        expect(fingerprintOfFolded(foldAccents(title), foldAccents(body))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
