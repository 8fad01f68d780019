/**
 * Vietnamese place mentions: unit-word patterns ("xã Trí Nang", "TP. Móng Cái", "tỉnh Quảng
 * Ninh"), gazetteer names (provinces old and new, countries, world cities), districts in
 * brackets or after "ở/tại", and venues after "tại/ở" ("tại Phủ Chủ tịch").
 */
import { canStartPlace, isDistrict, isDomestic, isSurname, knownPlace } from './gazetteer.ts';
import { isNotScene } from './vi-not-scene.ts';

/**
 * A place found in a sentence. Level: 1 country, 1.5 region of Vietnam ("miền Trung"), 2 province,
 * 3 district, 4 commune or island, 5 hamlet/street, 6 venue.
 */
export interface PlaceMention {
  readonly text: string;
  readonly index: number;
  readonly level: number;
  /** A country written right after a foreign place ("tỉnh Houaphan (Lào)"): it says where that is. */
  readonly qualifies?: true;
}

// A capitalised syllable (or an acronym, or a number for "thôn 6B"-style names after a unit word).
const CAP = "\\p{Lu}[\\p{Ll}\\p{M}'’]*";
const NAME = `${CAP}(?:[ \\-]+${CAP})*`;

const UNIT_LEVEL: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:sân|sân đấu|sân vận động|phòng họp|dốc|chân dốc|đèo|[Mm]ốc|cột mốc)$/u, 6],
  [/^(?:đảo|quần đảo)$/u, 4],
  [
    /^(?:thôn|xóm|ấp|bản|làng|khu phố|tổ dân phố|đường|phố|hẻm|ngõ|ngách|quốc lộ|tỉnh lộ|khu vực|cửa khẩu|vùng biển|bãi biển|nút giao|ngã tư|ngã ba)$/iu,
    5,
  ],
  [/^(?:xã|phường|thị trấn|đặc khu)$/iu, 4],
  [/^(?:huyện|quận|thị xã)$/iu, 3],
  [/^(?:tỉnh|thủ đô)$/iu, 2],
];
// The unit word is matched first and its start checked after (a look-behind on the captured
// word): V8 then skips to candidate words instead of testing a look-behind at every position,
// which made this the slowest pattern here.
const UNIT_RE = new RegExp(
  `(thôn|xóm|ấp|bản|làng|khu phố|tổ dân phố|khu vực|địa bàn|đường|phố|hẻm|ngõ|ngách|quốc lộ|tỉnh lộ|cửa khẩu|vùng biển|bãi biển|nút giao|ngã tư|ngã ba|xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|tỉnh|thủ đô|thành phố|TP\\.?|sân đấu|sân vận động|sân|phòng họp|chân dốc|dốc|đèo|quần đảo|đảo|cột mốc|[Mm]ốc)(?<![\\p{L}]\\1)(?:\\s+|(?<=TP\\.))(${NAME}|(?:số\\s+)?\\d+[A-Z]?(?:\\+\\d+)?)(?![\\p{L}\\d])`,
  'gu',
);
// Capitalised units: "Quận 1", "Huyện Môn Nguyên" (rarer, so a pattern of their own).
const CAPITAL_UNIT_RE = new RegExp(
  `(Huyện|Quận|Phường|Xã|Thành phố|Tỉnh)(?<![\\p{L}]\\1)\\s+(${NAME}|\\d+[A-Z]?)(?![\\p{L}\\d])`,
  'gu',
);
// A street address after a locative word: "tại số 96 Nguyễn Du", "ở số 176 Xuân Diệu".
const ADDRESS_RE = new RegExp(`(?:tại|ở)\\s+(số\\s+\\d+[A-Z]?(?:\\/\\d+)?\\s+${NAME})(?![\\p{L}\\d])`, 'gu');
// "Chủ tịch UBND thành phố Nguyễn Đức Chung": the unit belongs to the office, the name to a person.
const OFFICE_BEFORE = /(?:UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân|Thành ủy|Tỉnh ủy)\s+$/u;
// Kilometre posts: "Km 12+300", "km472" (a distance, "cách 5 km", has no number after it).
const KM_RE = /[Kk]m(?<![\p{L}\d][Kk]m)\s?\d+(?:\+\d+)?(?![\p{L}\d])/gu;
// More names of the same unit after one: "xã Tà Cà, Tây Sơn và thị trấn ...", "huyện Bắc Trà My và
// Nam Trà My"; a bracketed unknown name is the parent unit: "thị trấn Noọng Hét (Xiêng Khoảng)".
const LIST_NEXT_RE = new RegExp(`^(?:,\\s*|\\s+và\\s+)(${NAME})(?=[,.;…]|\\s+và\\s|\\s*$)`, 'u');
// A junction names two streets: "nút giao Nguyễn Chí Thanh – La Thành".
const JUNCTION_NEXT_RE = new RegExp(`^\\s*[-–]\\s*${NAME}`, 'u');
const MARK_THRESHOLD = /^(?:[.,]\d|\s*(?:%|điểm|tỷ|triệu|nghìn|ngàn|đồng|USD|năm))/u;
const PARENT_RE = new RegExp(`^\\s*\\((${NAME})\\)`, 'u');
// After a locative word, a city the gazetteer does not know, placed by its country: "tại
// Tashkent, Uzbekistan".
const LOCATIVE_JUST_BEFORE = /(?:tại|ở|đến|tới|sang) $/u;
const COUNTRY_AFTER = new RegExp(`^(?:,\\s?|\\s?\\()(${NAME})`, 'u');
const HCMC_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:TP\.?\s?HCM|TPHCM|TP\.?\s?Hồ Chí Minh|Thành phố Hồ Chí Minh)(?![\p{L}])`,
  'gu',
);
// The start is checked after the first capital (not at every position): a third faster.
const RUN_RE = new RegExp(
  `\\p{Lu}(?<![\\p{L}]\\p{Lu})[\\p{Ll}\\p{M}'’]*(?:[ \\-]+${CAP})*(?![\\p{L}])`,
  'gu',
);
// Regions of Vietnam, which weather and disaster news give as the scene ("khu vực Bắc Bộ", "các
// tỉnh Nam Trung Bộ", "vùng Đồng bằng sông Cửu Long").
const REGION_RE =
  /([Mm]iền (?:Bắc|Trung|Nam)|(?:Bắc|Nam) Trung [Bb]ộ|(?:Bắc|Trung|Nam) [Bb]ộ|Tây Nguyên|[Đđ]ồng bằng sông (?:Cửu Long|Hồng)|Biển Đông)(?<![\p{L}]\1)(?![\p{L}])/gu;
