/**
 * The "what": one short clause from the lead sentence that reports the main event, with the
 * leading time and place adverbials removed, cut at a clause boundary near 25 words.
 */

import { knownPlace } from './gazetteer.ts';

/** Default clause length: the annotation guideline's "at most about 25 words". */
export const WHAT_MAX_WORDS = 25;

const LEADING = [
  // "Chiều 30/12, " / "On Saturday, " — the time is reported separately.
  /^[^,]{0,40}?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?[^,]{0,25},\s*/u,
  /^(?:sáng|chiều|tối|trưa|đêm|hôm)\s+(?:nay|qua)\s*,\s*/iu,
  /^(?:tại|ở)\s+[^,]{1,60},\s*/iu,
  /^(?:theo\s+[^,]{1,60}),\s*/iu,
  /^(?:on\s+\w+day|yesterday|today|last night)\s*,\s*/iu,
];

/** Shortens a lead sentence to a clause of at most `maxWords` words. */
export function clauseOf(sentence: string, maxWords = WHAT_MAX_WORDS): string {
  let s = sentence.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const re of LEADING) {
      const next = s.replace(re, '');
      if (next !== s && next.length > 20) {
        s = next;
        changed = true;
      }
    }
  }
  s = s.replace(/\s*[.!?…]+$/u, '');
  const words = s.split(/\s+/u);
  if (words.length <= maxWords) return capitalise(s);
  // Prefer ending at the last clause boundary inside the limit, if it keeps at least 10 words.
  let cut = maxWords;
  for (let i = maxWords; i >= 10; i--) {
    if (/[,;:]$/u.test(words[i - 1] ?? '')) {
      cut = i;
      break;
    }
  }
  return capitalise(
    words
      .slice(0, cut)
      .join(' ')
      .replace(/[,;:]$/u, ''),
  );
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const TITLE_TAG = /^(?:(?:Ảnh|Video|Clip|Infographic|Chùm ảnh|Toàn cảnh)\s*:\s*)/iu;
// The same words without a colon name the format, not the event ("Clip CLB Hà Nội hạ HAGL",
// "Toàn cảnh phiên họp ..."): dropped, and the title read on as usual.
const FORMAT_WORD = /^(?:Clip|Video|Infographic|Toàn cảnh|Cận cảnh|Hiện trường)\s+(?=\p{L})/u;

// Titles that open with the action and leave the acting authority implicit ("Bắt ...").
const VERB_LED_TITLE =
  /^(?:Bắt|Khởi tố|Truy tố|Tạm giữ|Tạm giam|Xử phạt|Phạt|Triệt phá|Truy nã|Xét xử|Tuyên án|Thu hồi|Đình chỉ)\s/u;

/**
 * "Bộ trưởng Y tế Đào Hồng Lan:" names a speaker in at most this many words. (Cutting a
 * longer head's ": detail" was tried: it helped dev and lowered the held-out set.)
 */
const MAX_SPEAKER_WORDS = 6;

/**
 * The Vietnamese "what": the title, which states the event as a clause ("Quốc hội thông qua
 * Luật ...") and beats a lead that often opens with a source or background. Three general
 * repairs: a photo/video tag is dropped; "Speaker: quote" is replaced by the lead sentence
 * that names the speaker, from the speaker on (the lead says what was said, the quote does
 * not). A title without the first agent gets it in front: gold clauses read "agent + verb +
 * object", and titles drop the agent ("Bắt trùm ...", "Đẩy nhanh ..."). (Prepending the
 * lead's "role + name" instead helped dev and lowered the held-out set; not kept.)
 */
export function viWhat(
  title: string,
  agent: string | undefined,
  lead: readonly string[],
  statement: boolean,
): { text: string; from: string } {
  const untagged = capitalise(title.replace(FORMAT_WORD, ''));
  if (untagged !== title) {
    const w = viWhat(untagged, agent, lead, statement);
    return { text: w.text, from: w.from === untagged ? title : w.from };
  }
  const t = title.replace(TITLE_TAG, '').trim();
  const colon = t.indexOf(':');
  if (colon > 0) {
    const head = t.slice(0, colon).trim();
    const words = head.split(/\s+/u).length;
    const speaker = statement && words <= MAX_SPEAKER_WORDS ? lead.find((s) => s.includes(head)) : undefined;
    if (speaker !== undefined) return { text: clauseOf(speaker.slice(speaker.indexOf(head))), from: speaker };
  }
  // A photo or video title ("Ảnh: Đoàn xe đến tòa") describes the pictures: left as it is.
  if (agent === undefined || t.includes(agent) || t !== title.trim()) return { text: t, from: title };
  // "Tiền Giang: Tự xưng ..." with the agent "Công an tỉnh Tiền Giang": the agent replaces the
  // place tag it contains. The colon form is the newsroom's own ("Công an tỉnh X: bắt ...")
  // and keeps the title's capitals ("Thủ tướng", "Việt Nam") as written.
  const tag = colon > 0 ? t.slice(0, colon).trim() : '';
  if (tag !== '' && knownPlace(tag) !== null && agent.includes(tag))
    return { text: `${capitalise(agent)}: ${t.slice(colon + 1).trim()}`, from: title };
  // A title that opens with the action reads on after the agent ("Công an tỉnh X bắt ...").
  if (VERB_LED_TITLE.test(t))
    return { text: `${capitalise(agent)} ${t.charAt(0).toLowerCase()}${t.slice(1)}`, from: title };
  return { text: `${capitalise(agent)}: ${t}`, from: title };
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\\.?';
// Inline times and asides the clause can do without: "on Saturday", "at midday Saturday",
// "on August 31", "(GSO)". The time is reported separately, and gold clauses leave them out.
const EN_INLINE = new RegExp(
  [
    `\\s+(?:on|at|early|late|last)?\\s*(?:(?:midday|noon|dawn|night|morning|afternoon|evening)\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?`,
    `\\s+on\\s+${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?`,
    `\\s+\\([^)]{1,40}\\)`,
  ].join('|'),
  'gu',
);

/** The English "what": {@link clauseOf} without inline times and bracketed asides. */
export function enClause(sentence: string, maxWords = WHAT_MAX_WORDS): string {
  return clauseOf(sentence.replace(EN_INLINE, ''), maxWords);
}
