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

describe('places that are not the scene', () => {
  it('drops number plates, directions, origins, stock exchanges, teams and station readings', () => {
    expect(places('Xe mang biển số TP.HCM chạy theo hướng Đà Lạt.')).toEqual([]);
    expect(places('Bệnh nhân được chuyển lên từ bệnh viện huyện Cần Giuộc (Long An).')).toEqual([]);
    expect(places('Chỉ số của sàn chứng khoán TP HCM tăng.')).toEqual([]);
    expect(places('Trạm Nông trường 15 (tỉnh Nghệ An) 119 mm.')).toEqual([]);
    expect(places('Báo Bangkok Post đưa tin hôm qua.')).toEqual([]);
  });

  it('takes a country from a title tag or in brackets after a city, not after a person', () => {
    expect(places('Nhật Bản: Động đất mạnh ở Hokkaido')).toEqual(['Nhật Bản']);
    expect(places('Giải đấu diễn ra tại Paris (Pháp).')).toEqual(['Paris', 'Pháp']);
    expect(places('Bác sĩ John Smith (Mỹ) mổ thành công.')).toEqual([]);
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
});
