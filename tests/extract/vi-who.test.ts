import { describe, expect, it } from 'vitest';
import { findViAgents } from '../../src/extract/vi-agents.ts';
import { findViWho } from '../../src/extract/vi-who.ts';

const names = (s: string) => findViAgents(s).map((a) => a.text);
const who = (title: string, ...sentences: string[]) =>
  findViWho(title, sentences, false).agents.map((a) => a.text);

describe('agents in one sentence', () => {
  it('does not take a possessor after "của" as an agent, even in a list of titled names', () => {
    expect(names('Bộ trưởng Trần Văn An chuyển lời thăm hỏi của Tổng Bí thư Lê Văn Bình.')).toEqual([
      'Trần Văn An',
    ]);
    expect(
      names(
        'Nhận lời mời của Chủ tịch nước Lê Văn Bình và Phu nhân, Thủ tướng Đỗ Văn Cường, đoàn sang thăm.',
      ),
    ).toEqual([]);
    // A chair or a guest of honour takes part: "dưới sự chủ trì của X".
    expect(names('Hội nghị diễn ra dưới sự chủ trì của Thủ tướng Phạm Văn Dũng.')).toEqual(['Phạm Văn Dũng']);
  });

  it('finds foreign names by a sports or medical role, or by a country in brackets', () => {
    expect(names('Ca mổ do bác sĩ McKay Smith thực hiện.')).toEqual(['McKay Smith']);
    expect(names('Trận đấu giữa Ratchanok Intanon (Thái Lan, hạng 5) và Chen Yufei (Trung Quốc).')).toEqual([
      'Ratchanok Intanon',
      'Chen Yufei',
    ]);
    expect(names('Chiều nay, Chủ tịch Tập Cận Bình tới Hà Nội.')).toEqual(['Tập Cận Bình']);
  });

  it('does not read a role inside another word ("cầu lông" is not "ông")', () => {
    expect(names('Giải cầu lông Vietnam Open khai mạc.')).toEqual([]);
  });

  it('finds national sides named by their country', () => {
    expect(names('Tối qua, U23 Việt Nam thắng 2-0.')).toEqual(['U23 Việt Nam']);
    expect(names('Tối qua, đội tuyển nữ Việt Nam thắng 2-0.')).toEqual(['đội tuyển nữ Việt Nam']);
  });

  it('completes "Công an tỉnh" with the province named before it', () => {
    expect(
      names(
        'Ngày 2/3, Công an tỉnh Nam Định cho biết, Cơ quan Cảnh sát điều tra Công an tỉnh vừa bắt Lê Văn Tư.',
      ),
    ).toContain('Cơ quan Cảnh sát điều tra Công an tỉnh Nam Định');
  });

  it('drops an organisation that undergoes the action or acted earlier', () => {
    expect(names('Bệnh viện Dã chiến số 3 vừa được thành lập.')).toEqual([]);
    expect(names('Sắc lệnh ra đời sau khi Tòa án Tối cao bác bỏ thuế cũ.')).toEqual([]);
  });

  it('reads "Tên (tỉnh X)" as a place and joins a body after "phối hợp với"', () => {
    expect(names('Mưa lớn ở Mai Sơn (tỉnh Sơn La) đo được 90 mm.')).toEqual([]);
    expect(names('Sáng 1/8, Phòng CSGT Công an tỉnh Hà Nam phối hợp với Cục CSGT bắt giữ xe.')).toEqual([
      'Phòng CSGT Công an tỉnh Hà Nam',
      'Cục CSGT',
    ]);
  });
});

describe('agents of a lead', () => {
  it('drops a victim in every sentence once one sentence gives the age', () => {
    expect(
      who(
        'Sạt lở vùi lấp nhà dân',
        'Ông Lò Văn Sáu đang ngủ thì đất đá ụp xuống.',
        'Ông Lò Văn Sáu, 60 tuổi, tử vong.',
      ),
    ).toEqual([]);
  });

  it('keeps an aged suspect in a crime story', () => {
    expect(who('Bắt kẻ trộm xe', 'Công an huyện Mê Linh bắt Lê Văn Tám (30 tuổi).')).toContain('Lê Văn Tám');
  });

  it('takes a body that announces when nobody else acts, but not a body cited with "theo"', () => {
    expect(who('Giá tiêu dùng tăng', 'Sáng 29-1, Tổng cục Thống kê cho biết, chỉ số giá tăng 0,5%.')).toEqual(
      ['Tổng cục Thống kê'],
    );
    expect(who('Mưa lớn', 'Theo Trung tâm Dự báo khí tượng, trời mưa to.')).toEqual([]);
  });

  it('skips a byline with a time stamp', () => {
    expect(
      who('Bão vào Biển Đông', 'Ban Thời sự-Thứ ba, ngày 27/08/2019 18:44 GMT+7', 'Bão mạnh lên.'),
    ).toEqual([]);
  });
});

