/**
 * Place names that do not give the scene of a story: an address of residence, a route or a
 * road segment's ends, a number plate, a team, a time zone, an origin, a distance reference.
 */
import { isSurname } from './gazetteer.ts';

// Not the scene: a number plate ("biển số TP.HCM"), a direction ("theo hướng (từ) Đà Lạt đi Quảng
// Ngãi"), a stock exchange ("sàn chứng khoán TP HCM"), a team ("CLB Hà Nội", "U23 Việt Nam", "trên
// đội Singapore", "Viettel 1-0 Hà Tĩnh", "vs TPHCM", "thắng chật vật Hà Tĩnh"), a time zone ("giờ
// Hà Nội"), a firm's seat ("có trụ sở tại Mỹ"), where a person is from or whom a player plays
// for ("người Hà Tĩnh", "Phạm Minh Tuấn của Đà Nẵng").
const NOT_SCENE_BEFORE =
  /(?:(?:^|\s)người(?: gốc)?|(?:^|\s)của|biển số|biển kiểm soát|hướng(?: từ)?|(?:^|\s)đi|sàn|chứng khoán|CLB|U\d{2}|tuyển(?: nữ| nam)?|(?:^|\s)đội(?: bóng| khách| chủ nhà)?|(?:^|[\s(])giờ|vs\.?|\d\s?[-–]\s?\d+|(?:^|\s)(?<!Cộng\s)(?:thắng|hạ|đánh bại|thua|hòa|cầm hòa)(?: chật vật| sát nút| dễ dàng| nhọc nhằn| đậm| trước)?|trụ sở(?: chính)? (?:tại|ở))\s+$/u;
// The ends of a stretch of road: "(đoạn từ đường X đến đường Y)".
const SEGMENT_END = /đoạn từ\s(?:[^,;.()]{1,50}\sđến\s)?$/u;
// A team that plays: "Hà Nội ghi 2 bàn", "Hà Nội thắng HAGL 2-1", "Hà Tĩnh 0-1 Viettel".
const NOT_SCENE_AFTER =
  /^\s(?:vs\.?|\d+\s?[-–]\s?\d|ghi(?:\s\d+)?\sbàn|(?:thắng|thua|hòa|cầm hòa|đánh bại|vô địch)(?=\s[\p{Lu}\d]))/u;
// The two sides of "trận đấu giữa HAGL và Nam Định", "giữa Viettel và Hồng Lĩnh Hà Tĩnh".
const BETWEEN_BEFORE = /giữa\s(?:(?!tại |ở |trên )[^\s,.;]+\s){0,4}?(?:và\s(?:[^\s,.;]+\s){0,3})?$/u;
const BETWEEN_AFTER = /^(?:\s[^\s,.;]+){0,3}\svà\s/u;
// Where a patient or a load came from: "được chuyển lên từ Bệnh viện huyện X (Long An)".
const ORIGIN_BEFORE = /(?:chuyển|đưa)\s+(?:\S+\s+){0,2}?từ\s[^,;.]{0,60}$/u;
// A station in a list of readings: "Nông trường 15 (tỉnh Nghệ An) 119,2mm".
const READING_AFTER = /^\)\s*\d/u;
const NAME_BEFORE = new RegExp(String.raw`(\p{Lu}[\p{Ll}\p{M}]*)(?:\s\p{Lu}[\p{Ll}\p{M}]*){1,3}\s*$`, 'u');
const ROUTE_AFTER = new RegExp(String.raw`^\s[-–]\s\p{Lu}`, 'u');
const ROUTE_BEFORE = new RegExp(String.raw`\p{L}\s[-–]\s$`, 'u');
const AREA_BEFORE = /khu vực\s+(?:\p{Lu}\p{L}*\s+){0,3}(?:[-–]\s+)?$/u;
const RESIDENCE = /(?:trú|ngụ|quê|sinh sống|cư trú|tạm trú|thường trú|sống)\s+(?:tại|ở)?\s*[^)]*$/u;

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
  // "sống ở đường Nguyễn Trãi (quận Thanh Xuân)": brackets after an address are part of it.
  if (RESIDENCE.test(head.slice(-40))) return true;
  const name = NAME_BEFORE.exec(head);
  // "đường Đồng Khởi (đoạn từ ...)": a place, not a person, is named before the brackets.
  return name !== null && isSurname(name[1] ?? '') && !UNIT_JUST_BEFORE.test(head.slice(0, name.index));
};
const UNIT_JUST_BEFORE = /(?:đường|phố|xã|phường|thị trấn|huyện|quận|tỉnh|thành phố|TP\.?|thôn|ấp|bản)\s$/u;

/** "trận đấu giữa HAGL và Nam Định": both sides are teams or parties, not the scene. */
const isBetween = (sentence: string, index: number, length: number): boolean => {
  if (!sentence.includes('giữa')) return false;
  const before = sentence.slice(Math.max(0, index - 50), index);
  if (!BETWEEN_BEFORE.test(before)) return false;
  return (
    before.slice(before.lastIndexOf('giữa')).includes(' và ') ||
    BETWEEN_AFTER.test(sentence.slice(index + length, index + length + 40))
  );
};

/** True when the place mention at `index` is not where the story happens. */
export function isNotScene(sentence: string, index: number, text: string, level: number): boolean {
  if (isResidence(sentence, index)) return true;
  const after = sentence.slice(index + text.length, index + text.length + 6);
  const before = sentence.slice(Math.max(0, index - 8), index);
  // "(Hà Giang cũ)" names the old unit of a place already given; "Lào Cai - Hà Nội" is a route.
  // "khu vực Đà Nẵng – Quảng Nam" is an area, not a route.
  const route =
    (ROUTE_AFTER.test(after) || ROUTE_BEFORE.test(before)) &&
    !AREA_BEFORE.test(sentence.slice(Math.max(0, index - 30), index));
  if (/^\s+cũ\)/u.test(after) || route) return true;
  if (NOT_SCENE_BEFORE.test(sentence.slice(Math.max(0, index - 20), index)) || READING_AFTER.test(after))
    return true;
  if (
    NOT_SCENE_AFTER.test(sentence.slice(index + text.length, index + text.length + 16)) ||
    ORIGIN_BEFORE.test(sentence.slice(Math.max(0, index - 90), index))
  )
    return true;
  if (level <= 3 && isBetween(sentence, index, text.length)) return true;
  // "(đoạn từ đường Lê Thánh Tôn đến đường Nguyễn Thiệp)": the ends of a stretch of road.
  if (sentence.includes('đoạn từ') && SEGMENT_END.test(sentence.slice(Math.max(0, index - 60), index)))
    return true;
  // "cách Hà Nội 150 km" measures from a city; "cách đảo Cồn Cỏ 20 hải lý" does give the scene.
  if (level <= 3 && /cách(?: trung tâm)?\s$/u.test(sentence.slice(Math.max(0, index - 20), index)))
    return true;
  return false;
}