const REGION_LEVEL = 1.5;
const ENGLISH_WORD = /^[A-Z][a-z]+$/u;
// A country tagging a title ("Trung Quốc: Động đất ...") or placing a city ("Paris (Pháp)").

// Second syllables that end a proper name in lower case ("Phủ Chủ tịch", "Trung tâm Triển lãm",
// "Bệnh viện Đa khoa", "Bảo tàng Mỹ thuật", "Nhà hát Thành phố", "TAND Tối cao").
const TAIL =
  '(?:tịch|trường|lãm|nghị|tế|thư|phủ|hội|dân|sự|vụ|ương|tâm|viện|học|bay|sở|an|cao|phố|thuật|khoa|hóa|hoá|thao|gia|niệm|sử)';
const ACRONYM = '\\p{Lu}{2,}(?![\\p{L}])';
// The words of a venue's name after its head: capitalised syllables with their lower-case second
// syllables, acronyms ("Trường ĐH", "TAND"), dashes ("Việt - Xô").
const VENUE_NAME = `(?:\\s+(?:nhân dân|hàng không|quốc tế|(?:TP\\.?|tỉnh|thành phố)\\s+${CAP}|${ACRONYM}|${CAP}(?:\\s+${TAIL}(?![\\p{L}]))?)|\\s[-–]\\s${CAP})*`;
const VENUE_HEAD =
  '(?:Phủ|trụ sở|Nhà hát|Nhà [Vv]ăn hóa|Nhà thi đấu|Nhà|Điện|Trung tâm|Hội trường|Cung [Vv]ăn hóa|Cung|Văn phòng|Trụ sở|Tòa án|Tòa [Pp]húc thẩm|Tòa|Trại [Tt]ạm giam|Trại giam|Bệnh viện|BV|Bảo tàng|Thư viện|Học viện|Trường|Sân vận động|Cảng|Sân bay|sân bay|cảng|Dinh|Khách sạn|Quảng trường|Công viên|Nhà thờ|Chùa|Đền)';
