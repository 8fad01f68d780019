/**
 * Real-shaped news text for the benchmarks, generated: paragraphs written in the style of
 * Vietnamese (Vietnam+, VnExpress) and English wire copy, with slots filled from the project's
 * gazetteer, common Vietnamese names and numbers, so no two articles share a body (they would
 * dedupe) while the vocabulary and the skew of names stay like real news.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../src/domain.ts';
import { foldAccents } from '../../src/text/vietnamese.ts';
import { zipfPicker, type Random } from './random.ts';

const GAZETTEER = fileURLToPath(new URL('../../src/extract/data/gazetteer.json', import.meta.url));

interface Gazetteer {
  readonly provinces: readonly string[];
  readonly countries: readonly string[];
  readonly cities: readonly string[];
}

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Đinh',
  'Trương',
  'Đào',
  'Mai',
];
const MIDDLE = ['Văn', 'Thị', 'Quốc', 'Minh', 'Đức', 'Thanh', 'Ngọc', 'Hữu', 'Công', 'Xuân', 'Thu', 'Hồng'];
const GIVEN = [
  'Vượng',
  'Hùng',
  'Lan',
  'Chính',
  'Dũng',
  'Hải',
  'Hương',
  'Tuấn',
  'Thắng',
  'Mai',
  'Long',
  'Phúc',
  'Trang',
  'Khánh',
  'Sơn',
  'Bình',
  'Nam',
  'Hà',
  'Quang',
  'Thảo',
  'Vinh',
  'Hiếu',
  'Linh',
  'Trung',
  'Đạt',
  'Yến',
  'Cường',
  'Tâm',
  'Huy',
  'Nga',
];
const VI_ROLES = [
  'Thủ tướng',
  'Phó Thủ tướng',
  'Bộ trưởng Bộ Tài chính',
  'Chủ tịch UBND tỉnh',
  'Bí thư Tỉnh ủy',
  'Giám đốc Sở Giao thông vận tải',
  'Thứ trưởng Bộ Y tế',
  'Chủ tịch Quốc hội',
  'Tổng Giám đốc',
  'Phó Chủ tịch UBND thành phố',
];
const VI_ORGS = [
  'Bộ Y tế',
  'Văn phòng Trung ương Đảng',
  'Ngân hàng Nhà nước',
  'Bộ Công an',
  'Tổng cục Thống kê',
  'Tập đoàn Điện lực Việt Nam',
  'Bộ Giáo dục và Đào tạo',
  'UBND thành phố',
  'Cục Hàng không Việt Nam',
  'Tòa án nhân dân tối cao',
  'Trung tâm Dự báo khí tượng thủy văn quốc gia',
  'Hiệp hội Doanh nghiệp',
];
const VI_TOPICS = [
  'giá vàng',
  'bão lũ',
  'giao thông',
  'đầu tư công',
  'xuất khẩu nông sản',
  'chuyển đổi số',
  'y tế cơ sở',
  'tuyển sinh đại học',
  'an toàn thực phẩm',
  'nhà ở xã hội',
  'năng lượng tái tạo',
  'du lịch',
];
const VI_TIMES = ['Sáng', 'Chiều', 'Tối', 'Trưa'];

const EN_PEOPLE = [
  'Antony Blinken',
  'Ursula von der Leyen',
  'Rishi Sunak',
  'Emmanuel Macron',
  'Olaf Scholz',
  'Fumio Kishida',
  'Anthony Albanese',
  'Justin Trudeau',
  'Jacinda Ardern',
  'Cyril Ramaphosa',
  'Narendra Modi',
  'Luiz Inácio Lula da Silva',
  'Kamala Harris',
  'Keir Starmer',
  'Pedro Sánchez',
  'Giorgia Meloni',
];
const EN_ORGS = [
  'the United Nations',
  'the World Health Organization',
  'the European Commission',
  'the Federal Reserve',
  'the International Monetary Fund',
  'Nato',
  'the Red Cross',
  'the World Bank',
  'the Bank of England',
  'Unicef',
];
const EN_TOPICS = [
  'inflation',
  'the ceasefire',
  'wildfires',
  'flooding',
  'interest rates',
  'the election',
  'energy prices',
  'the trade deal',
  'migration',
  'climate talks',
  'the strike',
  'vaccine supplies',
];
const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const VI_TITLES = [
  '{O} triển khai nhiệm vụ {topic} năm {Y}',
  '{L}: {N} hộ dân bị ảnh hưởng vì {topic}',
  '{R} {P} làm việc với {L} về {topic}',
  'Giá {topic} tại {L} tăng {pct}% trong tháng {M}',
  '{P} được bầu giữ chức {R}',
  'Hội nghị về {topic} tại {L} thu hút {N} đại biểu',
];
const VI_PARAGRAPHS = [
  '{time} {D}, tại {L}, {O} tổ chức hội nghị tổng kết công tác năm {Y0}, triển khai nhiệm vụ năm {Y}. {R} {P} dự và chỉ đạo hội nghị. Hội nghị được tổ chức trực tuyến tại {k} điểm cầu {L}, {L2} và {L3}.',
  'Phát biểu tại hội nghị, {R} {P} nêu rõ năm {Y} là thời điểm cần dồn sức, làm thật tốt, thật chu đáo các nhiệm vụ về {topic}, góp phần vào thành công chung. Theo ông, các địa phương như {L} và {L2} phải chủ động rà soát, báo cáo trước ngày {D2}.',
  'Theo số liệu của {O}, trong {k} tháng đầu năm, cả nước ghi nhận {N} trường hợp liên quan đến {topic}, tăng {pct}% so với cùng kỳ năm trước. Riêng {L} chiếm khoảng {pct2}% tổng số, cao nhất trong các tỉnh, thành phố.',
  'Ông {P}, {R}, cho biết đơn vị đã phối hợp với {O} triển khai {k} đoàn kiểm tra tại {L}. "Chúng tôi sẽ xử lý nghiêm các sai phạm, không có vùng cấm", ông {given} nói với phóng viên.',
  'Trước đó, ngày {D2}, {O} đã ban hành văn bản yêu cầu {L} khẩn trương khắc phục hậu quả của {topic}, bảo đảm an toàn cho người dân. Tổng kinh phí dự kiến khoảng {N} tỷ đồng, lấy từ ngân sách trung ương và địa phương.',
  'Tại {L}, nhiều hộ dân phản ánh tình trạng {topic} kéo dài khiến cuộc sống gặp khó khăn. Bà {P}, một người dân ở phường {ward}, cho biết gia đình bà đã phải chi thêm {N} nghìn đồng mỗi tháng kể từ tháng {M}.',
  'Đánh giá về tình hình, đại diện {O} cho rằng {topic} chịu tác động của nhiều yếu tố, trong đó có biến động của thị trường thế giới tại {C}. Dự báo trong quý tới, chỉ số này có thể tăng thêm {pct}% nếu không có giải pháp kịp thời.',
  'Cũng trong sáng nay, {R} {P} đã đến thăm, tặng quà các gia đình chính sách tại {L2}. Đoàn công tác trao {k} phần quà, mỗi phần trị giá {N} nghìn đồng, và {N2} suất học bổng cho học sinh nghèo vượt khó.',
  'Kết luận hội nghị, {R} {P} đề nghị {O} tiếp tục phối hợp chặt chẽ với {L}, {L2} để hoàn thành mục tiêu đã đề ra; đồng thời sớm trình phương án về {topic} trước ngày {D2}/{Y}.',
  'Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, từ đêm {D} đến ngày {D2}, khu vực {L} và {L3} có mưa to, lượng mưa phổ biến {k}0-{N2} mm. Người dân được khuyến cáo hạn chế ra đường khi không cần thiết.',
];
const EN_TITLES = [
  '{P} says {topic} talks with {C} will resume',
  '{O} warns of {topic} as {N} people are displaced in {C}',
  '{C}: {topic} pushes prices up {pct}% in {Mon}',
  '{P} visits {Cy} amid row over {topic}',
  'Thousands rally in {Cy} over {topic}',
];
const EN_PARAGRAPHS = [
  '{P} said on {day} that talks on {topic} with officials from {C} would resume next week, after {k} rounds of negotiations in {Cy} ended without agreement. "We are closer than we have ever been," {P} told reporters.',
  'According to figures released by {O}, more than {N} people have been affected by {topic} since {Mon}, an increase of {pct}% on the same period last year. Officials in {Cy} said the true number was likely higher.',
  'The announcement came hours after {P2} met counterparts in {Cy} to discuss {topic} and regional security. Both sides described the meeting as constructive, though no joint statement was issued.',
  'Critics say the government has been slow to respond. "People in {Cy} have waited {k} months for help," said a spokesperson for {O}, adding that {N} families were still living in temporary shelters.',
  'Markets reacted sharply: the main index in {C} fell {pct}% on {day}, its steepest drop since {Mon} {Y0}, while the currency weakened to its lowest level in {k} years against the dollar.',
  '{O} said in a statement that it would send {N} tonnes of supplies to the worst-hit areas around {Cy} by {day}, and called on donors to pledge a further ${N2}m before the end of {Mon}.',
  'Analysts at {O} expect {topic} to remain the dominant issue ahead of the vote in {Mon}, with {pct}% of respondents in a recent poll naming it as their main concern, up from {pct2}% a year earlier.',
  'Earlier this week, {P2} announced a package of {k} measures aimed at easing {topic}, including tax relief worth {N} million and new support for households in {Cy} and the surrounding region.',
  'Speaking in {Cy} on {day}, {P} said the country would not accept terms that undermined its sovereignty. "Our position on {topic} has not changed," {P} said, according to a transcript published by {O}.',
];

export interface CorpusArticle {
  readonly lang: Lang;
  readonly title: string;
  readonly paragraphs: readonly string[];
  /** The people and places the text names, first mentioned first: a plausible summary. */
  readonly who: readonly string[];
  readonly where: readonly string[];
}