describe('regressions found on the fixtures', () => {
  it('does not read "bị cáo" as a passive, "đánh bắt" as a crime or "Đồng Nai" as a name', () => {
    expect(names('Ngày 15-12, TAND TP Hà Nội tuyên phạt bị cáo Lê Văn Năm 5 năm tù.')).toContain(
      'TAND TP Hà Nội',
    );
    expect(
      findViAgents('Tàu do ông Hồ Văn Lâm (trú tại xã Quỳnh Lập) làm chủ đang đánh bắt thì chìm.')[0],
    ).toMatchObject({
      victim: true,
    });
    expect(names('Ca bệnh ở TP.HCM, Long An, Đồng Nai, Bình Dương.')).toEqual([]);
  });

  it('prefers the longer head "Đội tuyển" and treats "xác nhận" as speech', () => {
    expect(names('Chiều 14/12, Đội tuyển Nữ Việt Nam thắng 5-0.')).toEqual(['Đội tuyển Nữ Việt Nam']);
    expect(findViAgents('Sáng 26/9, Phòng CSGT Công an tỉnh Quảng Trị xác nhận vụ việc.')[0]).toMatchObject({
      source: true,
    });
  });
});

describe('organisation names as written', () => {
  it('keeps field words with a lower-case syllable and names with inner capitals', () => {
    expect(names('Sáng 2/3, Sở Xây dựng Hà Nội thông báo cấm xe.')).toEqual(['Sở Xây dựng Hà Nội']);
    expect(names('Hôm qua, Tập đoàn SpaceX đã phóng tên lửa.')).toEqual(['Tập đoàn SpaceX']);
    expect(names('Đồn Biên phòng Cửa khẩu quốc tế Lào Cai đã bắt giữ 2 người.')).toEqual([
      'Đồn Biên phòng Cửa khẩu quốc tế Lào Cai',
    ]);
  });

  it('keeps a city unit after an acronym head, and joint-stock companies', () => {
    expect(names('Sáng 5/12, HĐND TP. Hà Nội đã bầu bổ sung 2 ủy viên.')).toEqual(['HĐND TP. Hà Nội']);
    expect(names('CTCP Đầu tư Thế giới Di động vừa công bố kết quả kinh doanh.')).toEqual([
      'CTCP Đầu tư Thế giới Di động',
    ]);
  });

  it('names a high court by its seat', () => {
    expect(names('Ngày 6/6, TAND cấp cao tại Đà Nẵng mở phiên tòa phúc thẩm.')).toEqual([
      'TAND cấp cao tại Đà Nẵng',
    ]);
  });

  it('writes a unit and the body it belongs to as one agent, but not a list of bodies', () => {
    expect(
      names('Phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh Lạng Sơn đã bắt quả tang 1 đối tượng.'),
    ).toEqual(['Phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh Lạng Sơn']);
    expect(names('Ngày 3/4, Cục Điều tra chống buôn lậu- Tổng cục Hải quan đã bắt giữ 5 đối tượng.')).toEqual(
      ['Cục Điều tra chống buôn lậu- Tổng cục Hải quan'],
    );
    // A source that names the acting unit after "cho biết" stays two agents.
    expect(
      names(
        'Ngày 20-3, Công an tỉnh Nam Định cho biết, Cơ quan An ninh điều tra Công an tỉnh vừa khởi tố vụ án.',
      ),
    ).toEqual(['Công an tỉnh Nam Định', 'Cơ quan An ninh điều tra Công an tỉnh Nam Định']);
  });

  it('takes the body that informs ("thông tin từ X cho biết") when the same sentence says it acted', () => {
    expect(
      names(
        'Tối 5.2, thông tin từ Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Trị cho biết, đơn vị đã ra quyết định khởi tố vụ án.',
      ),
    ).toEqual(['Cơ quan Cảnh sát điều tra Công an tỉnh Quảng Trị']);
  });

  it('does not read an island group as a school', () => {
    expect(names('Trường Sa đón đoàn công tác.')).toEqual([]);
  });
});