// Venues and named buildings after a locative preposition or a visit ("thăm Bảo tàng ...").
const VENUE_RE = new RegExp(
  `(tại|ở|đến|xuống|bên ngoài|trước|trong|thăm|tham quan)(?<![\\p{L}]\\1)\\s+((?:trụ sở\\s+|khuôn viên\\s+)?${VENUE_HEAD}${VENUE_NAME})`,
  'gu',
);
// A hospital that receives or treats patients is where a health story happens; a school or a
// museum that holds a ceremony is where that ceremony is ("Trường ĐH X tổ chức lễ tốt nghiệp").
const HOSPITAL_RE = new RegExp(
  `(?<![\\p{L}])(?:Bệnh viện|BV)${VENUE_NAME}(?=\\s+(?:đã\\s+|vừa\\s+|đang\\s+)?(?:(?:lần đầu tiên|lần đầu)\\s+)?(?:thực hiện thành công|thực hiện|tiếp nhận|cấp cứu|phẫu thuật|mổ|điều trị|cứu sống|nội soi|gắp|can thiệp|ghép))`,
  'gu',
);
const HOST_RE = new RegExp(
  `(?<![\\p{L}])(?:Trường|Học viện|Đại học|Bảo tàng|Nhà hát|Bệnh viện)${VENUE_NAME}(?=\\s+(?:đã\\s+|vừa\\s+)?tổ chức\\s)`,
  'gu',
);
// "chuyến thăm Australia", "thăm chính thức Việt Nam": the country of a visit is its scene ("mong
// đón ... thăm Việt Nam" only wishes for one); a part of it, "rung chuyển tây bắc Trung Quốc".
const LOCATIVE_BEFORE = new RegExp(
  String.raw`(?:(?:tại|ở|đến|tới|sang|khắp|trên|vào|về)\s+(?:(?!việc\s)\p{L}+\s+)?|chuyến thăm\s+(?:chính thức\s+|cấp nhà nước\s+|làm việc\s+)?|thăm\s+(?:chính thức|cấp nhà nước|làm việc)\s+|(?:^|\s)(?:đông|tây|nam|bắc)(?: nam| bắc)?\s)$`,
  'u',
);
// "Cộng hòa Bulgaria", "Liên bang Nga": the formal name is written as part of the country's.
const FORMAL_BEFORE = /(?:Cộng hòa|Cộng hoà|Vương quốc|Liên bang)\s$/u;
const IN_NAME_BEFORE = new RegExp(String.raw`(?:\p{Lu}\p{L}*|gia|học|viện)\s$`, 'u');

const unitLevel = (unit: string, name: string): number => {
  for (const [re, level] of UNIT_LEVEL) if (re.test(unit)) return level;
  // "thành phố"/"TP": a province-level city when the gazetteer knows it, else a district.
  return knownPlace(name) === null ? 3 : 2;
};

/** All place mentions in one sentence, longest first on overlaps, residence addresses dropped. */
export function findViPlaces(sentence: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  const add = (text: string, index: number, level: number): boolean => {
    if (found.some((f) => index < f.index + f.text.length && f.index < index + text.length)) return false;
    if (isNotScene(sentence, index, text, level)) return false;
    const after = sentence.slice(index + text.length, index + text.length + 6);
    const before = sentence.slice(Math.max(0, index - 8), index);
    if (level === 1) return addCountry(text, index, before, after);
    found.push({ text, index, level });
    return true;
  };
  // A country is a scene only after a locative word, in a title tag or right after a place
  // ("Paris (Pháp)", "Tashkent, Uzbekistan"); otherwise it qualifies a noun ("Tổng thống Mỹ").
  const addCountry = (name: string, at: number, before: string, after: string): boolean => {
    const formal = FORMAL_BEFORE.exec(sentence.slice(Math.max(0, at - 12), at));
    const index = formal === null ? at : at - formal[0].length;
    const text = formal === null ? name : sentence.slice(index, at + name.length);
    const placed =
      (before.endsWith('(') && after.startsWith(')')) || (/,\s?$/u.test(before) && !before.endsWith('('));
    const place = placed
      ? found.find((f) => f.level > 1 && f.index < at && f.index + f.text.length >= at - 2)
      : undefined;
    if (
      place === undefined &&
      !LOCATIVE_BEFORE.test(sentence.slice(Math.max(0, index - 24), index)) &&
      !(index === 0 && after.startsWith(':'))
    )
      return false;
    // A country after a foreign place says where that place is: it stays beside Vietnamese ones.
    const foreign = place !== undefined && !isDomestic(place.text.replace(UNIT_PREFIX, ''));
    found.push(foreign ? { text, index, level: 1, qualifies: true } : { text, index, level: 1 });
    return true;
  };
  for (const m of matchesOf(HCMC_RE, sentence)) add(m[0], m.index, 2);
  for (const m of matchesOf(REGION_RE, sentence)) add(m[0], m.index, REGION_LEVEL);
  if (sentence.includes('Bệnh viện') || sentence.includes('BV ')) {
    for (const m of matchesOf(HOSPITAL_RE, sentence)) add(m[0], m.index, 6);
  }
  if (sentence.includes(' tổ chức ')) for (const m of matchesOf(HOST_RE, sentence)) add(m[0], m.index, 6);
  for (const m of matchesOf(VENUE_RE, sentence)) {
    const venue = m[2] ?? '';
    if (venue.split(' ').length >= 2) add(venue, m.index + m[0].length - venue.length, 6);
  }
  const km = sentence.includes('km') || sentence.includes('Km');
  for (const m of km ? matchesOf(KM_RE, sentence) : []) {
    // "dài 12 km 300 m" is a length.
    if (!/\d\s*$/u.test(sentence.slice(Math.max(0, m.index - 3), m.index))) add(m[0], m.index, 6);
  }
  if (sentence.includes('số ')) {
    for (const m of matchesOf(ADDRESS_RE, sentence))
      add(m[1] ?? '', m.index + m[0].length - (m[1] ?? '').length, 5);
  }
  // Capitalised units first: "Thành phố Hà Nội" holds the unit word "phố".
  for (const m of matchesOf(CAPITAL_UNIT_RE, sentence)) addUnit(sentence, m, add);
  for (const m of matchesOf(UNIT_RE, sentence)) addUnit(sentence, m, add);
  for (const m of matchesOf(RUN_RE, sentence)) addKnownNames(sentence, m, add);
  return found.sort((a, b) => a.index - b.index);
}