export interface Corpus {
  /** One article of roughly `targetChars` characters of body (never shorter than 2 paragraphs). */
  article(lang: Lang, targetChars: number): CorpusArticle;
  /**
   * Queries the way people type them: places, people, topics, lower case; accent-free unless
   * `spelling` is 'accented' (then as the articles write them, "bão lũ", "đà nẵng").
   */
  queries(count: number, spelling?: 'folded' | 'accented'): string[];
}

const isAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/** The most-mentioned first: Zipf weights follow list order. */
const leading = (first: readonly string[], rest: readonly string[]): string[] => [
  ...first,
  ...rest.filter((x) => !first.includes(x)),
];
const TOP_VI_PLACES = [
  'Hà Nội',
  'Thành phố Hồ Chí Minh',
  'Đà Nẵng',
  'Hải Phòng',
  'Cần Thơ',
  'Quảng Ninh',
  'Nghệ An',
  'Thanh Hóa',
  'Huế',
];
const TOP_VI_COUNTRIES = ['Mỹ', 'Trung Quốc', 'Nhật Bản', 'Hàn Quốc', 'Nga', 'Lào', 'Campuchia', 'Thái Lan'];
const TOP_EN_COUNTRIES = [
  'Ukraine',
  'China',
  'United States',
  'Russia',
  'Israel',
  'France',
  'Germany',
  'Japan',
  'Vietnam',
];

