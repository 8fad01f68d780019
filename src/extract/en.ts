/**
 * English leads, by rules: capitalised runs classified as people, organisations or places
 * (role words stripped, organisation head words, gazetteer and "X province" patterns), and
 * chrono-node for dates with the publication date as reference and weekdays leaning to the
 * past. compromise was measured at 10–20 ms per article on title + lead (50 articles/s), too
 * slow for the 1,000 articles/s target, and no better on the dev set; see the eval.
 */
import * as chrono from 'chrono-node';
import { knownPlace } from './gazetteer.ts';
import type { PartialDate } from './resolve-date.ts';
import { addDays } from './resolve-date.ts';

/** "HANOI —", "Tianjin (VNA) –", "WASHINGTON, Nov 9 (Reuters) -" at the start of a lead. */
const DATELINE =
  /^(?:[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3})(?:,\s*[A-Za-z.]+(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .]{2,25}\))?\s*[-–—]+\s+/u;

/** Removes a dateline; only when it is upper-case or carries an agency tag, so "A man -" stays. */
export function stripDateline(text: string): string {
  const m = DATELINE.exec(text);
  if (m === null) return text;
  const head = m[0];
  if (head.includes('(') || /^[A-Z]{3,}/u.test(head)) return text.slice(head.length);
  return text;
}

/** An English time expression resolved to a day (year null when unknown), with its text. */
export interface EnDate {
  readonly text: string;
  readonly date: PartialDate;
}

/**
 * Parsers of chrono's casual English that never give a day: clock times (they only lengthen
 * the matched text), "within 5 days" (forward), month-only and year-month forms, "end of
 * month". Each runs its pattern over every sentence; without them a parse is ~1.4x faster.
 * Compared by class name: chrono exports the configuration but not the parser classes.
 */
const NO_DAY_PARSERS = new Set([
  'ENTimeExpressionParser',
  'ENTimeUnitWithinFormatParser',
  'ENSlashMonthFormatParser',
  'ENYearMonthNameParser',
  'ENEndOfCurrentMonthParser',
  'ENMonthNameParser',
]);

/** chrono's casual English without {@link NO_DAY_PARSERS}, built once. */
const dayParser = ((): chrono.Chrono => {
  const config = chrono.en.configuration.createCasualConfiguration(false);
  return new chrono.Chrono({
    parsers: config.parsers.filter((p) => !NO_DAY_PARSERS.has(p.constructor.name)),
    refiners: config.refiners,
  });
})();

// Only sentences with one of these words go to chrono (~0.1 ms a sentence): most have none.
const DATE_HINT =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:yesterday|today|tonight|last night)\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/iu;

/**
 * The first dated expression in the text that names a day. Weekdays resolve to the latest such
 * day on or before publication; "last night" is the day before; a day/month without a
 * publication date keeps year null. Relative words without a publication date give nothing.
 */
export function findEnDate(text: string, published: PartialDate | null): EnDate | null {
  if (!DATE_HINT.test(text)) return null;
  const pubYear = published?.year ?? null;
  const ref =
    published !== null && pubYear !== null
      ? new Date(Date.UTC(pubYear, published.month - 1, published.day, 12))
      : new Date(Date.UTC(2001, 0, 1, 12));
  for (const r of dayParser.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    const t = r.text.trim();
    const c = r.start;
    const relative = /\b(?:yesterday|today|tonight|last night|this morning|this afternoon)\b/iu.test(t);
    const weekday = c.isCertain('weekday') && !c.isCertain('day');
    if (!c.isCertain('day') && !weekday && !relative) continue;
    if ((weekday || relative) && pubYear === null) continue;
    const d = c.date();
    let date: PartialDate = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (published?.year != null) {
      const pub = { ...published, year: published.year };
      if (/last night/iu.test(t)) date = addDays(pub, -1);
      else if (
        weekday &&
        Date.UTC(date.year ?? 0, date.month - 1, date.day) > Date.UTC(pub.year, pub.month - 1, pub.day)
      ) {
        date = addDays({ ...date, year: date.year ?? pub.year }, -7);
      }
    } else if (!c.isCertain('year')) {
      date = { ...date, year: null };
    }
    return { text: t.replace(/[\s,.;:]+$/u, ''), date };
  }
  return null;
}

