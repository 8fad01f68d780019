import { describe, expect, it } from 'vitest';
import { findViAgents } from '../../src/extract/vi-agents.ts';

const names = (s: string) => findViAgents(s).map((a) => a.text);

describe('organisations without a head word', () => {
  it('finds a known body as a subject or after "được"', () => {
    expect(names('Chuyến bay được Vietjet Air khai thác bằng tàu bay A321.')).toEqual(['Vietjet Air']);
    expect(names('Ngày 3/4, NATO tuyên bố tăng quân ở sườn đông.')).toEqual(['NATO']);
  });

  it('does not take a known body that is an object', () => {
    expect(names('Hãng bay ký hợp đồng mua 50 máy bay của Boeing.')).toEqual([]);
  });
});

describe('people who undergo the event', () => {
  it('drops the guest received ("tiếp") and the leader asked to resign ("đòi")', () => {
    expect(names('Chủ tịch nước Lương Văn Tư tiếp Đại sứ Nhật Bản Yamada Takio tại Hà Nội.')).toEqual([
      'Lương Văn Tư',
    ]);
    expect(names('Hàng nghìn người tuần hành đòi Thủ tướng Trần Văn Bảy từ chức.')).toEqual([]);
  });

  it('keeps a name after "tiếp tục", which is not "receive"', () => {
    expect(names('Sau đó, tiếp tục có ông Phạm Văn Năm phát biểu.')).toEqual(['Phạm Văn Năm']);
  });

  it('keeps both sides of a meeting', () => {
    expect(names('Thủ tướng Vũ Văn Tám hội đàm với Thủ tướng Lào Sonexay Siphandone.')).toEqual([
      'Vũ Văn Tám',
      'Sonexay Siphandone',
    ]);
  });

  it('drops people inside a reported statement, except suspects in crime news', () => {
    expect(names('Ông Đỗ Văn Sáu cho biết, ông Lý Văn Chín đã đi làm từ sáng.')).toEqual(['Đỗ Văn Sáu']);
    expect(names('Công an tỉnh Nam Định cho biết, đã bắt tạm giam Lý Văn Chín.')).toContain('Lý Văn Chín');
  });
});