export function createCorpus(random: Random): Corpus {
  const gazetteer = JSON.parse(readFileSync(GAZETTEER, 'utf8')) as Gazetteer;
  // Keep the accented spelling of each province (the ASCII twins are for matching, not prose).
  const accented = new Set(gazetteer.provinces.filter((p) => !isAscii(p)).map((p) => foldAccents(p)));
  const provinces = gazetteer.provinces.filter((p) => !isAscii(p) || !accented.has(p));
  const countries = gazetteer.countries.filter((c) => c.length > 2);
  const place = zipfPicker(leading(TOP_VI_PLACES, provinces), random, 0.8);
  const viCountry = zipfPicker(
    leading(
      TOP_VI_COUNTRIES,
      countries.filter((c) => !isAscii(c)),
    ),
    random,
  );
  const enCountry = zipfPicker(leading(TOP_EN_COUNTRIES, countries.filter(isAscii)), random);
  const city = zipfPicker(gazetteer.cities.filter(isAscii), random);
  const surname = zipfPicker(SURNAMES, random);
  const given = zipfPicker(GIVEN, random, 0.7);
  const enPerson = zipfPicker(EN_PEOPLE, random);
  const viPerson = (): string => `${surname()} ${random.pick(MIDDLE)} ${given()}`;
  const num = (): string => String(random.int(2, 9_999));
  const day = (): string => `${String(random.int(1, 28))}/${String(random.int(1, 12))}`;

  // An article is about one or two places and mentions a few others in passing: slots pick the
  // article's own places most of the time, so a common place is in a realistic share of articles.
  let focus: readonly string[] = [];
  const articlePlace = (): string => (random.next() < 0.9 ? random.pick(focus) : place());
  const fill = (template: string, lang: Lang, people: readonly string[], places: string[]): string =>
    template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'P':
          return people[0] ?? '';
        case 'P2':
          return people[1] ?? '';
        case 'given':
          return (people[0] ?? '').split(' ').at(-1) ?? '';
        case 'L':
        case 'L2':
        case 'L3': {
          const p = articlePlace();
          if (!places.includes(p)) places.push(p);
          return p;
        }
        case 'C':
          return lang === 'vi' ? viCountry() : enCountry();
        case 'Cy':
          return city();
        case 'O':
          return lang === 'vi' ? random.pick(VI_ORGS) : random.pick(EN_ORGS);
        case 'R':
          return random.pick(VI_ROLES);
        case 'topic':
          return lang === 'vi' ? random.pick(VI_TOPICS) : random.pick(EN_TOPICS);
        case 'time':
          return random.pick(VI_TIMES);
        case 'day':
          return random.pick(EN_DAYS);
        case 'D':
        case 'D2':
          return day();
        case 'Y':
          return String(random.int(2018, 2026));
        case 'Y0':
          return String(random.int(2015, 2025));
        case 'M':
          return String(random.int(1, 12));
        case 'Mon':
          return random.pick(['January', 'March', 'May', 'July', 'September', 'November']);
        case 'k':
          return String(random.int(2, 9));
        case 'pct':
        case 'pct2':
          return `${String(random.int(1, 60))},${String(random.int(0, 9))}`.replace(
            ',',
            lang === 'vi' ? ',' : '.',
          );
        case 'ward':
          return `${random.pick(GIVEN)} ${random.pick(GIVEN)}`;
        default:
          return num();
      }
    });

  return {
    article(lang, targetChars) {
      const people = lang === 'vi' ? [viPerson(), viPerson()] : [enPerson(), enPerson()];
      focus = random.next() < 0.5 ? [place()] : [place(), place()];
      const places: string[] = [];
      const title = fill(random.pick(lang === 'vi' ? VI_TITLES : EN_TITLES), lang, people, places);
      const pool = lang === 'vi' ? VI_PARAGRAPHS : EN_PARAGRAPHS;
      const paragraphs: string[] = [];
      let length = 0;
      while (paragraphs.length < 2 || length < targetChars) {
        const raw = fill(random.pick(pool), lang, people, places);
        const p = raw.charAt(0).toUpperCase() + raw.slice(1);
        paragraphs.push(p);
        length += p.length + 2;
      }
      return { lang, title, paragraphs, who: people.slice(0, 1), where: places.slice(0, 3) };
    },
    queries(count, spelling = 'folded') {
      const kinds: Array<() => string> = [
        place,
        place,
        () => viPerson(),
        () => viPerson().split(' ').slice(-2).join(' '),
        () => random.pick(VI_TOPICS),
        () => `${random.pick(VI_TOPICS)} ${place()}`,
        city,
        () => enPerson(),
        () => random.pick(EN_TOPICS).replace(/^the /, ''),
        viCountry,
        enCountry,
      ];
      const spell = spelling === 'folded' ? foldAccents : (q: string): string => q;
      return Array.from({ length: count }, () => spell(random.pick(kinds)()).toLowerCase());
    },
  };
}
