import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/extract.ts';
import { viWhat } from '../../src/extract/what.ts';

describe('viWhat', () => {
  it('keeps a title that names its agent', () => {
    expect(viWhat('Quốc hội thông qua Luật Đất đai', 'Quốc hội', [], false).text).toBe(
      'Quốc hội thông qua Luật Đất đai',
    );
  });

  it('puts the first agent before a title that leaves it out', () => {
    expect(viWhat('Giá xăng giảm lần thứ ba liên tiếp', 'Bộ Công Thương', [], false).text).toBe(
      'Bộ Công Thương: Giá xăng giảm lần thứ ba liên tiếp',
    );
    // A verb-led title reads on after the agent.
    expect(viWhat('Khởi tố giám đốc công ty xăng dầu', 'Công an tỉnh Nam Định', [], false).text).toBe(
      'Công an tỉnh Nam Định khởi tố giám đốc công ty xăng dầu',
    );
  });

  it('drops a format word that opens the title and capitalises the agent put before it', () => {
    expect(viWhat('Clip Nam Định thắng Hải Phòng', 'Nam Định', [], false)).toEqual({
      text: 'Nam Định thắng Hải Phòng',
      from: 'Clip Nam Định thắng Hải Phòng',
    });
    expect(viWhat('Toàn cảnh trận thắng Thái Lan', 'tuyển nữ Việt Nam', [], false).text).toBe(
      'Tuyển nữ Việt Nam: Trận thắng Thái Lan',
    );
    // A word that merely starts like one is kept.
    expect(viWhat('Videoclip gây sốt mạng', undefined, [], false).text).toBe('Videoclip gây sốt mạng');
  });

  it('names the agent in full where the title gives only the last word of the name', () => {
    expect(viWhat('Ông Putin điện đàm ông Trump', 'Vladimir Putin', [], false).text).toBe(
      'Vladimir Putin điện đàm ông Trump',
    );
    expect(viWhat('Thủ tướng hội đàm với Thủ tướng Takaichi', 'Sanae Takaichi', [], false).text).toBe(
      'Thủ tướng hội đàm với Thủ tướng Sanae Takaichi',
    );
    // A Vietnamese given name alone is a word ("Chính phủ"), and inside a run it is a place.
    expect(viWhat('Chính phủ họp phiên thường kỳ', 'Phạm Minh Chính', [], false).text).toBe(
      'Phạm Minh Chính: Chính phủ họp phiên thường kỳ',
    );
    expect(viWhat('Mưa lớn ở Hà Nội', 'Nguyễn Thị Hà', [], false).text).toBe(
      'Nguyễn Thị Hà: Mưa lớn ở Hà Nội',
    );
  });

  it('keeps the office whole when the lead gives the name after its first words', () => {
    const lead = ['Thủ tướng Phạm Minh Chính vừa ký quyết định phân công nhiệm vụ.'];
    expect(
      viWhat('Thủ tướng Chính phủ phân công nhiệm vụ các Phó Thủ tướng', 'Phạm Minh Chính', lead, false).text,
    ).toBe('Thủ tướng Chính phủ Phạm Minh Chính phân công nhiệm vụ các Phó Thủ tướng');
  });

  it('drops an urgency label, and a media label before the lead clause', () => {
    expect(viWhat('Nóng: Bắt nghi phạm cướp ngân hàng', 'Công an tỉnh Bình Dương', [], false).text).toBe(
      'Công an tỉnh Bình Dương bắt nghi phạm cướp ngân hàng',
    );
    const lead = ['CLIP: Cháy lớn kho hàng ở xa lộ Hà Nội thiêu rụi nhiều tài sản.'];
    expect(viWhat('Ảnh: Hiện trường', undefined, lead, false).text).toBe(
      'Cháy lớn kho hàng ở xa lộ Hà Nội thiêu rụi nhiều tài sản',
    );
  });

  it('replaces a place tag by the agent that contains the place', () => {
    expect(viWhat('Nam Định: Khởi tố giám đốc công ty', 'Công an tỉnh Nam Định', [], false).text).toBe(
      'Công an tỉnh Nam Định: Khởi tố giám đốc công ty',
    );
  });

  it('replaces "Speaker: quote" by the lead sentence from the speaker on', () => {
    const lead = [
      'Chiều 4/5, tại cuộc họp báo, Bộ trưởng Ngoại giao Pháp cho rằng hai bên sẽ sớm ký hiệp định.',
    ];
    const w = viWhat('Bộ trưởng Ngoại giao Pháp: "Sẽ sớm ký"', undefined, lead, true);
    expect(w.text).toBe('Bộ trưởng Ngoại giao Pháp cho rằng hai bên sẽ sớm ký hiệp định');
    expect(w.from).toBe(lead[0]);
  });

  it('keeps "Speaker: quote" when the lead does not name the speaker', () => {
    expect(
      viWhat('Bộ trưởng Ngoại giao Pháp: "Sẽ sớm ký"', undefined, ['Hai bên gặp nhau.'], true).text,
    ).toBe('Bộ trưởng Ngoại giao Pháp: "Sẽ sớm ký"');
  });

  it('leaves a photo title without an agent in front', () => {
    expect(viWhat('Video: Nước ngập phố', 'Công an quận 1', [], false).text).toBe('Nước ngập phố');
  });

  const forecast = ['TPO - Dự báo đợt mưa rất lớn ở các tỉnh miền Trung còn kéo dài đến 17/10.'];

  it('tells the event of a photo title from the lead', () => {
    const lead = ['Sáng 19/3, TAND TP Hà Nội mở phiên tòa xét xử sơ thẩm ông Đinh La Thăng và 6 đồng phạm.'];
    expect(viWhat('Ảnh: Đoàn xe đến tòa', undefined, lead, false).text).toBe(
      'TAND TP Hà Nội mở phiên tòa xét xử sơ thẩm ông Đinh La Thăng và 6 đồng phạm',
    );
  });

  it('replaces a short title by the lead clause that tells the same event', () => {
    const lead = ['Chiều 2/10, VN-Index tăng phiên thứ 5 liên tiếp lên 1.783 điểm, lập kỷ lục mới.'];
    expect(viWhat('VN-Index lập kỷ lục mới', undefined, lead, false).text).toBe(
      'VN-Index tăng phiên thứ 5 liên tiếp lên 1.783 điểm, lập kỷ lục mới',
    );
    // A lead about something else does not replace it.
    expect(viWhat('VN-Index lập kỷ lục mới', undefined, forecast, false).text).toBe(
      'VN-Index lập kỷ lục mới',
    );
    // Nor does it replace a long title.
    const long = 'Quốc hội thông qua Luật Viễn thông (sửa đổi) với 94,74% đại biểu tán thành';
    expect(
      viWhat(long, 'Quốc hội', ['Sáng 24/11, Quốc hội thông qua Luật Viễn thông (sửa đổi).'], false).text,
    ).toBe(long);
  });

  it('puts a person agent after the role the title opens with, as the lead writes it', () => {
    const lead = ['Chiều 31/1, Thủ tướng Phạm Minh Chính chủ trì phiên họp về đường sắt.'];
    expect(viWhat('Thủ tướng chỉ đạo đẩy nhanh dự án', 'Phạm Minh Chính', lead, false).text).toBe(
      'Thủ tướng Phạm Minh Chính chỉ đạo đẩy nhanh dự án',
    );
    // Without the role before the name in the lead, the agent goes in front.
    expect(viWhat('Thủ tướng chỉ đạo đẩy nhanh dự án', 'Phạm Minh Chính', [], false).text).toBe(
      'Phạm Minh Chính: Thủ tướng chỉ đạo đẩy nhanh dự án',
    );
  });

  it('leaves out a day named relative to the report, which "when" reports', () => {
    expect(
      viWhat('Giá vàng hôm nay 22.1.2021: Tiếp tục duy trì trên 56,5 triệu', undefined, [], false).text,
    ).toBe('Giá vàng: Tiếp tục duy trì trên 56,5 triệu');
    expect(viWhat('Hôm nay, Quốc hội bế mạc kỳ họp', undefined, [], false).text).toBe(
      'Quốc hội bế mạc kỳ họp',
    );
    // "nay" alone is not a day ("hiện nay", "năm nay").
    expect(viWhat('Giá thịt năm nay tăng', undefined, [], false).text).toBe('Giá thịt năm nay tăng');
  });

  it('names a police investigating office by its force in front of the title', () => {
    expect(
      viWhat('Bắt trùm siêu lừa', 'Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Ninh', [], false).text,
    ).toBe('Công an tỉnh Quảng Ninh bắt trùm siêu lừa');
  });
});

describe('where from a later sentence', () => {
  const lead = [
    'Sáng 5/3, Thủ tướng Lê Văn Mười chủ trì cuộc họp về năng lượng.',
    'Các bộ trưởng báo cáo tiến độ.',
    'Thủ tướng yêu cầu đẩy nhanh dự án.',
    'Các đại biểu thảo luận.',
  ];
  const input = (tail: string) => ({
    title: 'Họp về năng lượng',
    body: [...lead, tail].join('\n\n'),
    lang: 'vi' as const,
    publishedAt: '2025-03-05',
    url: null,
  });

  it('takes the site of the event when the lead names none', () => {
    expect(extract(input('Cuộc họp diễn ra tại Trụ sở Chính phủ và trực tuyến.')).where).toEqual([
      'Trụ sở Chính phủ',
    ]);
  });

  it('does not take a later place that is not the event site', () => {
    expect(extract(input('Dự án điện gió ở Ninh Thuận chậm tiến độ.')).where).toEqual([]);
  });
});