const CLOCK_HINT = /\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\b|p\.?m\b)|\b(?:noon|midday|midnight)\b/iu;

/**
 * A clock time without a day ("at around 6am") in the lead dates the event on the publication
 * day, as in Vietnamese leads ("Khoảng 6h30, ..."). Used only when no dated expression exists.
 */
export function findEnClockDay(text: string, published: PartialDate | null): EnDate | null {
  if (published?.year == null) return null;
  const m = CLOCK_HINT.exec(text);
  if (m === null) return null;
  return { text: m[0], date: published };
}

// Words of a name: no sentence dot inside, but initials ("Donald J. Trump") and "U.S." are kept;
// a possessive ends the run ("Hanoi's Thanh Xuan District" is two names).
const WORD = "\\p{Lu}(?:\\.(?:\\p{Lu}\\.)*|[\\p{L}-]*(?:['’](?!s\\b)\\p{L}+)?)";
const RUN = new RegExp(
  `(?<![\\p{L}\\d])${WORD}(?:\\s+(?:(?:of|for|the|de|al|bin|van|von)\\s+)?${WORD})*`,
  'gu',
);
const LEADING_STOP =
  /^(?:The|A|An|At|In|On|Of|But|And|He|She|It|They|We|This|That|Some|Several|Earlier|Later|After|Before|When|While|As|By|From|For|With|According|Officials|Police|Footage|Thousands|Hundreds|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\s+/u;
const ROLE =
  /^(?:(?:Vietnamese|Chinese|Japanese|Korean|Turkish|Greek|American|US|U\.S\.|British|French|German|Russian|Thai|Indian|Ecuadorian|Peruvian|Afghan|Israeli|Iranian|Ukrainian|Australian|Canadian|Mexican|Brazilian|Italian|Spanish|Filipino|Indonesian|Malaysian|Cambodian|Laotian|Singaporean|European|Syrian|Iraqi|Egyptian|Saudi|Pakistani)\s+)?(?:(?:Former|Acting|Deputy|Vice|Prime|Foreign|Interior|Health|Defence|Defense|Finance|General|Chief|Supreme|State|Senior|Top)\s+)*(?:President|Minister|PM|Premier|Secretary|Chancellor|King|Queen|Prince|Princess|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sen\.?|Senator|Rep\.?|Gov\.?|Governor|Mayor|Chairman|Chairwoman|CEO|Director|Chief|Judge|Justice|Pope|Gen\.?|General|Col\.?|Lt\.?|Sgt\.?|Officer|Spokesman|Spokeswoman|Leader|Commander|Ambassador|Coach|Captain|Boss|Principal)\s+(?:of\s+(?:the\s+)?\p{Lu}\p{L}*\s+)?/u;
const ORG_WORD =
  /\b(?:Office|Ministry|Police|Agency|Bank|Party|Council|Committee|Court|Department|Organi[sz]ation|Association|Union|Company|Corp|Corporation|Inc|Group|Airlines|Airways|University|Institute|Center|Centre|Service|Services|Force|Army|Navy|Commission|Authority|Administration|Assembly|Parliament|Congress|Senate|Government|Federation|Fund|Procuracy|Presidency|Board|Bureau|Club|Taliban|Bull)\b/u;
const NOT_AGENT =
  /^(?:VNA|AP|AFP|Reuters|Xinhua|TTXVN|CNN|BBC|Twitter|Facebook|GMT|GDP|COVID|ID|TV|PM|CEO|Category|Typhoon|Storm|Hurricane|Earthquake|Photo|Video|Summit|Q[1-4])\b/u;
const ROLE_ONLY = new RegExp(`^(?:${ROLE.source.slice(1)})+$`, 'u');
// Named buildings and venues ("White House", "Sandilands Station").
const VENUE =
  /\s(?:House|Palace|Hall|Square|Stadium|Airport|Station|Hospital|Circuit|Street|Bridge|Park|Tower|Embassy|Consulate|Cathedral)$/u;
const PLACE_UNIT = /\s(?:province|Province|District|district|City|County|State|Island|Prefecture|Region)$/u;
const PLACE_OF =
  /\b(?:town|city|village|island|province|region|state|district|capital)\s+of\s+(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}-]*)*)/gu;
