import { describe, expect, it } from 'vitest';
import { findViAgents } from '../../src/extract/vi-agents.ts';
import { findViPlaces } from '../../src/extract/vi-places.ts';

const agents = (s: string) =>
  findViAgents(s).map((a) => ({ text: a.text, kind: a.kind, source: a.source, victim: a.victim }));
const names = (s: string) => findViAgents(s).map((a) => a.text);
const places = (s: string) => findViPlaces(s).map((p) => p.text);

describe('people', () => {
  it('strips the job title and keeps the name', () => {
    expect(names('Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Trần Quốc Vượng dự Hội nghị.')).toEqual([
      'Trần Quốc Vượng',
    ]);
    expect(names('Sáng 19/8, Tổng Bí thư Tô Lâm và Thủ tướng Phạm Minh Chính dự lễ.')).toEqual([
      'Tô Lâm',
      'Phạm Minh Chính',
    ]);
  });

  it('takes foreign names after a role, past the country', () => {
    expect(names('Tổng thống Mỹ Donald Trump đọc Thông điệp Liên bang.')).toEqual(['Donald Trump']);
    expect(names('Tổng thống Cộng hòa Chile Michelle Bachelet Jeria thăm Việt Nam.')).toContain(
      'Michelle Bachelet Jeria',
    );
  });

  it('does not take a place or a unit-prefixed name as a person', () => {
    expect(names('Mưa lớn tại thôn Mã Lầu A, xã Lũng Cú, tỉnh Hà Giang.')).toEqual([]);
    expect(names('Trưởng phòng Cảnh sát điều tra phát biểu.')).toEqual([]);
  });

  it('marks sources and victims', () => {
    expect(
      agents('Ông Nguyễn Anh Dũng, Chủ tịch UBND xã Khoen On cho biết ba ngày qua mưa lớn.')[0],
    ).toMatchObject({
      text: 'Nguyễn Anh Dũng',
      source: true,
    });
    expect(
      agents('Khi gia đình ông Vi Văn Thiên (50 tuổi, ở bản Hắc) đang ngủ thì lũ đổ về.')[0],
    ).toMatchObject({ victim: true });
    // In a crime story the person with an age is the suspect, an agent.
    expect(agents('Công an bắt tạm giam Nguyễn Văn Tửa (44 tuổi) về tội lừa đảo.').at(-1)).toMatchObject({
      text: 'Nguyễn Văn Tửa',
      victim: false,
    });
  });
});

describe('organisations', () => {
  it('finds organisations by head word, whole', () => {
    expect(names('Chiều 30/12, Văn phòng Trung ương Đảng tổ chức Hội nghị.')).toEqual([
      'Văn phòng Trung ương Đảng',
    ]);
    expect(
      names('Chiều 4/9, Cơ quan Cảnh sát điều tra Công an tỉnh Kiên Giang cho biết, vừa khởi tố bị can.'),
    ).toEqual(['Cơ quan Cảnh sát điều tra Công an tỉnh Kiên Giang']);
    expect(names('Dự kiến, TAND TP Hà Nội mở phiên tòa.')).toEqual(['TAND TP Hà Nội']);
  });

  it('an organisation that announces an action is an agent; one that only reports is a source', () => {
    expect(
      agents('Ngày 30/11, Công an huyện Tiểu Cần cho biết, đang tạm giữ hình sự đối tượng.')[0],
    ).toMatchObject({ source: false });
    expect(
      agents('Chiều 25/6, Ban Chỉ đạo Quốc gia cho biết, mưa lũ đã làm 25 người chết.')[0],
    ).toMatchObject({ source: true });
  });

  it('drops organisations that are part of a job title or an object', () => {
    expect(names('Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng trình bày báo cáo.')).toEqual(['Nguyễn Văn Thắng']);
    expect(names('Thủ tướng chủ trì phiên họp thứ sáu Ban Chỉ đạo các dự án.')).toEqual([]);
  });
});

describe('places', () => {
  it('finds unit-prefixed places and gazetteer names', () => {
    expect(
      places('Hội nghị được tổ chức trực tuyến tại 3 điểm cầu Hà Nội, Đà Nẵng và Thành phố Hồ Chí Minh.'),
    ).toEqual(['Hà Nội', 'Đà Nẵng', 'Thành phố Hồ Chí Minh']);
    expect(
      places('đám cháy tại hẻm 63, đường số 10, phường Tăng Nhơn Phú B, TP Thủ Đức (TP Hồ Chí Minh).'),
    ).toEqual(['hẻm 63', 'đường số 10', 'phường Tăng Nhơn Phú B', 'TP Thủ Đức', 'TP Hồ Chí Minh']);
  });

  it('treats TP.HCM, TPHCM and TP HCM as a place', () => {
    expect(places('Giá vàng tại TP.HCM, TPHCM và TP HCM')).toEqual(['TP.HCM', 'TPHCM', 'TP HCM']);
  });

  it('"Hồ Chí Minh" after "Chủ tịch" is a person, not a place', () => {
    expect(places('Lăng Chủ tịch Hồ Chí Minh mở cửa trở lại.')).toEqual([]);
  });

  it('finds venues after a locative word', () => {
    expect(places('Ngày 17/9, tại Phủ Chủ tịch, Tổng Bí thư tiếp đại sứ.')).toEqual(['Phủ Chủ tịch']);
    expect(places('tại Trung tâm Triển lãm Việt Nam (xã Đông Anh, thành phố Hà Nội).')).toEqual([
      'Trung tâm Triển lãm Việt Nam',
      'xã Đông Anh',
      'thành phố Hà Nội',
    ]);
  });

  it('drops home addresses, old-unit notes, routes and countries used as adjectives', () => {
    expect(
      places('bắt Nguyễn Văn Tửa (44 tuổi, ngụ phường Vĩnh Quang, TP Rạch Giá, tỉnh Kiên Giang)'),
    ).toEqual([]);
    expect(places('khởi tố Nguyễn Văn Vũ (xã Long Hưng, thị xã Gò Công)')).toEqual([]);
    expect(places('thôn Mã Lầu A, xã Lũng Cú (Hà Giang cũ) sạt lở')).toEqual(['thôn Mã Lầu A', 'xã Lũng Cú']);
    expect(places('dự án đường sắt Lào Cai - Hà Nội - Hải Phòng')).toEqual([]);
    expect(places('Tổng thống Mỹ Donald Trump gặp Đại sứ Trung Quốc')).toEqual([]);
  });
});
