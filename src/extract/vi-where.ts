/**
 * Vietnamese where: the places of the title and lead (vi-places.ts finds them per sentence),
 * most specific first, countries only where they add something.
 */
import { dedupe } from './dedupe-names.ts';
import type { PlaceMention } from './vi-places.ts';
import { findViPlaces, withoutNeedlessCountries } from './vi-places.ts';

export const MAX_WHERE = 5;
/** Where reads up to this many sentences, beyond the first two only while none is found. */
const WHERE_SENTENCES = 4;
/** A later sentence may still give the event's site, up to this one. */
const SITE_SENTENCES = 8;
/** "... diễn ra / được tổ chức ... tại X": a sentence that gives the event's site. */
const EVENT_SITE = /(?:diễn ra|được tổ chức|tổ chức)(?![\p{L}])[^.]{0,60}?(?:tại|ở)\s/u;

export interface ViWhere {
  readonly where: string[];
  /** The first sentence a place was found in, or null when none was. */
  readonly evidence: string | null;
}

/**
 * @param hasAgents the article names an agent: national figures with nobody acting name the
 * country ("Xuất khẩu ... của Việt Nam ..."), a statement by an agent does not.
 */
export function findViWhere(title: string, sentences: readonly string[], hasAgents: boolean): ViWhere {
  const places: Array<PlaceMention & { order: number }> = [];
  let evidence: string | null = null;
  let n = 0;
  // Title and the first two sentences; the next ones only while nothing is found (the
  // connection points of 000 follow the lead: "Hội nghị được tổ chức trực tuyến tại ...").
  const whereOrder = [title, ...sentences.slice(0, WHERE_SENTENCES)];
  for (let i = 0; i < whereOrder.length && (i < 3 || places.length === 0); i++) {
    const s = whereOrder[i] ?? '';
    for (const p of findViPlaces(s)) {
      places.push({ ...p, order: n++ });
      evidence ??= s;
    }
  }
  // Nothing in the lead: a later sentence that states where the event took place ("Cuộc họp
  // diễn ra ... tại Văn phòng Chính phủ") still names the scene.
  if (places.length === 0) {
    const venue = sentences.slice(WHERE_SENTENCES, SITE_SENTENCES).find((s) => EVENT_SITE.test(s)) ?? '';
    for (const p of findViPlaces(venue)) {
      places.push({ ...p, order: n++ });
      evidence ??= venue;
    }
  }
  // A country beside a place inside it adds nothing, unless the story is abroad; alone it may be the scene.
  places.splice(0, places.length, ...withoutNeedlessCountries(places));
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
