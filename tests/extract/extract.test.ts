import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractInput } from '../../src/domain.ts';
import { EXTRACTOR_VERSION, extract, extractDetailed } from '../../src/extract/extract.ts';

const article = (over: Partial<ExtractInput>): ExtractInput => ({
  title: 'Tin',
  body: '',
  lang: 'vi',
  publishedAt: null,
  url: null,
  ...over,
});

describe('the sample article (Vietnam+, "Chiều 30/12" of 2020)', () => {
  const raw = readFileSync(
    join(import.meta.dirname, 'fixtures', 'vietnamplus-van-phong-trung-uong-2021.txt'),
    'utf8',
  );
  const [title = '', ...rest] = raw.split('\n');
  const input = article({ title, body: rest.join('\n'), publishedAt: '2020-12-31' });

  it('finds who, when and where the brief requires', () => {
    const x = extract(input);
    expect(x.who).toEqual(expect.arrayContaining(['Văn phòng Trung ương Đảng', 'Trần Quốc Vượng']));
    expect(x.when).toEqual({ text: 'Chiều 30/12', date: '2020-12-30' });
    expect(x.where).toEqual(expect.arrayContaining(['Hà Nội', 'Đà Nẵng', 'Thành phố Hồ Chí Minh']));
    expect(x.evidence.when).toContain('Chiều 30/12');
    expect(x.what.split(' ').length).toBeLessThanOrEqual(25);
  });

  it('without a publication date keeps day and month but never guesses the year', () => {
    const d = extractDetailed({ ...input, publishedAt: null });
    expect(d.when.date).toBeNull();
    expect(d.whenDay).toMatchObject({ month: 12, day: 30 });
    expect(Object.keys(extract({ ...input, publishedAt: null }))).not.toContain('whenDay');
  });
});

describe('extract', () => {
  it('says unknown rather than guessing', () => {
    const x = extract(article({ title: 'Giá rau tăng', body: 'Giá rau tăng mạnh trong tuần.' }));
    expect(x).toMatchObject({ who: [], where: [], when: { text: null, date: null } });
    // A three-word title gives way to the lead that tells the same event more fully.
    expect(x.what).toBe('Giá rau tăng mạnh trong tuần');
  });

  it('resolves "đêm qua" against the publication day', () => {
    const x = extract(
      article({
        title: 'Lũ quét ở Thanh Hóa',
        body: 'Đêm qua, lũ quét cuốn trôi nhà ở xã Trí Nang, huyện Lang Chánh.',
        publishedAt: '2018-07-20T08:00:00+07:00',
      }),
    );
    expect(x.when).toEqual({ text: 'Đêm qua', date: '2018-07-19' });
    expect(x.where).toEqual(['xã Trí Nang', 'huyện Lang Chánh', 'Thanh Hóa']);
  });

  it('uses the URL year when there is no publication date', () => {
    const x = extract(
      article({
        body: 'Chiều 29-3, Quốc hội biểu quyết thông qua 3 luật.',
        url: 'https://baodaklak.vn/channel/3482/201103/them-3-luat',
      }),
    );
    expect(x.when.date).toBe('2011-03-29');
    expect(x.who).toEqual(['Quốc hội']);
  });

  it('lists crime agents: the authority and the suspect, not the victims', () => {
    const x = extract(
      article({
        title: 'Bắt nữ quái đem vàng giả đi cầm',
        body: 'Ngày 30/11, Cơ quan Cảnh sát điều tra Công an huyện Tiểu Cần, tỉnh Trà Vinh cho biết, đang tạm giữ hình sự đối với Đặng Thị Lẹ (49 tuổi, ngụ xã Long Giang, huyện Chợ Mới, tỉnh An Giang) do có hành vi lừa đảo.',
      }),
    );
    expect(x.who).toEqual(['Cơ quan Cảnh sát điều tra Công an huyện Tiểu Cần', 'Đặng Thị Lẹ']);
    // The district of the arresting police is where it happened; the suspect's home is not.
    expect(x.where).toEqual(['huyện Tiểu Cần', 'tỉnh Trà Vinh']);
  });

  it('keeps a speaker as agent when the title reports a statement, and drops a mere source otherwise', () => {
    const body =
      'Phát biểu tại cuộc họp báo ngày 18/7, người phát ngôn Nhà Trắng Sarah Sanders cho biết chính quyền phản đối.';
    expect(extract(article({ title: 'Nhà Trắng phủ nhận phát ngôn của Tổng thống', body })).who).toContain(
      'Sarah Sanders',
    );
    expect(extract(article({ title: 'Họp báo tại Nhà Trắng', body })).who).not.toContain('Sarah Sanders');
  });

  it('uses the title as "what", with the acting authority when the title leaves it out', () => {
    const body = 'Chiều 28/11, Công an tỉnh Quảng Ninh đã khởi tố, tạm giam Phạm Minh Hoạt về tội lừa đảo.';
    expect(extract(article({ title: 'Bắt trùm siêu lừa chiếm đoạt hàng chục tỷ đồng', body })).what).toBe(
      'Công an tỉnh Quảng Ninh bắt trùm siêu lừa chiếm đoạt hàng chục tỷ đồng',
    );
    // A photo title describes the pictures; the lead states the event.
    expect(extract(article({ title: 'Ảnh: Đoàn xe đến tòa', body })).what).toBe(
      'Công an tỉnh Quảng Ninh khởi tố, tạm giam Phạm Minh Hoạt về tội lừa đảo',
    );
  });

  it('has a version string for stored summaries', () => {
    expect(EXTRACTOR_VERSION).toMatch(/\S/u);
  });

  it('handles an empty body', () => {
    expect(extract(article({ title: 'Chỉ có tiêu đề', body: '' })).what).toBe('Chỉ có tiêu đề');
    expect(extract(article({ lang: 'en', title: 'Only a title', body: '' })).what).toBe('Only a title');
  });
});
