/**
 * bantin's who / what / when / where extractor: pure, synchronous, offline. Rules and
 * gazetteers, position first (title and lead carry the answers in news: the inverted pyramid).
 */
import type { ExtractInput, Extraction } from '../domain.ts';
import {
  agentText,
  findEnAgents,
  findEnClockDay,
  findEnDate,
  findEnPlaces,
  placeText,
  stripDateline,
} from './en.ts';
import { dedupe } from './dedupe-names.ts';
import { knownPlace } from './gazetteer.ts';
import type { DateContext, PartialDate } from './resolve-date.ts';
import { isoDate, publicationDay, urlDate } from './resolve-date.ts';
import { bodySentences } from './sentences.ts';
import { yearsInText } from './vi-dates.ts';
import { findViWhen } from './vi-when.ts';
import { findViWhere, MAX_WHERE } from './vi-where.ts';
import { findViWho } from './vi-who.ts';
import { enClause, viWhat } from './what.ts';

/** Stored with every summary; bump it whenever output can change, so `reextract` refreshes. */
export const EXTRACTOR_VERSION = 'rules-2026.11.6';

/** Sentences of the lead searched for who and where (the title is always searched). */
const LEAD_SENTENCES = 2;
/** Sentences searched for the date before giving up (it may sit after a quote-led opening). */
const DATE_SENTENCES = 8;
/** The guideline's "at most 3 (rarely more)" agents. */
const MAX_WHO = 3;
/** "Rarely more": an arrest or a trial names the authority and often three suspects. */
const MAX_WHO_CRIME = 4;
/** Sentences read at all: the lead, the date search and fuller forms of short names. */
const SENTENCE_LIMIT = 12;
/**
 * Only the start of the body is read: the answers are in the lead, and a pathological input
 * (a 5 MB page with no line breaks) must not cost more than a normal article.
 */
const MAX_BODY_CHARS = 20_000;
/** A sentence longer than this is cut: no lead sentence is, and regexes stay linear-cheap. */
const MAX_SENTENCE_CHARS = 1_500;
/** English leads put the scene's detail ("in the coastal province of X") in the next sentence. */
const EN_WHERE_SENTENCES = 3;

/**
 * Extraction plus the event's day even when its year is unknown (`when.date` is then null, by
 * contract). The eval scores day and month on articles without a publication date, so it
 * needs the partial day; callers that only show the summary use {@link extract}.
 */
export interface DetailedExtraction extends Extraction {
  readonly whenDay: PartialDate | null;
}

/** Who / what / when / where of one article. Unknown answers are [] or null, never guesses. */
export function extract(input: ExtractInput): Extraction {
  const { who, what, when, where, evidence } = extractDetailed(input);
  return { who, what, when, where, evidence };
}

interface Lead {
  readonly title: string;
  readonly sentences: readonly string[];
}

// A title that reports a statement ("X phủ nhận ...", "Ngoại trưởng Thái Lan: ...") makes the
// speaker the agent, so "X cho biết" is then not a mere source.
const STATEMENT_TITLE =
  /(?:phủ nhận|bác bỏ|tuyên bố|khẳng định|cảnh báo|kêu gọi|lên tiếng|cam kết|thừa nhận)/u;
/** "Ngoại trưởng Thái Lan: ..." quotes a speaker; "Tiền Giang: ..." only tags a place. */
const isStatementTitle = (title: string): boolean => {
  if (STATEMENT_TITLE.test(title)) return true;
  const colon = title.indexOf(':');
  if (colon < 0) return false;
  const head = title.slice(0, colon).trim();
  return head.includes(' ') && knownPlace(head) === null && !/^(?:Ảnh|Video|Clip|Infographic)/u.test(head);
};

/** See {@link DetailedExtraction}. */
export function extractDetailed(input: ExtractInput): DetailedExtraction {
  const title = input.title.slice(0, MAX_SENTENCE_CHARS).normalize('NFC').replace(/\s+/gu, ' ').trim();
  let sentences = bodySentences(input.body.slice(0, MAX_BODY_CHARS), SENTENCE_LIMIT).map((s) =>
    s.text.slice(0, MAX_SENTENCE_CHARS),
  );
  // A dateline may open the first sentence or, after a sapo, the second or third.
  if (input.lang === 'en') sentences = sentences.map((s, i) => (i < 3 ? stripDateline(s) : s));
  const lead: Lead = { title, sentences };
  return input.lang === 'vi' ? extractVi(input, lead) : extractEn(input, lead);
}

/** A sentence that repeats the title is about as long: others are not compared word by word. */
const REPEAT_SLACK = 12;
/** A title or sentence reduced to its lower-case words, to see one repeat the other. */
const wordKey = (s: string): string => (s.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).join(' ');

