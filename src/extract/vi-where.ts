/**
 * Vietnamese where: the places of the title and lead (vi-places.ts finds them per sentence),
 * most specific first, countries only where they add something.
 */
import { dedupe } from './dedupe-names.ts';
import type { PlaceMention } from './vi-places.ts';
import { findViPlaces, withoutNeedlessCountries } from './vi-places.ts';

export const MAX_WHERE = 5;
/** Body sentences always read after the title (the lead). */
const LEAD_SENTENCES = 2;
/** Where reads up to this many body sentences, beyond the lead only while none is found. */
const WHERE_SENTENCES = 4;
/** A later sentence may still give the event's site or refine a place, up to this one. */
const SITE_SENTENCES = 8;
/**
 * A sentence that gives the event's site: "... diễn ra / được tổ chức (lưu động) ... tại X",
 * "Động đất này xảy ra tại X", "trận đấu trên sân X ... diễn ra", "Tâm chấn ... nằm ở X".
 */
const EVENT_SITE =
  /(?:(?:diễn ra|xảy ra|tổ chức|[Tt]âm chấn)(?![\p{L}])[^.]{0,60}?(?:tại|ở|trên)\s|(?:tại|ở|trên)\s[^.]{0,80}?(?:diễn ra|xảy ra)(?![\p{L}]))/u;