/** All matches of a global pattern: an exec loop, since matchAll clones the pattern on each call. */
function matchesOf(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m);
  return out;
}

type Add = (text: string, index: number, level: number) => boolean;

/** A unit-word place ("xã Tà Cà"), with the names listed after it and its bracketed parent. */
function addUnit(sentence: string, m: RegExpExecArray, add: Add): void {
  const unit = m[1] ?? '';
  let name = m[2] ?? '';
  // "tại địa bàn Dốc Má": an area the gazetteer does not know, written without its own unit word
  // (a known one, "trên địa bàn Hà Nội", is found by its name; "từ địa bàn Tây Bắc" is an origin).
  if (unit === 'địa bàn') {
    const at = /(?:tại|ở|trên) $/u.test(sentence.slice(Math.max(0, m.index - 5), m.index));
    if (at && knownPlace(name) === null && !isDistrict(name) && !/^\d/u.test(name))
      add(name, m.index + m[0].length - name.length, 5);
    return;
  }
  // Cut a trailing person name ("xã X Nguyễn Văn A"), unless the whole name is a district
  // ("huyện Nam Trà My": "Trà" is also a surname).
  const words = name.split(' ');
  if (
    words.length >= 3 &&
    isSurname(words[0] ?? '') &&
    !isDistrict(name) &&
    knownPlace(name) === null &&
    OFFICE_BEFORE.test(sentence.slice(Math.max(0, m.index - 24), m.index))
  )
    return;
  // A unit named after a person ("phường Nguyễn Thái Bình") is not cut either.
  for (let i = 1; i < words.length - 1 && !isSurname(words[0] ?? ''); i++) {
    if (isSurname(words[i] ?? '')) {
      if (!isDistrict(name) && knownPlace(name) === null) name = words.slice(0, i).join(' ');
      break;
    }
  }
  // As written ("TP.Phủ Lý" keeps its missing space), without a cut-off person name.
  let text = m[0].slice(0, m[0].length - (m[2] ?? '').length + name.length);
  const level = unitLevel(unit, name);
  let end = m.index + text.length;
  if (level === 5 && /^(?:nút giao|ngã tư|ngã ba)$/u.test(unit)) {
    const next = JUNCTION_NEXT_RE.exec(sentence.slice(end, end + 60));
    if (next !== null) text += next[0];
  }
  // "Mốc 1368" is a border marker (written with a capital or in a story about the border);
  // "vượt mốc 2.000 điểm", "đến mốc 2030 năm" are thresholds.
  if (
    /^(?:cột mốc|[Mm]ốc)$/u.test(unit) &&
    (MARK_THRESHOLD.test(sentence.slice(end, end + 8)) || !/^M|biên giới/u.test(`${unit} ${sentence}`))
  )
    return;
  if (!add(text, m.index, level)) return;
  end = m.index + text.length;
  const parent = PARENT_RE.exec(sentence.slice(end, end + 40));
  if (
    parent?.[1] !== undefined &&
    knownPlace(parent[1]) === null &&
    level >= 3 &&
    !isSurname(parent[1].split(' ')[0] ?? '')
  ) {
    add(parent[1], end + parent[0].indexOf(parent[1]), Math.max(2, level - 1));
    return;
  }
  // A list: each next name that the gazetteer does not know as a province or country.
  for (let n = 0; n < 4 && level >= 3 && level <= 5; n++) {
    const next = LIST_NEXT_RE.exec(sentence.slice(end, end + 60));
    const item = next?.[1];
    if (next === null || item === undefined || knownPlace(item) !== null) return;
    if (isSurname(item.split(' ')[0] ?? '') && item.includes(' ') && !isDistrict(item)) return;
    const at = end + next[0].length - item.length;
    if (!add(item, at, level)) return;
    end = at + item.length;
  }
}