describe('people, and runs that are not people', () => {
  it('finds foreign names after their country, after "ông"/"bà", and aged suspects', () => {
    expect(names('Chủ tịch Quốc hội Trần Văn An đã gặp Chủ tịch Hạ viện Ấn Độ Om Birla.')).toEqual([
      'Trần Văn An',
      'Om Birla',
    ]);
    expect(names('Tuy nhiên, ông Mun Chê In dẫn đầu với 41% số phiếu.')).toEqual(['Mun Chê In']);
    expect(names('Công an bắt quả tang Lầu Lò (40 tuổi, quốc tịch Lào) đang vận chuyển ma túy.')).toContain(
      'Lầu Lò',
    );
  });

  it('does not take streets, routes, a district after "tại", a field word or a bus company for people', () => {
    expect(names('Cấm xe trên các tuyến đường Nguyễn Tri Phương, Lê Đại Hành, Hồ Xuân Hương.')).toEqual([]);
    expect(names('Điều chỉnh giao thông nút giao Nguyễn Chí Thanh – La Thành.')).toEqual([]);
    expect(names('Lộ trình: Nguyễn Chí Thanh → Huỳnh Thúc Kháng → La Thành.')).toEqual([]);
    expect(names('Dự án đường Vành đai 1 đoạn Hoàng Cầu – Voi Phục.')).toEqual([]);
    expect(names('Bắt giữ 20 bánh heroin tại Cao Phong.')).toEqual([]);
    expect(names('Thủ tướng chiêu đãi Đoàn Ngoại giao dịp Tết.')).toEqual([]);
    expect(names('Xe khách thuộc nhà xe Đoàn Xuân chạy tuyến Quảng Ninh - Sông Mã.')).toEqual([]);
  });

  it('reads a victim named by the given name alone, and an informing body that received a report', () => {
    expect(
      who(
        'Hai người tử vong sau va chạm xe tải',
        'Va chạm với xe tải trên quốc lộ 1, anh Vinh bị văng khỏi xe máy và tử vong tại chỗ.',
        'Khoảng 8h30, anh Đặng Xuân Vinh, 37 tuổi, lái xe máy trên quốc lộ 1.',
      ),
    ).toEqual([]);
    expect(names('Ngày 17/5, Công an huyện Tháp Mười nhận được tin báo của người dân.')).toEqual([
      'Công an huyện Tháp Mười',
    ]);
  });

  it('does not make the centre that reports a storm its agent', () => {
    expect(
      who(
        'Bão số 5 đổ bộ vào đất liền',
        'Trung tâm Dự báo khí tượng thủy văn Quốc gia cho biết, hồi 18h ngày 25/8, cơn bão số 5 đã đổ bộ vào đất liền.',
      ),
    ).toEqual([]);
  });

  it('takes the nearest "của" for a possessor', () => {
    expect(names('Phim mới gồm Nước của Nguyễn Võ Minh, Dịu dàng của Lê Văn Kiệt.')).toEqual([]);
  });
});

describe('courts and investigating agencies', () => {
  it('takes the court whose trial panel acts, and an agency named by its body after a dash', () => {
    expect(
      names(
        'Ngày 28-10, tại trụ sở Tòa phúc thẩm TAND Tối cao tại TP.HCM, HĐXX phúc thẩm đã tuyên án đối với 9 bị cáo.',
      ),
    ).toEqual(['Tòa phúc thẩm TAND Tối cao tại TP.HCM']);
    expect(names('Cơ quan CSĐT - Công an TP.HCM cho biết đã khởi tố bị can.')).toEqual([
      'Cơ quan CSĐT - Công an TP.HCM',
    ]);
  });

  it('reads a short name in brackets as the full name given before it', () => {
    expect(
      who(
        'Vinamilk lãi quý II',
        'Công ty cổ phần Sữa Việt Nam (Vinamilk – VNM) vừa công bố báo cáo tài chính.',
      ),
    ).toEqual(['Công ty cổ phần Sữa Việt Nam', 'Công ty cổ phần Sữa Việt Nam']);
  });
});

describe('people a mishap happened to', () => {
  it('are not agents: named by an honorific, a kinship word, as the driver, or by an initial', () => {
    expect(
      who(
        'Cháy nhà trong khu dân cư',
        'Lúc 10h ngày 5/3, nhà số 7 đường Lê Lợi đã xảy ra cháy.',
        'Người dân đã kịp đưa vợ ông Tài là bà Trần Thị Hoa và con gái thoát ra ngoài.',
      ),
    ).toEqual([]);
    expect(
      who(
        'Xe khách lật trên đèo',
        'Chiếc xe khách do tài xế Phạm Văn Nghĩa (ở Nam Định) điều khiển đã lật ngửa bên đường.',
      ),
    ).toEqual([]);
    expect(
      who(
        'Sạt lở núi, 4 người mất tích',
        'Trong số người mất tích có anh Vàng Chá S. (sinh năm 1982) và chị Hầu Thị D. (sinh năm 1980).',
      ),
    ).toEqual([]);
  });

  it('leaves people with an office, and suspects in a crime, as agents', () => {
    expect(
      who('Cháy chợ Hòa Bình', 'Phó Thủ tướng Lê Văn An đã trực tiếp chỉ đạo dập lửa tại chợ Hòa Bình.'),
    ).toEqual(['Lê Văn An']);
    expect(
      who('Bắt kẻ phóng hỏa', 'Công an huyện đã bắt giữ anh Nguyễn Văn Tâm (35 tuổi) vì phóng hỏa đốt nhà.'),
    ).toContain('Nguyễn Văn Tâm');
  });
});
