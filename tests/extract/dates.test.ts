import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../src/extract/resolve-date.ts';
import { isoDate, publicationDay, resolveDate, urlDate } from '../../src/extract/resolve-date.ts';
import { findViDates, yearsInText } from '../../src/extract/vi-dates.ts';

const first = (s: string) => findViDates(s)[0];

describe('findViDates', () => {
  it.each([
    ['Chiều 30/12, Văn phòng tổ chức', 'Chiều 30/12', 30, 12, null],
    ['Sáng 8-6, các đại biểu Quốc hội', 'Sáng 8-6', 8, 6, null],
    ['Trong hôm nay (19.12) sân bay', '19.12', 19, 12, null],
    ['Ngày 14/1 (giờ địa phương), tại Nhà Trắng', 'Ngày 14/1', 14, 1, null],
    ['Tổng thống đọc thông điệp hôm 24-2.', 'hôm 24-2', 24, 2, null],
    ['Sáng nay, 12-11, tại Phủ Chủ tịch', 'Sáng nay, 12-11', 12, 11, null],
    ['họp báo ngày hôm qua (18/7), người phát ngôn', '18/7', 18, 7, null],
    ['lúc 15h30 ngày 2/9 tại Quảng trường', 'lúc 15h30 ngày 2/9', 2, 9, null],
    ['thăm Việt Nam từ ngày 8 – 9/11/2017.', 'từ ngày 8 – 9/11/2017', 8, 11, 2017],
    ['Theo dự báo, từ ngày 5-6/9, bão mạnh lên', 'từ ngày 5-6/9', 5, 9, null],
    ['Khoảng 5h45 ngày 27/12, đám cháy bùng phát', 'Khoảng 5h45 ngày 27/12', 27, 12, null],
    ['Thứ Tư, ngày 10/12/2025, ngày làm việc thứ 39', 'Thứ Tư, ngày 10/12/2025', 10, 12, 2025],
    ['ngày 30 tháng 12 năm 2020 tại Hà Nội', 'ngày 30 tháng 12 năm 2020', 30, 12, 2020],
    ['Từ chiều 3 đến sáng 4-7, Bắc Bộ mưa to', 'Từ chiều 3 đến sáng 4-7', 3, 7, null],
    ['đoàn thăm Lào từ ngày 20 đến 22/5/2024.', 'từ ngày 20 đến 22/5/2024', 20, 5, 2024],
  ])('%s', (sentence, text, day, month, year) => {
    expect(first(sentence)).toMatchObject({ text, day, month, year, relative: null });
  });

  it.each([
    ['Sáng nay, giá vàng tăng', 'Sáng nay', 0],
    ['Theo ông Sơn, đêm qua tại huyện có mưa to', 'đêm qua', -1],
    ['Hôm qua, Quốc hội họp', 'Hôm qua', -1],
    ['Khoảng 6h30, Tuyên Quang mưa rất to', 'Khoảng 6h30', 0],
  ])('relative: %s', (sentence, text, relative) => {
    expect(first(sentence)).toMatchObject({ text, day: null, month: null, relative });
  });

  it('reads a score after a win or a loss as a score, not a date', () => {
    expect(findViDates('Nam Định thắng Bình Dương 3-1 tối 9-4.').map((d) => d.text)).toEqual(['tối 9-4']);
    expect(findViDates('đội chủ nhà thua với tỷ số 0-2')).toEqual([]);
  });

  it('ignores numbers that are not dates', () => {
    expect(findViDates('đạt 42/42 điểm, tăng 1,28 tỷ USD, 18,9 độ Vĩ Bắc, luật số 39/2005/QH11')).toEqual([]);
    expect(findViDates('từ tháng 5/2022 - 3/2023')).toEqual([]);
    expect(findViDates('sáng tạo, tối đa, chiều dài')).toEqual([]);
  });

  it('collects written years', () => {
    expect(yearsInText('tái đắc cử tháng 11/2012, tăng 2019% là lạ, năm 2024')).toEqual([2012, 2024]);
  });
});

