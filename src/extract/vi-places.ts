/**
 * Vietnamese place mentions: unit-word patterns ("xã Trí Nang", "TP. Móng Cái", "tỉnh Quảng
 * Ninh"), gazetteer names (provinces old and new, countries, world cities), districts in
 * brackets or after "ở/tại", and venues after "tại/ở" ("tại Phủ Chủ tịch").
 */
import { canStartPlace, isDistrict, isDomestic, isSurname, knownPlace } from './gazetteer.ts';

/**
 * A place found in a sentence. Level: 1 country, 1.5 region of Vietnam ("miền Trung"), 2 province,
 * 3 district, 4 commune or island, 5 hamlet/street, 6 venue.
 */
export interface PlaceMention {
  readonly text: string;
  readonly index: number;
  readonly level: number;
}

// A capitalised syllable (or an acronym, or a number for "thôn 6B"-style names after a unit word).
const CAP = "\\p{Lu}[\\p{Ll}\\p{M}'’]*";
const NAME = `${CAP}(?:[ \\-]+${CAP})*`;

const UNIT_LEVEL: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:sân|sân đấu|sân vận động|phòng họp|dốc|chân dốc|đèo|Km)$/u, 6],
  [/^(?:đảo|quần đảo)$/u, 4],
  [/^(?:thôn|xóm|ấp|bản|làng|khu phố|tổ dân phố|đường|phố|hẻm|ngõ|ngách|quốc lộ|tỉnh lộ|khu vực)$/iu, 5],
  [/^(?:xã|phường|thị trấn|đặc khu)$/iu, 4],
  [/^(?:huyện|quận|thị xã)$/iu, 3],
  [/^(?:tỉnh|thủ đô)$/iu, 2],
];
const UNIT_RE = new RegExp(
  `(?<![\\p{L}])(thôn|xóm|ấp|bản|làng|khu phố|tổ dân phố|khu vực|đường|phố|hẻm|ngõ|ngách|quốc lộ|tỉnh lộ|xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|tỉnh|thủ đô|thành phố|TP\\.?|sân đấu|sân vận động|sân|phòng họp|chân dốc|dốc|đèo|quần đảo|đảo|Km)(?:\\s+|(?<=TP\\.))(${NAME}|(?:số\\s+)?\\d+[A-Z]?(?:\\+\\d+)?)(?![\\p{L}\\d])`,
  'gu',
);
const HCMC_RE = new RegExp(
  String.raw`(?<![\p{L}])(?:TP\.?\s?HCM|TPHCM|TP\.?\s?Hồ Chí Minh|Thành phố Hồ Chí Minh)(?![\p{L}])`,
  'gu',
);
const RUN_RE = new RegExp(`(?<![\\p{L}])${NAME}(?![\\p{L}])`, 'gu');
// Regions of Vietnam, which weather and disaster news give as the scene.
const REGION_RE = /(?<![\p{L}])(?:[Mm]iền (?:Bắc|Trung|Nam)|Tây Nguyên|Biển Đông)(?![\p{L}])/gu;
const REGION_LEVEL = 1.5;
const ENGLISH_WORD = /^[A-Z][a-z]+$/u;
// Not the scene: a number plate ("biển số TP.HCM"), a direction ("theo hướng Đà Lạt đi Quảng
// Ngãi"), a stock exchange ("sàn chứng khoán TP HCM"), a team ("CLB Hà Nội", "U23 Việt Nam").
const NOT_SCENE_BEFORE =
  /(?:biển số|biển kiểm soát|hướng|(?:^|\s)đi|sàn|chứng khoán|CLB|U\d{2}|tuyển(?: nữ| nam)?)\s+$/u;
// Where a patient or a load came from: "được chuyển lên từ Bệnh viện huyện X (Long An)".
const ORIGIN_BEFORE = /(?:chuyển|đưa)\s+(?:\S+\s+){0,2}?từ\s[^,;.]{0,60}$/u;
// A station in a list of readings: "Nông trường 15 (tỉnh Nghệ An) 119,2mm".
const READING_AFTER = /^\)\s*\d/u;
// A country tagging a title ("Trung Quốc: Động đất ...") or placing a city ("Paris (Pháp)").

