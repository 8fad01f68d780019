import { describe, expect, it } from 'vitest';
import { findViWhere } from '../../src/extract/vi-where.ts';

const where = (title: string, ...sentences: string[]): string[] => findViWhere(title, sentences, true).where;

describe('which sentences where reads', () => {
  it('skips the title repeated as the first sentence and a line of related headlines', () => {
    const title = 'Lũ quét gây thiệt hại nặng ở Yên Bái';
    expect(
      where(
        title,
        title,
        'Sạt lở vùi nhà dân ở Lào Cai Người dân Sơn La chạy lũ trong đêm |',
        'Rạng sáng nay, lũ quét tràn qua xã Nậm Có, huyện Mù Cang Chải, tỉnh Yên Bái.',
      ),
    ).toEqual(['xã Nậm Có', 'huyện Mù Cang Chải', 'tỉnh Yên Bái']);
  });

  it('takes the parts of an address that a later sentence writes with a place already found', () => {
    expect(
      where(
        'Động đất liên tiếp ở Kon Tum',
        'Viện Vật lý địa cầu cho biết trận động đất có độ lớn 3,2.',
        'Độ sâu chấn tiêu khoảng 8 km.',
        'Trận động đất này xảy ra tại huyện Kon Plông, tỉnh Kon Tum.',
      ),
    ).toEqual(['huyện Kon Plông', 'Kon Tum']);
  });

  it('does not take the peers listed with a place already found', () => {
    expect(
      where(
        'Mưa lớn gây ngập ở Hà Tĩnh',
        'Nhiều tuyến đường ở Hà Tĩnh ngập sâu sáng nay.',
        'Lực lượng chức năng đang ứng cứu.',
        'Dự báo mưa còn kéo dài ở các tỉnh Nghệ An, Hà Tĩnh, Quảng Bình.',
      ),
    ).toEqual(['Hà Tĩnh']);
  });

  it('takes the venue of a later sentence that gives the site, and the place inside a country', () => {
    expect(
      where(
        'Tòa tuyên án vụ lừa đảo',
        'Tòa án nhân dân tỉnh đã tuyên án các bị cáo.',
        'Các bị cáo bị phạt tù từ 5 đến 12 năm.',
        'Phiên tòa được tổ chức lưu động tại Nhà văn hóa Trung tâm thị xã.',
      ),
    ).toEqual(['Nhà văn hóa Trung tâm']);
    expect(
      where(
        'Động đất mạnh ở Indonesia',
        'Một trận động đất mạnh 6,1 độ làm rung chuyển tại Indonesia.',
        'Chưa có báo cáo thương vong.',
        'Tâm chấn nằm ở tỉnh Tây Java, độ sâu 10 km.',
      ),
    ).toEqual(['tỉnh Tây Java', 'Indonesia']);
  });
});

describe('regions', () => {
  it('leaves out a part of a region already named ("Bắc Trung Bộ" beside "miền Trung")', () => {
    expect(
      findViWhere('Miền Trung mưa lớn', ['Mưa lớn ở miền Trung, nhất là Bắc Trung Bộ.'], false).where,
    ).toEqual(['Miền Trung']);
  });
});