describe('resolveDate', () => {
  const ctx = (over: Partial<DateContext>): DateContext => ({
    published: null,
    fromUrl: null,
    textYear: null,
    ...over,
  });
  const dm = (day: number, month: number, year: number | null = null) => ({
    day,
    month,
    year,
    relative: null,
  });

  it('takes the publication year', () => {
    expect(isoDate(resolveDate(dm(30, 12), ctx({ published: { year: 2020, month: 12, day: 31 } })))).toBe(
      '2020-12-30',
    );
  });

  it('takes the previous year when the day would fall well after publication', () => {
    expect(isoDate(resolveDate(dm(30, 12), ctx({ published: { year: 2021, month: 1, day: 2 } })))).toBe(
      '2020-12-30',
    );
  });

  it('keeps the publication year for a forecast a few days ahead', () => {
    expect(isoDate(resolveDate(dm(5, 9), ctx({ published: { year: 2024, month: 9, day: 4 } })))).toBe(
      '2024-09-05',
    );
  });

  it('prefers a written year', () => {
    expect(isoDate(resolveDate(dm(8, 11, 2017), ctx({ published: { year: 2020, month: 1, day: 1 } })))).toBe(
      '2017-11-08',
    );
  });

  it('falls back to a URL date, then to a year written in the text, else leaves the year unknown', () => {
    expect(isoDate(resolveDate(dm(29, 3), ctx({ fromUrl: { year: 2011, month: 3, day: null } })))).toBe(
      '2011-03-29',
    );
    expect(isoDate(resolveDate(dm(3, 4), ctx({ textYear: 2023 })))).toBe('2023-04-03');
    const unknown = resolveDate(dm(30, 11), ctx({}));
    expect(unknown).toEqual({ year: null, month: 11, day: 30 });
    expect(isoDate(unknown)).toBeNull();
  });

  it('resolves "đêm qua" to the day before publication and gives nothing without an anchor', () => {
    const rel = { day: null, month: null, year: null, relative: -1 };
    expect(isoDate(resolveDate(rel, ctx({ published: { year: 2024, month: 3, day: 1 } })))).toBe(
      '2024-02-29',
    );
    expect(resolveDate(rel, ctx({}))).toBeNull();
  });
});

describe('what is not an event day', () => {
  it('passes over set scores, an anniversary span of years and a target year', () => {
    expect(
      findViDates('Sinner đánh bại đối thủ gốc Việt Learner Tien 6-2, 6-3 ở chung kết hôm 1/10.').map(
        (d) => d.text,
      ),
    ).toEqual(['hôm 1/10']);
    expect(
      findViDates('Kỷ niệm 80 năm (19/8/1945 - 19/8/2025), sáng 16/8 Bộ tổ chức lễ.').map((d) => d.text),
    ).toEqual(['sáng 16/8']);
    expect(
      yearsInText('Diễn đàn vì Mục tiêu toàn cầu 2030 (P4G), tầm nhìn đến năm 2045, khai mạc năm 2025'),
    ).toEqual([2025]);
  });

  it('reads "ngày 6 và 7/8" as a range from its first day', () => {
    expect(first('trong hai ngày 6 và 7/8, bệnh viện tiếp nhận 5 ca')).toMatchObject({ day: 6, month: 8 });
  });
});

describe('publicationDay and urlDate', () => {
  it("reads the day from a site's numeric article id (3-digit prefix, YYMMDDhhmm)", () => {
    expect(urlDate('https://thanhnien.vn/nang-nong-185240427154058045.htm')).toEqual({
      year: 2024,
      month: 4,
      day: 27,
    });
    expect(urlDate('https://cafef.vn/vn-index-188230101120000123.chn')).toEqual({
      year: 2023,
      month: 1,
      day: 1,
    });
    // An id whose "hour" is not a real hour is just a number.
    expect(urlDate('https://example.vn/bai-185240427994058045.htm')).toBeNull();
  });

  it('keeps the local day of an offset timestamp and moves UTC to Vietnam time for vi', () => {
    expect(publicationDay('2018-06-08T10:16:00+07:00', 'vi')).toEqual({ year: 2018, month: 6, day: 8 });
    expect(publicationDay('2024-12-26T20:00:00Z', 'vi')).toEqual({ year: 2024, month: 12, day: 27 });
    expect(publicationDay('2024-12-26T20:00:00Z', 'en')).toEqual({ year: 2024, month: 12, day: 26 });
    expect(publicationDay(null, 'vi')).toBeNull();
  });

  it('reads /201806/, 2024-09-08 and /2024/09/08/ from URLs', () => {
    expect(urlDate('http://baohagiang.vn/thoi-su/201806/quoc-hoi-726719/')).toEqual({
      year: 2018,
      month: 6,
      day: null,
    });
    expect(urlDate('https://x.com/story/2024-09-08/typhoon')).toEqual({ year: 2024, month: 9, day: 8 });
    expect(urlDate('https://x.com/2024/09/08/news/')).toEqual({ year: 2024, month: 9, day: 8 });
    expect(urlDate('https://vnexpress.net/lu-quet-3780609.html')).toBeNull();
    // An id that is a time stamp (date, then hour and minute) gives its day; other long ids do not.
    expect(urlDate('https://x.vn/gia-vang-2019031514302211.htm')).toEqual({ year: 2019, month: 3, day: 15 });
    expect(urlDate('https://x.vn/gia-vang-2019031599302211.htm')).toBeNull();
  });
});