// Second syllables that end a proper name in lower case ("Phủ Chủ tịch", "Trung tâm Triển lãm").
const TAIL = '(?:tịch|trường|lãm|nghị|tế|thư|phủ|hội|dân|sự|vụ|ương|tâm|viện|học|bay|sở)';
// Venues and named buildings after a locative preposition.
const VENUE_RE = new RegExp(
  `(?<![\\p{L}])(?:tại|ở|đến|xuống|bên ngoài|trước|trong)\\s+((?:Phủ|Nhà|Điện|Trung tâm|Hội trường|Cung|Văn phòng|Trụ sở|Tòa án|Bệnh viện|Trường|Sân vận động|Cảng|Sân bay|sân bay|cảng|Dinh|Khách sạn|Quảng trường)(?:\\s+(?:nhân dân|hàng không|quốc tế|(?:TP\\.?|tỉnh|thành phố)\\s+${CAP}|${CAP}(?:\\s+${TAIL}(?![\\p{L}]))?))*)`,
  'gu',
);
const NAME_BEFORE = new RegExp(String.raw`(\p{Lu}[\p{Ll}\p{M}]*)(?:\s\p{Lu}[\p{Ll}\p{M}]*){1,3}\s*$`, 'u');
const ROUTE_AFTER = new RegExp(String.raw`^\s[-–]\s\p{Lu}`, 'u');
const ROUTE_BEFORE = new RegExp(String.raw`\p{L}\s[-–]\s$`, 'u');
const AREA_BEFORE = /khu vực\s+(?:\p{Lu}\p{L}*\s+){0,3}(?:[-–]\s+)?$/u;
// A hospital that receives or treats patients is where a health story happens.
const HOSPITAL_RE = new RegExp(
  `(?<![\\p{L}])Bệnh viện\\s+${NAME}(?=\\s+(?:đã\\s+|vừa\\s+|đang\\s+)?(?:tiếp nhận|cấp cứu|phẫu thuật|mổ|điều trị|cứu sống))`,
  'gu',
);
const LOCATIVE_BEFORE = new RegExp(
  String.raw`(?:tại|ở|đến|tới|sang|khắp|trên|vào|về)\s+(?:(?!việc\s)\p{L}+\s+)?$`,
  'u',
);
const IN_NAME_BEFORE = new RegExp(String.raw`(?:\p{Lu}\p{L}*|gia|học|viện)\s$`, 'u');
const RESIDENCE = /(?:trú|ngụ|quê|sinh sống|cư trú|tạm trú|thường trú|sống)\s+(?:tại|ở)?\s*[^)]*$/u;

const unitLevel = (unit: string, name: string): number => {
  for (const [re, level] of UNIT_LEVEL) if (re.test(unit)) return level;
  // "thành phố"/"TP": a province-level city when the gazetteer knows it, else a district.
  return knownPlace(name) === null ? 3 : 2;
};

/** True when the mention sits inside a "(trú tại ...)" or after "ngụ ..." (a residence, not a venue). */
const isResidence = (sentence: string, index: number): boolean => {
  const before = sentence.slice(Math.max(0, index - 80), index);
  const open = before.lastIndexOf('(');
  const inBrackets = open >= 0 && !before.slice(open).includes(')');
  const scope = inBrackets ? before.slice(open) : before.slice(-30);
  if (RESIDENCE.test(scope)) return true;
  // "Nguyễn Văn Vũ (xã Long Hưng, thị xã Gò Công)": brackets after a person give an address.
  if (!inBrackets) return false;
  const head = sentence.slice(Math.max(0, index - 80), Math.max(0, index - before.length + open));
  const name = NAME_BEFORE.exec(head);
  return name !== null && isSurname(name[1] ?? '');
};

