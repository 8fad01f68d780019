import { describe, expect, it } from 'vitest';
import type { DateContext } from '../../src/extract/resolve-date.ts';
import { findViWhen } from '../../src/extract/vi-when.ts';

const ctx = (published: DateContext['published']): DateContext => ({
  published,
  fromUrl: null,
  textYear: null,
});
const MAY_3 = { year: 2023, month: 5, day: 3 };

describe('findViWhen', () => {
  it('takes the first dated expression of the lead', () => {
    const w = findViWhen(
      'Khai mạc hội chợ',
      ['Sáng 2/5, hội chợ nông sản khai mạc tại Cần Thơ.'],
      ctx(MAY_3),
    );
    expect(w).toMatchObject({ text: 'Sáng 2/5', day: { year: 2023, month: 5, day: 2 } });
  });

  it('dates the event by a past relative day counted from a report date', () => {
    const lead = [
      'Chiều 12/3, ông Lê Văn Hai, Chủ tịch UBND xã Tân Lập cho biết, một vụ sạt lở đã vùi lấp hai ngôi nhà.',
      'Theo ông Hai, đêm qua mưa rất to kéo dài nhiều giờ.',
    ];
    expect(findViWhen('Sạt lở vùi nhà', lead, ctx({ year: 2024, month: 3, day: 13 }))).toMatchObject({
      text: 'đêm qua',
      day: { year: 2024, month: 3, day: 11 },
      sentence: lead[1],
    });
  });

  it('dates the event by an earlier day of the same week given after a report date', () => {
    const lead = [
      'Ngày 29/1, Công an xã Tân Hòa cho biết, đơn vị vừa bàn giao tài sản bị trộm cho người dân.',
      'Tang vật gồm 4 con chồn.',
      'Theo công an, khoảng 1h30 ngày 27/1, tổ tuần tra phát hiện một người đàn ông.',
    ];
    expect(findViWhen('Bắt kẻ trộm', lead, ctx({ year: 2026, month: 1, day: 29 }))).toMatchObject({
      text: 'khoảng 1h30 ngày 27/1',
      day: { year: 2026, month: 1, day: 27 },
    });
    // In the report's own sentence an earlier day is the meeting reported from, not the event.
    const own = [
      'Chiều 15/7, theo Bộ Y tế, tại cuộc họp chiều 14/7, báo cáo của UBND thành phố cho hay, đã có 130 ca.',
    ];
    expect(findViWhen('130 ca', own, ctx({ year: 2021, month: 7, day: 15 }))).toMatchObject({
      text: 'Chiều 15/7',
    });
  });

  it('keeps day and month of the shifted day when the year is unknown, across a month', () => {
    const lead = ['Sáng 1/3, Công an huyện cho biết, hôm qua một chiếc xe tải lật trên quốc lộ.'];
    expect(findViWhen('Xe tải lật', lead, ctx(null)).day).toEqual({ year: null, month: 2, day: 29 });
  });

  it('keeps the opening date when the sentence reports no statement', () => {
    const lead = ['Sáng 12/3, đoàn công tác đến thăm bà con, đêm qua nhiều nhà bị tốc mái.'];
    expect(findViWhen('Thăm bà con', lead, ctx(MAY_3)).text).toBe('Sáng 12/3');
  });

  it('keeps the opening date when the lead has no past relative day', () => {
    const lead = ['Ngày 7/6, Sở Y tế cho biết, đã ghi nhận thêm 20 ca sốt xuất huyết.'];
    expect(findViWhen('Sốt xuất huyết tăng', lead, ctx(MAY_3))).toMatchObject({ text: 'Ngày 7/6' });
  });

  it('passes over a count since a day ("từ ngày X đến nay") to the event\'s day', () => {
    const lead = ['Từ ngày 2/4 đến nay, tỉnh ghi nhận 40 ca bệnh.', 'Chiều 2/5, Sở Y tế công bố thêm 3 ca.'];
    expect(findViWhen('Thêm 3 ca bệnh', lead, ctx(MAY_3))).toMatchObject({ text: 'Chiều 2/5' });
  });
});