/** A line of related headlines run together with no full stop: "... về quê mai táng |". */
const LINK_LINE = /[^.!?…"”)\s]\s*\|$/u;
/** The title again, give or take a final full stop (a length test first: most sentences differ). */
const isTitle = (s: string, plain: string): boolean =>
  s.length - plain.length <= 1 && s.startsWith(plain) && /^\.?$/u.test(s.slice(plain.length));
/** Venues and named buildings (vi-places.ts levels). */
const VENUE_LEVEL = 6;
const UNIT_WORD = /^(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn)\s*/iu;

export interface ViWhere {
  readonly where: string[];
  /** The first sentence a place was found in, or null when none was. */
  readonly evidence: string | null;
}

type Found = PlaceMention & { order: number };

/**
 * @param hasAgents the article names an agent: national figures with nobody acting name the
 * country ("Xuất khẩu ... của Việt Nam ..."), a statement by an agent does not.
 */
export function findViWhere(title: string, sentences: readonly string[], hasAgents: boolean): ViWhere {
  const places: Found[] = [];
  let evidence: string | null = null;
  let n = 0;
  const take = (s: string, keep: (p: PlaceMention) => boolean = () => true): void => {
    for (const p of findViPlaces(s)) {
      if (!keep(p)) continue;
      places.push({ ...p, order: n++ });
      evidence ??= s;
    }
  };
  // Body sentences as read: the title given again as the first one, and a line of related
  // headlines, say nothing of their own.
  const plain = title.endsWith('.') ? title.slice(0, -1) : title;
  const body = sentences
    .slice(0, SITE_SENTENCES + 1)
    .filter((s) => !isTitle(s, plain) && !(s.endsWith('|') && LINK_LINE.test(s)));
  // Title and lead; the next sentences only while nothing is found (the connection points of
  // 000 follow the lead: "Hội nghị được tổ chức trực tuyến tại ...").
  take(title);
  let read = 0;
  for (; read < WHERE_SENTENCES && (read < LEAD_SENTENCES || places.length === 0); read++)
    take(body[read] ?? '');
  let keys: string[] = [];
  let keyed = -1;
  for (const s of body.slice(read, SITE_SENTENCES)) {
    const site = / ra|tổ chức|âm chấn/u.test(s) ? EVENT_SITE.exec(s) : null;
    if (places.length === 0) {
      // Nothing in the lead: a later sentence that states where the event took place ("Cuộc họp
      // diễn ra ... tại Văn phòng Chính phủ") still names the scene.
      if (site !== null) take(s);
      continue;
    }
    // A later sentence may refine a place already found, in an address written with it:
    // "Động đất này xảy ra tại huyện Nam Trà My, tỉnh Quảng Nam" after "... ở Quảng Nam".
    if (keyed !== places.length) {
      keys = [...new Set(places.filter((p) => p.level > 1).map((p) => placeName(p.text)))];
      keyed = places.length;
    }
    if (keys.some((k) => inAddress(s, k))) {
      const here = findViPlaces(s);
      const refined = addressesOf(s, here, keys);
      for (const p of here) {
        if (refined.has(p) || (site !== null && p.level >= VENUE_LEVEL)) {
          places.push({ ...p, order: n++ });
          evidence ??= s;
        }
      }
    } else if (site !== null && places.every((p) => p.level < 2)) {
      // Only a country or a region so far: a site sentence says where in it ("Tâm chấn ... nằm ở
      // Huyện Môn Nguyên, tỉnh Thanh Hải" after "... tây bắc Trung Quốc").
      take(s, (p) => p.level >= 2);
    } else if (site !== null) {
      // A site sentence gives its venue: "Phiên tòa được tổ chức lưu động tại Trại Tạm giam ...";
      // only the words around the site phrase are read.
      take(
        s.slice(Math.max(0, site.index - 60), site.index + site[0].length + 80),
        (p) => p.level >= VENUE_LEVEL,
      );
    }
  }
  // A country beside a place inside it adds nothing, unless the story is abroad; alone it may be the scene.
  places.splice(0, places.length, ...withoutNeedlessCountries(places));
  // "miền Trung" already says "Bắc Trung Bộ": a part of a region found beside it adds nothing.
  const regions = new Set(places.map((p) => p.text.toLowerCase()));
  const covered = (text: string): boolean => {
    const part = /^(?:(bắc|nam) trung|(bắc|trung|nam)) bộ$/u.exec(text.toLowerCase());
    const whole = part === null ? null : part[1] === undefined ? part[2] : 'trung';
    return whole != null && regions.has(`miền ${whole}`);
  };
  places.splice(0, places.length, ...places.filter((p) => !covered(p.text)));
  // National figures name only the country: "Xuất khẩu ... của Việt Nam ..." (guideline 4).
  if (places.length === 0 && !hasAgents) {
    const m = /của\s+(Việt Nam|Vietnam)/u.exec(sentences[0] ?? '');
    if (m?.[1] !== undefined) places.push({ text: m[1], index: m.index, level: 1, order: 0 });
  }
  const where = dedupe([...places].sort((a, b) => b.level - a.level || a.order - b.order)).slice(
    0,
    MAX_WHERE,
  );
  return { where, evidence: where.length === 0 ? null : evidence };
}

/** What joins the parts of one address: "huyện X, tỉnh Y", "xã X (Y)", "Km 1+600 thuộc địa phận xã X". */
const ADDRESS_GAP = /^(?:\s*[,(…]\s*|\s+và\s+|,?\s+thuộc(?:\s+địa phận|\s+địa bàn)?\s+)$/u;
const placeName = (text: string): string => text.replace(UNIT_WORD, '');
// Cheap test before reading a sentence for places: the name is written beside another place,
// as in ", tỉnh Quảng Nam", "(Nghệ An)", "Kỳ Sơn, tỉnh ...", "và Nam Trà My".
const JOINED_BEFORE = /(?:[,(…]|\svà|thuộc(?: địa phận| địa bàn)?)\s*(?:\p{Ll}+(?: \p{Ll}+)?\s|TP\.?\s?)?$/u;
const JOINED_AFTER = /^(?:\)?\s*[,(…]|\s+và\s)/u;
const inAddress = (sentence: string, name: string): boolean => {
  for (let i = sentence.indexOf(name); i >= 0; i = sentence.indexOf(name, i + 1)) {
    if (JOINED_BEFORE.test(sentence.slice(Math.max(0, i - 24), i))) return true;
    if (JOINED_AFTER.test(sentence.slice(i + name.length, i + name.length + 6))) return true;
  }
  return false;
};

/**
 * The places written in one address with a place already found (its key among `keys`), other
 * than that place: "xã Tà Cà, Tây Sơn, thị trấn Mường Xén… huyện Kỳ Sơn, tỉnh Nghệ An".
 */
function addressesOf(
  sentence: string,
  here: readonly PlaceMention[],
  keys: readonly string[],
): Set<PlaceMention> {
  const out = new Set<PlaceMention>();
  const joined = (a: PlaceMention, b: PlaceMention): boolean =>
    ADDRESS_GAP.test(sentence.slice(a.index + a.text.length, b.index));
  for (let i = 0; i < here.length; i++) {
    if (!keys.includes(placeName(here[i]?.text ?? ''))) continue;
    // The whole address around a found place; its new parts must be more specific than the
    // coarsest found one ("các tỉnh Hòa Bình, Sơn La, Thanh Hóa" lists peers, not parts).
    let a = i;
    let b = i;
    while (a > 0 && joined(here[a - 1] as PlaceMention, here[a] as PlaceMention)) a--;
    while (b < here.length - 1 && joined(here[b] as PlaceMention, here[b + 1] as PlaceMention)) b++;
    const address = here.slice(a, b + 1);
    const known = address.filter((q) => keys.includes(placeName(q.text)));
    const coarsest = Math.min(...known.map((q) => q.level));
    for (const q of address) if (q.level > coarsest && !known.includes(q)) out.add(q);
    i = b;
  }
  return out;
}
