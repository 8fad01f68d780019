import { describe, expect, it } from 'vitest';
import { bodySentences, cleanParagraphs, splitSentences } from '../../src/extract/sentences.ts';

describe('splitSentences', () => {
  it('does not split after Vietnamese abbreviations, initials, dates or decimals', () => {
    const p =
      'PGS.TS. Nguyễn Văn A đến TP. Hồ Chí Minh ngày 30/12. Tỷ lệ tăng 1,5% so với năm trước. Tổng thống B. Obama phát biểu. ThS. Lê Thị B cho biết.';
    expect(splitSentences(p)).toEqual([
      'PGS.TS. Nguyễn Văn A đến TP. Hồ Chí Minh ngày 30/12.',
      'Tỷ lệ tăng 1,5% so với năm trước.',
      'Tổng thống B. Obama phát biểu.',
      'ThS. Lê Thị B cho biết.',
    ]);
  });

  it('splits at ! ? and closing quotes followed by a capital', () => {
    expect(splitSentences('Ông nói: “Đây là thời kỳ hoàng kim.” Sau đó ông rời đi! Vì sao?')).toEqual([
      'Ông nói: “Đây là thời kỳ hoàng kim.”',
      'Sau đó ông rời đi!',
      'Vì sao?',
    ]);
  });

  it('keeps a lower-case continuation in the same sentence', () => {
    expect(splitSentences('Giá tăng 2.5 lần. vẫn thế')).toHaveLength(1);
  });
});

describe('cleanParagraphs', () => {
  it('drops bylines, captions, related links, alt text and the closing ./.', () => {
    const body = [
      'Quỳnh Hoa / (TTXVN/Vietnam+)',
      'Chiều 30/12, Văn phòng tổ chức Hội nghị.',
      'Thủ tướng phát biểu. (Ảnh: Phương Hoa/TTXVN)',
      '[Hội nghị tổng kết năm 2020]',
      'Van phong Trung uong hinh anh 1Quang cảnh hội nghị.',
      'HOÀNG ANH',
      'Văn phòng đã phát động thi đua năm 2021./.',
    ].join('\n\n');
    expect(cleanParagraphs(body)).toEqual([
      'Chiều 30/12, Văn phòng tổ chức Hội nghị.',
      'Văn phòng đã phát động thi đua năm 2021.',
    ]);
  });

  it("drops a media player's time, an image file name and an upper-case photo credit", () => {
    const body = [
      '00:00 / 00:00',
      'Sáng 9/8, Trường Đại học X tổ chức lễ tốt nghiệp.',
      'le-tot-nghiep.jpg',
      'Tân khoa nhận bằng tốt nghiệp ẢNH: LÂM VIÊN',
      'Nhà trường trao 614 bằng cử nhân.',
    ].join('\n\n');
    expect(cleanParagraphs(body)).toEqual([
      'Sáng 9/8, Trường Đại học X tổ chức lễ tốt nghiệp.',
      'Nhà trường trao 614 bằng cử nhân.',
    ]);
  });

  it('sets apart a dateline glued to the first word of the lead', () => {
    expect(cleanParagraphs('Hà NộiBác sĩ Bệnh viện X vừa gắp ba chiếc bật lửa.')).toEqual([
      'Hà Nội - Bác sĩ Bệnh viện X vừa gắp ba chiếc bật lửa.',
    ]);
    expect(cleanParagraphs('TP HCMCông an quận 1 bắt 2 người.')).toEqual([
      'TP HCM - Công an quận 1 bắt 2 người.',
    ]);
    expect(cleanParagraphs('Hội AnhNgữ tổ chức thi.')).toEqual(['Hội AnhNgữ tổ chức thi.']);
  });

  it("drops a site's weekday-and-date line and a time stamp run onto a heading line", () => {
    const body = [
      'Chủ Nhật, 24/08/2025',
      'Ông Putin điện đàm ông Trump, đề cập vụ không kích vào dinh thự riêng 30/12/2025 05:26',
      'Ngày 29-12, hai ông điện đàm.',
    ].join('\n\n');
    expect(cleanParagraphs(body)).toEqual([
      'Ông Putin điện đàm ông Trump, đề cập vụ không kích vào dinh thự riêng',
      'Ngày 29-12, hai ông điện đàm.',
    ]);
  });

  it("drops a page's furniture: view counts, poster fields, template tags, a source link", () => {
    const body = [
      '372 lượt xem',
      'Người đăng:',
      'Mai Hạ {Ngày xuất bản}',
      'Sáng 9/9, nhà trường cho biết đã tạm dừng việc lên lớp của thầy giáo.',
      'Nguồn Tin Tức TTXVN: https://baotintuc.vn/giao-duc/bai-viet-20220909092942007.htm',
    ].join('\n\n');
    expect(cleanParagraphs(body)).toEqual([
      'Sáng 9/9, nhà trường cho biết đã tạm dừng việc lên lớp của thầy giáo.',
    ]);
  });

  it('drops a page time stamp and a caption given twice, and keeps a repeated sapo once', () => {
    const sapo =
      `Sáng 3/5, Bộ Y tế họp với các bệnh viện về thuốc hiếm. ${'Cuộc họp bàn cách dự trữ. '.repeat(5)}`.trim();
    const body = [
      'Thứ Sáu, 03/05/2024 10:15 (GMT+7)',
      '02/05/2024',
      'Kho thuốc của bệnh viện.',
      sapo,
      sapo,
      'Kho thuốc của bệnh viện.',
      'Ngày 2/5/2024, bệnh viện báo thiếu thuốc.',
    ].join('\n\n');
    expect(cleanParagraphs(body)).toEqual([sapo, 'Ngày 2/5/2024, bệnh viện báo thiếu thuốc.']);
  });

  it('reads a bounded number of lines for the paragraphs asked for', () => {
    const body = [...Array.from({ length: 10 }, (_, i) => `Ảnh: ảnh số ${String(i)}`), 'Bão vào bờ.'].join(
      '\n',
    );
    expect(cleanParagraphs(body)).toEqual(['Bão vào bờ.']);
    expect(cleanParagraphs(body, 2)).toEqual([]);
  });

  it('strips an outlet tag that opens the lead', () => {
    expect(cleanParagraphs('(VOV) - Ngày 14/1, tại Nhà Trắng, ông Obama họp báo.')).toEqual([
      'Ngày 14/1, tại Nhà Trắng, ông Obama họp báo.',
    ]);
    expect(cleanParagraphs('(PL)- Ngày 29-6, công an khởi tố.')).toEqual(['Ngày 29-6, công an khởi tố.']);
  });

  it('keeps a long paragraph that has a photo credit run into it, without the credit', () => {
    const long = `Sáng 9/11, tại Phủ Chủ tịch, lễ đón diễn ra. ${'Hai bên hội đàm. '.repeat(20)}(Ảnh: Nhan Sáng/TTXVN) Sau đó hai bên ký kết.`;
    const [p] = cleanParagraphs(long);
    expect(p).toContain('Sáng 9/11, tại Phủ Chủ tịch');
    expect(p).not.toContain('Nhan Sáng');
  });
});

describe('bodySentences', () => {
  it('stops at the limit and records paragraph numbers', () => {
    const s = bodySentences('Câu một. Câu hai.\n\nCâu ba. Câu bốn.', 3);
    expect(s).toEqual([
      { text: 'Câu một.', paragraph: 0 },
      { text: 'Câu hai.', paragraph: 0 },
      { text: 'Câu ba.', paragraph: 1 },
    ]);
  });
});