/** "tại Tashkent, Uzbekistan": an unknown run after a locative word, followed by a country. */
const isForeignCity = (sentence: string, m: RegExpExecArray): boolean => {
  const end = m.index + m[0].length;
  // Only a comma or a bracket may follow (cheap test first: most runs fail it).
  if (sentence[end] !== ',' && !(sentence[end] === ' ' && sentence[end + 1] === '(')) return false;
  if (!LOCATIVE_JUST_BEFORE.test(sentence.slice(Math.max(0, m.index - 5), m.index))) return false;
  const country = COUNTRY_AFTER.exec(sentence.slice(end, end + 40))?.[1];
  return country !== undefined && knownPlace(country) === 1 && knownPlace(m[0]) === null && !isDistrict(m[0]);
};

/** Gazetteer names inside a capitalised run, longest first ("Mỹ Donald Trump" -> "Mỹ"). */
function addKnownNames(sentence: string, m: RegExpExecArray, add: Add): void {
  const words = m[0].split(/\s+/u);
  // A run that starts with a surname and goes on is a person ("Nguyễn Hòa Bình", "Hồ Chí Minh"
  // after "Chủ tịch"), unless the whole run is itself a known place.
  if (isSurname(words[0] ?? '') && words.length >= 3 && knownPlace(m[0]) === null) return;
  if (isForeignCity(sentence, m)) {
    add(m[0], m.index, 2);
    return;
  }
  let offset = m.index;
  for (let i = 0; i < words.length; offset += (words[i]?.length ?? 0) + 1, i++) {
    const prev = sentence.slice(Math.max(0, offset - 9), offset);
    // "Chủ tịch Hồ Chí Minh", "Bác Hồ Chí Minh", "tư tưởng Hồ Chí Minh" name the person.
    if (/(?:Chủ tịch|Bác|tưởng) $/u.test(prev)) break;
    // Inside a longer proper name ("ĐH Quốc gia Hà Nội", "Trường THPT Chuyên X") a place
    // name names the institution, not the scene.
    if (i === 0 && offset > 0 && IN_NAME_BEFORE.test(prev)) {
      if (!/^(?:Tại|Ở|Từ|Đến|Trong|Theo)\s$/u.test(sentence.slice(0, offset))) break;
    }
    if (!canStartPlace(words[i] ?? '')) continue;
    const bracketOrLocative = /(?:\(|ở |tại )$/u.test(prev);
    // Place names have at most five words ("Bà Rịa - Vũng Tàu").
    for (let j = Math.min(words.length, i + 5); j > i; j--) {
      const cand = words.slice(i, j).join(' ');
      const level = knownPlace(cand);
      // "Bangkok Post", "Hanoi Times": a place name followed by an English word names a paper or a firm.
      if (
        level !== null &&
        j < words.length &&
        ENGLISH_WORD.test(words[j] ?? '') &&
        knownPlace(words[j] ?? '') === null
      )
        break;
      if (level !== null || (bracketOrLocative && isDistrict(cand))) {
        add(cand, offset, level ?? 3);
        for (let k = i + 1; k < j; k++) offset += (words[k - 1]?.length ?? 0) + 1;
        i = j - 1;
        break;
      }
    }
  }
}

/**
 * Drops countries when a more specific place is given: "tại Phủ Chủ tịch ... tại Việt Nam" adds
 * nothing. A foreign country stays when no place found is Vietnamese, since the gazetteer does
 * not know the places of a story abroad ("thành phố Lô Định, tỉnh Tứ Xuyên", "Paris (Pháp)"), and
 * one written right after a foreign place stays beside Vietnamese ones ("tỉnh Houaphan (Lào)").
 */
export function withoutNeedlessCountries<T extends PlaceMention>(places: readonly T[]): T[] {
  if (!places.some((p) => p.level > 1)) return [...places];
  const abroad = !places.some((p) => p.level > 1 && isDomestic(p.text.replace(UNIT_PREFIX, '')));
  return places.filter((p) => p.level > 1 || ((abroad || p.qualifies === true) && !HOME.test(p.text)));
}
const UNIT_PREFIX = /^(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s*/u;
const HOME = /^(?:Việt Nam|Vietnam|Viet Nam|Biển Đông)$/u;
