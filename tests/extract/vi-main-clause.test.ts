import { describe, expect, it } from 'vitest';
import { cutWords, viEventClause, viMainClause } from '../../src/extract/vi-main-clause.ts';

describe('viMainClause', () => {
  it('drops a leading time, place and source frame', () => {
    expect(
      viMainClause(
        'Ngày 17/9, tại Phủ Chủ tịch, Tổng Bí thư Tô Lâm đã tiếp đại sứ các nước tới trình Quốc thư.',
      ),
    ).toBe('Tổng Bí thư Tô Lâm tiếp đại sứ các nước tới trình Quốc thư');
    expect(viMainClause('Theo hãng tin AP, Tổng thống Mỹ đọc Thông điệp Liên bang tại Điện Capitol.')).toBe(
      'Tổng thống Mỹ đọc Thông điệp Liên bang tại Điện Capitol',
    );
    expect(
      viMainClause('Lúc 8h30’ sáng nay, giá vàng SJC tại TPHCM giao dịch ở 42,3 triệu đồng/lượng.'),
    ).toBe('Giá vàng SJC tại TPHCM giao dịch ở 42,3 triệu đồng/lượng');
  });

  it('drops an outlet dateline', () => {
    expect(viMainClause('TPO - Dự báo đợt mưa rất lớn ở các tỉnh miền Trung còn kéo dài đến 17/10.')).toBe(
      'Dự báo đợt mưa rất lớn ở các tỉnh miền Trung còn kéo dài đến 17/10',
    );
  });

  it('does not take a figure for a date', () => {
    // "1.783" is not 1 July: the sentence has no leading time to drop.
    expect(viMainClause('VN-Index tăng phiên thứ 5 liên tiếp lên 1.783 điểm, lập kỷ lục mới.')).toBe(
      'VN-Index tăng phiên thứ 5 liên tiếp lên 1.783 điểm, lập kỷ lục mới',
    );
  });

  it('drops personal details in brackets and aspect words, not quoted words', () => {
    expect(
      viMainClause(
        'Chiều 4/9, Công an tỉnh Kiên Giang đã bắt tạm giam Nguyễn Văn Tửa (44 tuổi, ngụ TP Rạch Giá).',
      ),
    ).toBe('Công an tỉnh Kiên Giang bắt tạm giam Nguyễn Văn Tửa');
    expect(viMainClause('Ngoại trưởng tuyên bố “đã đến lúc” giành lại Bangkok.')).toBe(
      'Ngoại trưởng tuyên bố “đã đến lúc” giành lại Bangkok',
    );
    // Brackets that are not about a person stay.
    expect(viMainClause('Quốc hội thông qua Luật Quốc phòng (sửa đổi).')).toBe(
      'Quốc hội thông qua Luật Quốc phòng (sửa đổi)',
    );
  });

  it('keeps a frame that is the whole clause', () => {
    expect(viMainClause('Tại đây, có 3 người.')).toBe('Tại đây, có 3 người');
  });
});

describe('cutWords', () => {
  it('cuts at the limit, not at an earlier comma', () => {
    expect(cutWords('Công an khởi tố vụ án, khởi tố bị can, bắt tạm giam hai người', 10)).toBe(
      'Công an khởi tố vụ án, khởi tố bị can',
    );
    expect(cutWords('Giá vàng tăng', 9)).toBe('Giá vàng tăng');
  });
});

describe('viEventClause', () => {
  it('skips bylines, questions, fragments and back-references', () => {
    const lead = [
      'LÊ THANH HÀ, TRÚC QUỲNH',
      'Hôm nào nắng nóng đạt đỉnh?',
      'Ảnh minh họa.',
      'Vụ việc xảy ra vào khoảng 23 giờ ngày 25/9 trên Quốc lộ 1.',
      'Sáng 5/1, bác sĩ McKay McKinnon cắt bỏ thành công khối bướu 90kg của anh Nguyễn Duy Hải.',
    ];
    expect(viEventClause(lead, 25)).toEqual({
      text: 'Bác sĩ McKay McKinnon cắt bỏ thành công khối bướu 90kg của anh Nguyễn Duy Hải',
      from: lead[4],
    });
  });

  it('is null when no sentence states an event', () => {
    expect(viEventClause(['Ảnh minh họa.', 'Trước đó, hai bên đã gặp nhau ở Hà Nội.'], 25)).toBeNull();
  });
});