function extractVi(input: ExtractInput, lead: Lead): DetailedExtraction {
  const { title, sentences } = lead;
  const leadSentences = sentences.slice(0, LEAD_SENTENCES);
  const evidence: { who?: string; what?: string; when?: string; where?: string } = {};

  // When: the first dated expression of the lead, else of the title, else further down.
  const published = publicationDay(input.publishedAt, 'vi');
  const fromUrl = urlDate(input.url);
  const years = [...new Set(yearsInText([title, ...sentences.slice(0, 3)].join(' ')))];
  const ctx: DateContext = { published, fromUrl, textYear: years.length === 1 ? (years[0] ?? null) : null };
  const found = findViWhen(title, sentences, ctx, DATE_SENTENCES);
  const whenText = found.text;
  const whenDay = found.day;
  if (found.sentence !== null) evidence.when = found.sentence;

  // Who: agents of the title and lead, without sources and victims.
  const statement = isStatementTitle(title);
  const { agents, evidence: whoEvidence, crime } = findViWho(title, sentences, statement);
  const who = expandNames(dedupe(agents), sentences).slice(0, crime ? MAX_WHO_CRIME : MAX_WHO);
  const firstWho = who[0];
  if (firstWho !== undefined)
    evidence.who =
      whoEvidence.get(firstWho) ?? [title, ...leadSentences].find((s) => s.includes(firstWho)) ?? title;

  // Where: places of the title and lead, most specific first.
  const place = findViWhere(title, sentences, who.length > 0);
  const where = place.where;
  if (place.evidence !== null) evidence.where = place.evidence;

  // What: Vietnamese titles state the event as a clause ("Quốc hội thông qua Luật ..."), and
  // beat the lead sentence, which often opens with a quote, a source or background. A title
  // without its agent gets the first agent in front ("Bắt trùm ..." -> "Công an tỉnh X: bắt ...").
  // Scraped bodies often open with the title again: as the lead, it would hide the sentence
  // that tells the event more fully. (Dropped for who and where too, it let victims named in
  // a later sentence in: dev2 who -0.015.)
  const again = wordKey(title);
  const repeatsTitle = (s: string): boolean =>
    Math.abs(s.length - title.length) <= REPEAT_SLACK && wordKey(s) === again;
  const told = sentences.filter((s, i) => i > 1 || !repeatsTitle(s)).slice(0, LEAD_SENTENCES);
  const clause = viWhat(title, firstWho, told, statement);
  const what = clause.text;
  evidence.what = clause.from;

  return { who, what, when: { text: whenText, date: isoDate(whenDay) }, where, evidence, whenDay };
}

/** Replaces a short name ("Obama") by a fuller one written elsewhere ("Barack Obama"). */
function expandNames(names: readonly string[], sentences: readonly string[]): string[] {
  return names.map((name) => {
    if (name.includes(' ')) return name;
    const re = new RegExp(`(?<![\\p{L}])((?:\\p{Lu}[\\p{Ll}]+\\s){1,2}${name})(?![\\p{L}])`, 'u');
    for (const s of sentences) {
      const m = re.exec(s);
      const full = m?.[1];
      if (full === undefined || /^(?:Tổng|Thủ|Chủ|Ông|Bà|Ngoại|Bộ)/u.test(full)) continue;
      // "Tổng thống Mỹ Barack Obama": the country before the name is not part of it.
      const first = full.split(' ')[0] ?? '';
      return knownPlace(first) === null ? full : full.slice(first.length + 1);
    }
    return name;
  });
}

function extractEn(input: ExtractInput, lead: Lead): DetailedExtraction {
  const { title, sentences } = lead;
  const leadText = sentences.slice(0, LEAD_SENTENCES).join(' ');
  const evidence: { who?: string; what?: string; when?: string; where?: string } = {};
  const published = publicationDay(input.publishedAt, 'en');
  const url = urlDate(input.url);
  const anchor =
    published ??
    (url?.day != null && url.month !== null ? { year: url.year, month: url.month, day: url.day } : null);

  let when: { text: string; date: PartialDate } | null = null;
  for (const s of [...sentences.slice(0, 3), title, ...sentences.slice(3, DATE_SENTENCES)]) {
    when = findEnDate(s, anchor);
    if (when !== null) {
      evidence.when = s;
      break;
    }
  }
  for (const s of when === null ? [title, ...sentences.slice(0, LEAD_SENTENCES)] : []) {
    when = findEnClockDay(s, anchor);
    if (when !== null) {
      evidence.when = s;
      break;
    }
  }

  const sourceFree = sentences
    .slice(0, LEAD_SENTENCES)
    .map(agentText)
    .join(' ')
    .replace(/,?\s*(?:according to|said|told|reported)\b[^.]*$/iu, '');
  const who = findEnAgents(`${title}. ${sourceFree}`).slice(0, MAX_WHO);
  if (who[0] !== undefined) evidence.who = leadText;
  const where = findEnPlaces(sentences.slice(0, EN_WHERE_SENTENCES).map(placeText).join(' ')).slice(
    0,
    MAX_WHERE,
  );
  if (where.length > 0) evidence.where = leadText;
  // What: the lead sentence that carries the dated event, else the first (a quote-led sapo
  // otherwise wins: "Vietnam always considers ...").
  const dated =
    evidence.when !== undefined && sentences.slice(0, 3).includes(evidence.when) ? evidence.when : undefined;
  const first = dated ?? sentences[0];
  const what = first === undefined ? title : enClause(first);
  evidence.what = first ?? title;
  return {
    who,
    what,
    when: { text: when?.text ?? null, date: isoDate(when?.date ?? null) },
    where,
    evidence,
    whenDay: when?.date ?? null,
  };
}
