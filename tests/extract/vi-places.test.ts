import { describe, expect, it } from 'vitest';
import type { PlaceMention } from '../../src/extract/vi-places.ts';
import { findViPlaces, withoutNeedlessCountries } from '../../src/extract/vi-places.ts';

const places = (s: string) => findViPlaces(s).map((p) => p.text);

describe('venues, islands, regions', () => {
  it('finds grounds, meeting rooms, passes, islands and kilometre posts by their noun', () => {
    expect(places('Trận đấu diễn ra trên sân Thống Nhất tối qua.')).toEqual(['sân Thống Nhất']);
    expect(places('Xe bị đá đè trên đèo Prenn chiều nay.')).toEqual(['đèo Prenn']);
    expect(places('Tàu chìm cách đảo Cồn Cỏ 20 hải lý.')).toEqual(['đảo Cồn Cỏ']);
    expect(places('Tai nạn xảy ra tại Km 12+300 quốc lộ 6.')).toEqual(['Km 12+300', 'quốc lộ 6']);
  });

  it('finds a hospital that receives patients, and an area named by two provinces', () => {
    expect(places('Chiều 31/3, Bệnh viện Bạch Mai tiếp nhận 6 bệnh nhân.')).toEqual(['Bệnh viện Bạch Mai']);
    expect(places('Bệnh viện Bạch Mai cho biết như vậy.')).toEqual([]);
    expect(places('Mưa giảm ở khu vực Đà Nẵng – Quảng Nam.')).toEqual(['Đà Nẵng', 'Quảng Nam']);
    expect(places('Tuyến Lào Cai - Hà Nội đông khách.')).toEqual([]);
  });

  it('finds regions of Vietnam and keeps "TP.X" as written', () => {
    expect(places('Nắng nóng bao trùm miền Bắc và Tây Nguyên.')).toEqual(['miền Bắc', 'Tây Nguyên']);
    expect(places('Vụ việc xảy ra ở xã Tiên Tân, TP.Phủ Lý.')).toEqual(['xã Tiên Tân', 'TP.Phủ Lý']);
  });
});

describe('venues by their head word, and posts, gates, waters and junctions by their unit word', () => {
  it('reads venue names with lower-case syllables, acronyms and dashes, after a visit too', () => {
    expect(places('Buổi hòa nhạc diễn ra tối qua tại Nhà hát Lớn Hải Phòng.')).toEqual([
      'Nhà hát Lớn Hải Phòng',
    ]);
    expect(places('Hội nghị khai mạc sáng nay tại Cung văn hóa Hữu nghị Việt - Xô (Hà Nội).')).toEqual([
      'Cung văn hóa Hữu nghị Việt - Xô',
      'Hà Nội',
    ]);
    expect(places('Đoàn công tác đã đến thăm Bảo tàng Lịch sử Quốc gia chiều 3/5.')).toEqual([
      'Bảo tàng Lịch sử Quốc gia',
    ]);
    expect(places('Chiều 7/3, tại trụ sở Tòa phúc thẩm TAND Tối cao, phiên xử tiếp tục.')).toEqual([
      'trụ sở Tòa phúc thẩm TAND Tối cao',
    ]);
  });

  it('takes a hospital that treats and a school or museum that holds a ceremony', () => {
    expect(
      places('Bác sĩ Bệnh viện Đa khoa tỉnh Phú Thọ vừa nội soi gắp chiếc tăm ra khỏi thực quản bé trai.'),
    ).toEqual(['Bệnh viện Đa khoa tỉnh Phú Thọ']);
    expect(places('Sáng 2/9, Trường THPT Chu Văn An tổ chức lễ khai giảng năm học mới.')).toEqual([
      'Trường THPT Chu Văn An',
    ]);
  });

  it('finds kilometre posts, border markers, border gates, waters, junctions and numbered districts', () => {
    expect(places('Xe tải lật nghiêng khi đến km215 quốc lộ 1A.')).toEqual(['km215', 'quốc lộ 1A']);
    expect(places('Nhóm người vượt biên gần Mốc 402 trên tuyến biên giới.')).toEqual(['Mốc 402']);
    expect(places('Chỉ số VN-Index vượt mốc 1.300 điểm trong phiên chiều.')).toEqual([]);
    expect(places('Lực lượng chức năng kiểm tra xe tại cửa khẩu Lao Bảo.')).toEqual(['cửa khẩu Lao Bảo']);
    expect(places('Tàu cá bị sóng đánh chìm tại vùng biển Cô Tô.')).toEqual(['vùng biển Cô Tô']);
    expect(places('Ùn tắc kéo dài ở nút giao Trần Duy Hưng – Khuất Duy Tiến chiều nay.')).toEqual([
      'nút giao Trần Duy Hưng – Khuất Duy Tiến',
    ]);
    expect(places('Cháy lớn tại một kho hàng trên đường Lê Văn Việt, Quận 9.')).toEqual([
      'đường Lê Văn Việt',
      'Quận 9',
    ]);
    expect(places('Trận mưa đá xảy ra tại địa bàn Bản Phố.')).toEqual(['Bản Phố']);
    expect(places('Hàng hóa được chở từ địa bàn Bản Lầu ra cảng.')).toEqual([]);
  });

  it('lists the names that follow a unit word, and takes a bracketed unknown name as the parent unit', () => {
    expect(places('Lũ quét tràn qua xã Mường Lống, Mường Típ và thị trấn Mường Xén.')).toEqual([
      'xã Mường Lống',
      'Mường Típ',
      'thị trấn Mường Xén',
    ]);
    expect(places('Vụ việc xảy ra tại bản Nà Khà (Huổi Luông).')).toEqual(['bản Nà Khà', 'Huổi Luông']);
    // "Trà" is also a surname, but "Bắc Trà My" is a district.
    expect(places('Sạt lở đất vùi lấp nhiều nhà ở huyện Bắc Trà My.')).toEqual(['huyện Bắc Trà My']);
  });
});