const DIRECTION = /(?:eastern|western|northern|southern|central|coastal|north|south|east|west)\s+$/u;

interface Candidate {
  readonly text: string;
  readonly index: number;
  readonly kind: 'person' | 'org' | 'place';
  readonly level: number;
}

/** Classifies the capitalised runs of a text. */
function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(RUN)) {
    let run = m[0].replace(/[’']+$/u, '');
    let index = m.index;
    for (let prev = ''; prev !== run;) {
      prev = run;
      const stop = LEADING_STOP.exec(run) ?? (ORG_WORD.test(run) ? null : ROLE.exec(run));
      if (stop !== null && stop[0].length < run.length) {
        run = run.slice(stop[0].length);
        index += stop[0].length;
      }
    }
    const titled = run !== m[0] && ROLE.test(m[0].slice(0, index - m.index + 1) + run);
    if (run.length < 2 || NOT_AGENT.test(run) || LEADING_STOP.test(`${run} `) || ROLE_ONLY.test(`${run} `))
      continue;
    if (VENUE.test(run)) {
      out.push({ text: run, index, kind: 'place', level: 5 });
      continue;
    }
    const level = knownPlace(run);
    const rest = text.slice(index + run.length);
    // "the southern Vietnamese city": a nationality before "city" is not a name.
    const unitAfter = /(?:ese|ian|ish)$/u.test(run) ? null : /^\s+(?:province|district|city)\b/u.exec(rest);
    // "Ho Chi Minh City police" is an organisation (found below), not a scene.
    if (/^\s+(?:police|authorities)\b/u.test(rest)) continue;
    if (level !== null || PLACE_UNIT.test(run) || unitAfter !== null) {
      const full = unitAfter === null ? run : run + unitAfter[0];
      const dir = DIRECTION.exec(text.slice(Math.max(0, index - 10), index));
      const withDir = dir === null ? full : dir[0] + full;
      out.push({
        text: withDir,
        index: index - (dir?.[0].length ?? 0),
        kind: 'place',
        level: unitAfter !== null || PLACE_UNIT.test(run) ? 3 : (level ?? 2),
      });
      continue;
    }
    if ((ORG_WORD.test(run) && run.includes(' ')) || /^\p{Lu}{3,6}$/u.test(run)) {
      // "(CPC)" and a name right after its closing bracket continue the name before them.
      if (/[()]\s*$/u.test(text.slice(Math.max(0, index - 2), index))) continue;
      // "Secretary of the Communist Party": the organisation belongs to a job title.
      if (
        /(?:Secretary|President|Minister|Chairman|Chairwoman|Director|Head|Chief|[Mm]ember|[Ll]eader|[Hh]ead|[Ss]pokes(?:man|woman)|[Ss]pokesperson)\s+of\s+(?:the\s+)?$/u.test(
          text.slice(Math.max(0, index - 30), index),
        )
      )
        continue;
      out.push({ text: run, index, kind: 'org', level: 0 });
      continue;
    }
    const words = run.split(/\s+/u);
    // A person quoted as a source ("X said", "X told ...") is not the agent.
    const said = /^,?\s+(?:said|says|told|reported|added)\b/u.test(text.slice(index + run.length));
    if (!said && ((words.length >= 2 && words.length <= 4) || (titled && words.length === 1))) {
      out.push({ text: run, index, kind: 'person', level: 0 });
    }
  }
  for (const m of text.matchAll(PLACE_OF)) {
    const name = m[1] ?? '';
    out.push({ text: name, index: m.index + m[0].length - name.length, kind: 'place', level: 4 });
  }
  // "<City> police": an organisation named after a place.
  for (const m of text.matchAll(/\b((?:\p{Lu}\p{L}+\s){1,4}(?:police|authorities))\b/gu)) {
    out.push({ text: m[1] ?? '', index: m.index, kind: 'org', level: 0 });
  }
  return out;
}

const uniqueByContainment = (names: readonly string[]): string[] => {
  const out: string[] = [];
  for (const n of names) {
    const k = n.toLowerCase();
    const i = out.findIndex((o) => o.toLowerCase().includes(k) || k.includes(o.toLowerCase()));
    if (i < 0) out.push(n);
    else if (n.length > (out[i] ?? '').length) out[i] = n;
  }
  return out;
};

/** People and organisations named in the text, in order, without titles. */
export function findEnAgents(text: string): string[] {
  const c = candidates(text).filter((x) => x.kind !== 'place');
  // A country opening the lead as the subject of a verb acts ("Vietnam is evacuating ...").
  const subject = /^(\p{Lu}[\p{L} ]+?)\s+(?:is|has|was|will|have|had|\p{Ll}+(?:ed|s))\s/u.exec(text);
  if (subject?.[1] !== undefined && knownPlace(subject[1]) === 1)
    c.unshift({ text: subject[1], index: -1, kind: 'org', level: 0 });
  // "General Statistics Office (GSO)": the acronym repeats the name.
  const names = c.filter(
    (x) =>
      !(
        /^\p{Lu}{2,6}$/u.test(x.text) &&
        c.some((y) => y !== x && y.text.includes(' ') && initials(y.text) === x.text)
      ),
  );
  // "HCMC police" repeats "Ho Chi Minh City police".
  const expanded = names.filter((x) => {
    const head = /^(\p{Lu}{2,6})\s/u.exec(x.text)?.[1];
    return head === undefined || !names.some((y) => y !== x && initials(y.text).startsWith(head));
  });
  return uniqueByContainment(expanded.sort((a, b) => a.index - b.index).map((x) => x.text));
}

const initials = (name: string): string =>
  name
    .split(/\s+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');

/** Places named in the text, most specific first. */
export function findEnPlaces(text: string): string[] {
  let places = candidates(text)
    .filter((x) => x.kind === 'place')
    .sort((a, b) => b.level - a.level || a.index - b.index);
  // As in Vietnamese: a country beside a place inside it adds nothing, and is then more often
  // an attribute ("President of China", "Vietnamese") than the scene.
  if (places.some((p) => p.level > 1)) places = places.filter((p) => p.level > 1);
  return uniqueByContainment(places.map((p) => p.text));
}

// ", the Disaster and Emergency Management Presidency, or AFAD, said." — the closing
// attribution names a source, not an agent.
const CLOSING_ATTRIBUTION =
  /,\s+(?:the\s+|a\s+|an\s+)?[\p{Lu}\p{Ll}][^,]{0,80}(?:,\s*or\s+[^,]{1,20},)?\s+(?:said|says|reported|told\s+[^.]{0,40})\s*[.”"]*$/u;
// "... to attend the Shanghai Cooperation Organisation Summit": what is attended is an event.
const ATTENDED = /\b(?:to attend|attending|attended|attends)\s+(?:the\s+)?[^.,;]+/gu;

/** A lead sentence without its closing attribution and attended events, for agent search. */
export function agentText(sentence: string): string {
  return sentence.replace(CLOSING_ATTRIBUTION, '.').replace(ATTENDED, '');
}

// ", which killed 31 people in the Philippines," — a non-restrictive clause is background.
const ASIDE = /,\s+which\s+[^,]{1,160}(?:,|$)/gu;

/** A lead sentence without its "which ..." asides, for place search. */
export function placeText(sentence: string): string {
  return sentence.replace(ASIDE, ',');
}
