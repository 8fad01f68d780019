/**
 * The "what": one short clause from the lead sentence that reports the main event, with the
 * leading time and place adverbials removed, cut at a clause boundary near 25 words.
 */

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