describe('places that are not the scene', () => {
  it('drops number plates, directions, origins, stock exchanges, teams and station readings', () => {
    expect(places('Xe mang biển số TP.HCM chạy theo hướng Đà Lạt.')).toEqual([]);
    expect(places('Bệnh nhân được chuyển lên từ bệnh viện huyện Cần Giuộc (Long An).')).toEqual([]);
    expect(places('Chỉ số của sàn chứng khoán TP HCM tăng.')).toEqual([]);
    expect(places('Trạm Nông trường 15 (tỉnh Nghệ An) 119 mm.')).toEqual([]);
    expect(places('Báo Bangkok Post đưa tin hôm qua.')).toEqual([]);
  });

  it('drops time zones, teams, a firm’s seat, distances and the ends of a stretch of road', () => {
    expect(places('Vụ nổ xảy ra lúc 9 giờ (giờ Hà Nội) tại cảng Beirut.')).toEqual(['cảng Beirut']);
    expect(places('Bình Định 2-1 Hà Tĩnh')).toEqual([]);
    expect(places('Nam Định đánh bại Hải Phòng ở vòng 5.')).toEqual([]);
    expect(places('Việt Nam hòa 1-1 với Thái Lan tại sân Mỹ Đình.')).toEqual(['sân Mỹ Đình']);
    expect(places('Trận đấu giữa Thanh Hóa và Bình Dương diễn ra trên sân Thanh Hóa.')).toEqual([
      'sân Thanh Hóa',
    ]);
    expect(places('Công ty có trụ sở tại Singapore vừa công bố kết quả kinh doanh.')).toEqual([]);
    expect(places('Tâm bão cách Hà Nội khoảng 300 km về phía đông nam.')).toEqual([]);
    expect(
      places('Cấm xe trên đường Hàng Bài (đoạn từ phố Tràng Tiền đến phố Hai Bà Trưng) từ 20 giờ.'),
    ).toEqual(['đường Hàng Bài']);
    expect(places('Người dân Hà Nội thắng lợi trong phong trào thi đua.')).toEqual(['Hà Nội']);
  });

  it('drops an address in brackets after a home address', () => {
    expect(places('Anh Minh đang sống ở đường Nguyễn Trãi (quận Thanh Xuân).')).toEqual([]);
    expect(places('Cấm xe vào đường Đồng Khởi (đoạn gần nhà hát, Quận 1) tối nay.')).toEqual([
      'đường Đồng Khởi',
      'Quận 1',
    ]);
  });

  it('takes a country from a title tag or in brackets after a city, not after a person', () => {
    expect(places('Nhật Bản: Động đất mạnh ở Hokkaido')).toEqual(['Nhật Bản']);
    expect(places('Giải đấu diễn ra tại Paris (Pháp).')).toEqual(['Paris', 'Pháp']);
    expect(places('Bác sĩ John Smith (Mỹ) mổ thành công.')).toEqual([]);
  });

  it('takes the country of a visit, a formal country name, a city placed by its country and a compass part', () => {
    expect(places('Thủ tướng bắt đầu chuyến thăm chính thức Nhật Bản.')).toEqual(['Nhật Bản']);
    expect(places('Chủ tịch nước mong sớm đón Tổng thống thăm Việt Nam.')).toEqual([]);
    expect(places('Đoàn đại biểu đã có cuộc làm việc tại Vương quốc Campuchia.')).toEqual([
      'Vương quốc Campuchia',
    ]);
    expect(places('Hội nghị thượng đỉnh diễn ra tại Kazan, Nga.')).toEqual(['Kazan', 'Nga']);
    expect(places('Động đất rung chuyển đông bắc Nhật Bản sáng nay.')).toEqual(['Nhật Bản']);
  });
});

