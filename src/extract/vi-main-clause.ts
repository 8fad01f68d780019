/**
 * The main clause of a Vietnamese lead sentence: subject + verb + object, without what a
 * reader of a one-line summary does not need. Lead sentences open with an outlet's dateline
 * ("TPO - "), a time ("Chiều 4/9, "), a place or occasion ("Tại Phủ Chủ tịch, "), a source
 * ("Theo hãng tin AP, ") or a participial frame ("Phát biểu tại ..., "), and carry personal
 * details in brackets ("(44 tuổi, ngụ ...)"). All of that is dropped here.
 *
 * Tried and dropped (each measured on dev, fixtures and dev2): "X cho biết, ..." read as a
 * source and dropped (no change on dev and fixtures, dev2 -0.004); a cut at "nhằm", "trong đó",
 * "sau khi" (fixtures -0.002); cutting at the last comma before the word limit (fixtures
 * -0.004, dev2 +0.003); shorter police wordings ("ra quyết định khởi tố" -> "khởi tố": no change).
 */

/** "TPO - ", "VTV.vn - ", "HHT - ", "TT - ": an outlet's dateline before the text. */
const DATELINE = /^(?:[\p{Lu}\p{N}]{2,8}(?:\.vn)?\s*)?[-–—]\s+/u;
/** "CLIP: ...", "Video: ...": a caption's media label before its text. */
const MEDIA_LABEL = /^(?:Clip|Video|Ảnh|Infographic|Chùm ảnh|Trực tiếp)\s*:\s*(?=\p{L})/iu;

const TIME_WORD =
  '(?:rạng sáng|sáng sớm|sáng|chiều|tối|trưa|đêm|hôm|ngày|lúc|khoảng|vào|đầu giờ|cuối|chốt phiên|nay|qua|mai|hôm nay|cùng ngày|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)';
const DAY_MONTH = '\\(?\\d{1,2}\\s*[/.-]\\s*\\d{1,2}(?:\\s*[/.-]\\s*\\d{2,4})?\\)?';
const CLOCK = "\\d{1,2}\\s*(?:h|giờ)\\s*(?:\\d{1,2}(?:\\s*phút|’|')?)?";
/** A time expression standing alone before the comma: "Chiều 30/12, ", "Sáng nay (22.1), ". */
const LEADING_TIME = new RegExp(
  `^(?:${TIME_WORD}\\s+){0,4}(?:${DAY_MONTH}|${CLOCK}|${TIME_WORD})(?:\\s+(?:${TIME_WORD}|${DAY_MONTH}|năm \\d{4}))*\\s*,\\s*`,
  'iu',
);

/**
 * A frame before the subject that opens with a preposition, a source or a participle:
 * "Tại Phủ Chủ tịch, ", "Theo hãng tin AP, ", "Phát biểu tại ..., ", "Nhận lời mời của ..., ".
 */
const LEADING_FRAME =
  /^(?:tại|ở|theo|trong|sau|trước|với|từ|tính đến|tính từ|nhận lời mời|phát biểu|chia sẻ|trả lời|bên lề|nhân dịp|dự kiến|hiện|mới đây|vừa qua|cụ thể|đồng thời|thực hiện)(?![\p{L}])[^,]{0,90},\s*/iu;

/** Personal details in brackets: age, birth year, address, home town. */
const PERSON_DETAILS = /\s*\((?:[^()]*?(?:tuổi|sinh năm|SN|trú|ngụ|quê|ở)(?![\p{L}]))[^()]*\)/gu;

/**
 * Aspect words before a verb ("đã thông qua", "vừa bắt", "đang điều tra"): headline style, which
 * titles and gold clauses follow, leaves them out. Not inside a quotation ("“Đã đến lúc”").
 */
const ASPECT = /(?<![\p{L}"“])(?:đã|vừa|đang)\s+(?=\p{L})/gu;

/** At least four words: what must be left after a frame is dropped. */
const FOUR_WORDS = /^\S+(?:\s+\S+){3}/u;

/** Strips the frame of a lead sentence down to its main clause. */
export function viMainClause(sentence: string): string {
  let s = sentence.trim().replace(DATELINE, '').replace(MEDIA_LABEL, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const re of [LEADING_TIME, LEADING_FRAME]) {
      const next = s.replace(re, '');
      // A "frame" that leaves under four words was the clause itself ("Tại đây có 3 người.").
      if (next !== s && FOUR_WORDS.test(next)) {
        s = next;
        changed = true;
      }
    }
  }
  return trimmed(s);
}

/** A clause without personal details and aspect words, and without its closing stop. */
function trimmed(clause: string): string {
  const s = clause
    .replace(PERSON_DETAILS, '')
    .replace(ASPECT, '')
    .replace(/[\s,;:.…!?]+$/u, '')
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Cuts a clause to at most `maxWords` words. The cut is at the limit, not at an earlier comma:
 * in a lead clause a comma more often separates the verbs of one action ("khởi tố vụ án, khởi
 * tố bị can, bắt tạm giam ...") than the news from its elaboration.
 */
export function cutWords(clause: string, maxWords: number): string {
  const words = clause.split(/\s+/u);
  if (words.length <= maxWords) return clause;
  return words
    .slice(0, maxWords)
    .join(' ')
    .replace(/[\s,;:(“"-]+$/u, '');
}

/**
 * Openers that point back to an event told elsewhere ("Vụ việc xảy ra ...", "Đây là ...",
 * "Trước đó, ..."): such a sentence adds circumstances or background, not the event.
 */
const BACK_REFERENCE =
  /^(?:vụ việc|vụ tai nạn|vụ cháy|đây là|đó là|trước đó|sau đó|tại thời điểm|hậu quả|kết quả|theo đó|cụ thể|trong đó|tuy nhiên|ngoài ra|bên cạnh đó|thời điểm)(?![\p{L}])/iu;
/** Fewer than six words is a fragment or a caption, not a statement of the event. */
const MIN_CLAUSE = /^\S+(?:\s+\S+){5}/u;

/**
 * The main clause of the first lead sentence that states an event: not a byline in capitals
 * ("LÊ THANH HÀ, TRÚC QUỲNH"), not a question, not a back-reference; null when none does.
 */
export function viEventClause(
  sentences: readonly string[],
  maxWords: number,
): { text: string; from: string } | null {
  for (const s of sentences) {
    if (!/\p{Ll}/u.test(s) || s.trimEnd().endsWith('?') || BACK_REFERENCE.test(s.replace(DATELINE, '')))
      continue;
    const c = viMainClause(s);
    // The back-reference may also follow a time ("Sáng 5/1, vụ việc ...").
    if (!MIN_CLAUSE.test(c) || BACK_REFERENCE.test(c)) continue;
    return { text: cutWords(c, maxWords), from: s };
  }
  return null;
}