/** All place mentions in one sentence, longest first on overlaps, residence addresses dropped. */
export function findViPlaces(sentence: string): PlaceMention[] {
  const found: PlaceMention[] = [];
  const add = (text: string, index: number, level: number): void => {
    if (found.some((f) => index < f.index + f.text.length && f.index < index + text.length)) return;
    if (isResidence(sentence, index)) return;
    const after = sentence.slice(index + text.length, index + text.length + 6);
    const before = sentence.slice(Math.max(0, index - 8), index);
    // "(Hà Giang cũ)" names the old unit of a place already given; "Lào Cai - Hà Nội" is a route.
    // "khu vực Đà Nẵng – Quảng Nam" is an area, not a route.
    const route =
      (ROUTE_AFTER.test(after) || ROUTE_BEFORE.test(before)) &&
      !AREA_BEFORE.test(sentence.slice(Math.max(0, index - 30), index));
    if (/^\s+cũ\)/u.test(after) || route) return;
    if (NOT_SCENE_BEFORE.test(sentence.slice(Math.max(0, index - 20), index)) || READING_AFTER.test(after))
      return;
    if (ORIGIN_BEFORE.test(sentence.slice(Math.max(0, index - 90), index))) return;
    // A country is a scene only after a locative word, in a title tag or in brackets after a
    // city; otherwise it qualifies a noun ("Tổng thống Mỹ", "người dân Việt Nam").
    if (
      level === 1 &&
      !LOCATIVE_BEFORE.test(sentence.slice(Math.max(0, index - 24), index)) &&
      !(index === 0 && after.startsWith(':')) &&
      !(
        before.endsWith('(') &&
        after.startsWith(')') &&
        found.some((f) => f.index + f.text.length >= index - 2)
      )
    )
      return;
    found.push({ text, index, level });
  };
  for (const m of sentence.matchAll(HCMC_RE)) add(m[0], m.index, 2);
  for (const m of sentence.matchAll(REGION_RE)) add(m[0], m.index, REGION_LEVEL);
  if (sentence.includes('Bệnh viện')) for (const m of sentence.matchAll(HOSPITAL_RE)) add(m[0], m.index, 6);
  for (const m of sentence.matchAll(VENUE_RE)) {
    const venue = m[1] ?? '';
    if (venue.split(' ').length >= 2) add(venue, m.index + m[0].length - venue.length, 6);
  }
  for (const m of sentence.matchAll(UNIT_RE)) {
    const unit = m[1] ?? '';
    let name = m[2] ?? '';
    // Stop the name before a following province or country ("huyện Lang Chánh Thanh Hóa" is rare;
    // "TP Phú Quốc Kiên Giang" does not occur) — but do cut a trailing person name.
    const words = name.split(' ');
    for (let i = 1; i < words.length; i++) {
      if (isSurname(words[i] ?? '') && words.length - i >= 2) {
        name = words.slice(0, i).join(' ');
        break;
      }
    }
    // As written ("TP.Phủ Lý" keeps its missing space), without a cut-off person name.
    add(m[0].slice(0, m[0].length - (m[2] ?? '').length + name.length), m.index, unitLevel(unit, name));
  }
  for (const m of sentence.matchAll(RUN_RE)) {
    const words = m[0].split(/\s+/u);
    // A run that starts with a surname and goes on is a person ("Nguyễn Hòa Bình", "Hồ Chí Minh"
    // after "Chủ tịch"), unless the whole run is itself a known place.
    if (isSurname(words[0] ?? '') && words.length >= 3 && knownPlace(m[0]) === null) continue;
    // Longest known name inside the run, scanning from each start ("Mỹ Donald Trump" -> "Mỹ").
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
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Drops countries when a more specific place is given: "tại Phủ Chủ tịch ... tại Việt Nam" adds
 * nothing. A foreign country stays when no place found is Vietnamese, since the gazetteer does
 * not know the places of a story abroad ("thành phố Lô Định, tỉnh Tứ Xuyên", "Paris (Pháp)").
 */
export function withoutNeedlessCountries<T extends PlaceMention>(places: readonly T[]): T[] {
  if (!places.some((p) => p.level > 1)) return [...places];
  const abroad = !places.some((p) => p.level > 1 && isDomestic(p.text.replace(UNIT_PREFIX, '')));
  return places.filter((p) => p.level > 1 || (abroad && !HOME.test(p.text)));
}
const UNIT_PREFIX = /^(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s*/u;
const HOME = /^(?:Việt Nam|Vietnam|Viet Nam|Biển Đông)$/u;