describe('countries beside more specific places', () => {
  const at = (text: string, level: number): PlaceMention => ({ text, index: 0, level });
  it('drops the country of a Vietnamese story and keeps a foreign one', () => {
    expect(withoutNeedlessCountries([at('Phủ Chủ tịch', 6), at('Việt Nam', 1)]).map((p) => p.text)).toEqual([
      'Phủ Chủ tịch',
    ]);
    expect(withoutNeedlessCountries([at('tỉnh Quảng Nam', 2), at('Lào', 1)]).map((p) => p.text)).toEqual([
      'tỉnh Quảng Nam',
    ]);
    expect(
      withoutNeedlessCountries([at('tỉnh Tứ Xuyên', 2), at('Trung Quốc', 1)]).map((p) => p.text),
    ).toEqual(['tỉnh Tứ Xuyên', 'Trung Quốc']);
  });

  it('keeps a country written after a foreign place beside Vietnamese places', () => {
    const found = findViPlaces('Tâm chấn nằm tại tỉnh Sagaing (Myanmar), rung lắc lan tới Hà Nội.');
    expect(found.map((p) => p.text)).toEqual(['tỉnh Sagaing', 'Myanmar', 'Hà Nội']);
    expect(withoutNeedlessCountries(found).map((p) => p.text)).toEqual(['tỉnh Sagaing', 'Myanmar', 'Hà Nội']);
    expect(
      withoutNeedlessCountries(findViPlaces('Mưa lớn ở Hà Nội (Việt Nam) và Lào.')).map((p) => p.text),
    ).toEqual(['Hà Nội']);
  });
});

describe('addresses and offices', () => {
  it('finds a hospital that performs an operation', () => {
    expect(places('Thành tựu mà Bệnh viện Trung ương Huế thực hiện là 21 ca ghép tạng.')).toEqual([
      'Bệnh viện Trung ương Huế',
    ]);
  });

  it('finds a venue given by its grounds', () => {
    expect(places('Lễ hội diễn ra tại khuôn viên Hội trường Thống Nhất, TP.HCM.')).toEqual([
      'khuôn viên Hội trường Thống Nhất',
      'TP.HCM',
    ]);
  });

  it('finds a street address and a capitalised "Thành phố"', () => {
    expect(places('Lễ khánh thành diễn ra tại số 96 Nguyễn Du, phường Cửa Nam, Thành phố Hà Nội.')).toEqual([
      'số 96 Nguyễn Du',
      'phường Cửa Nam',
      'Thành phố Hà Nội',
    ]);
  });

  it("does not read the person after an office's unit word as a place", () => {
    expect(places('Chủ tịch UBND thành phố Nguyễn Đức Chung trao hoa chúc mừng.')).toEqual([]);
    // A ward named after a person is still a place.
    expect(places('Vụ cháy xảy ra tại phường Nguyễn Thái Bình.')).toEqual(['phường Nguyễn Thái Bình']);
  });
});

describe('affiliations and agencies', () => {
  it("does not take a player's side, a person's home province or a news agency's country for the scene", () => {
    expect(places('Ở chung kết, Phạm Minh Tuấn của Đà Nẵng thắng Trịnh Linh Giang của Hà Nội.')).toEqual([]);
    expect(places('"Chân chạy" người Hà Tĩnh giúp điền kinh giành HCV.')).toEqual([]);
    expect(
      places('Hãng thông tấn Reuters (Anh) đưa tin động đất xảy ra ngoài khơi tỉnh Fukushima, Nhật Bản.'),
    ).toEqual(['tỉnh Fukushima', 'Nhật Bản']);
  });
});

describe('regions of Vietnam', () => {
  it('finds the regions weather news gives, not compass directions', () => {
    expect(
      places(
        'Khu vực Bắc Bộ có mưa, các tỉnh Nam Trung Bộ, Tây Nguyên và Nam Bộ nắng nóng; Đồng bằng sông Cửu Long mưa rào.',
      ),
    ).toEqual(['Bắc Bộ', 'Nam Trung Bộ', 'Tây Nguyên', 'Nam Bộ', 'Đồng bằng sông Cửu Long']);
    expect(places('Bão di chuyển theo hướng Tây Bắc, gió mùa Đông Bắc tăng cường.')).toEqual([]);
  });
});
