/**
 * Vietnamese agents (who): people as capitalised syllable runs that start with a known surname
 * or follow a role word ("Thủ tướng", "ông", "đại tá", "Tổng thống Mỹ"...), organisations by
 * their head word ("Bộ", "Văn phòng", "Công an tỉnh X", "Cơ quan Cảnh sát điều tra"...). Each
 * mention carries flags the caller uses to drop sources ("X cho biết", "theo X") and victims.
 */
import { isDistrict, isSurname, knownPlace } from './gazetteer.ts';
import { KNOWN_BODIES } from './known-bodies.ts';

export interface AgentMention {
  /** The name as written, without the job title. */
  readonly text: string;
  readonly index: number;
  readonly kind: 'person' | 'org';
  /** Attributed speech only: "theo X", "X cho biết" with no action reported. */
  readonly source: boolean;
  /**
   * The source speaks itself ("X cho biết", "X thông báo"), unlike "theo X": when a lead names
   * no other agent, the announcement is the news and such a body is its agent (guideline 1).
   */
  readonly speaker: boolean;
  /** A person given with an age in a story without a crime: a victim, not an agent. */
  readonly victim: boolean;
}

const CAP = "\\p{Lu}[\\p{Ll}\\p{M}'’]*";
// A person-name syllable may carry an inner capital ("McKay") or a lower-case hyphenated
// syllable ("Kim Sang-sik").
const NAME_CAP = "\\p{Lu}[\\p{Ll}\\p{M}'’]*(?:[\\p{Lu}-]\\p{Ll}+)?";
const ACRONYM = '\\p{Lu}{2,}(?:\\.\\p{Lu}+)*';
// The start is checked after the first capital, not before every position: V8 then jumps to
// capitals instead of testing a look-behind everywhere (the same trick as vi-places' patterns).
const RUN_RE = new RegExp(
  `\\p{Lu}(?<![\\p{L}.]\\p{Lu})[\\p{Ll}\\p{M}'’]*(?:[\\p{Lu}-]\\p{Ll}+)?(?:[ \\-]${NAME_CAP})*(?: \\p{Lu}\\.)?(?![\\p{L}])`,
  'gu',
);

const ROLE =
  '(?:ông|bà|anh|chị|cụ|em|cháu|Tổng thống|Phó Tổng thống|Thủ tướng|Phó Thủ tướng|Chủ tịch|Phó Chủ tịch|Chủ tịch nước|Tổng Bí thư|' +
  'Bộ trưởng|Thứ trưởng|Ngoại trưởng|Đại sứ|người phát ngôn|Người phát ngôn|phát ngôn viên|Thường trực Ban Bí thư|Giám đốc|Tổng Giám đốc|' +
  'Đại tá|đại tá|Thượng tá|thượng tá|Trung tá|trung tá|Thiếu tá|thiếu tá|Đại úy|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng|' +
  'thiếu tướng|trung tướng|bị can|bị cáo|đối tượng|Tổng thư ký|Nữ hoàng|Vua|Hoàng tử|Thống đốc|Thị trưởng|Chủ nhiệm|Chánh án|' +
  'Viện trưởng|Chánh Văn phòng|Phó Chánh Văn phòng|HLV|huấn luyện viên|Hoàng thân|Quốc vương|Nhà vua|Giáo hoàng|Tổng tư lệnh|Tư lệnh|' +
  'Bí thư|Trưởng ban|Trưởng phòng|Phó Giám đốc|CEO|tỷ phú|danh thủ|tiền đạo|thủ môn|ca sĩ|diễn viên|nghệ sĩ|nhà văn|' +
  'bác sĩ|Bác sĩ|tay vợt|tay đua|võ sĩ|cầu thủ|VĐV|vận động viên|tuyển thủ|ĐKVĐ|nhà vô địch)';
const ROLE_END = new RegExp(
  `${ROLE}(?:\\s+(?:nước|Chính phủ|Quốc hội|Cộng hòa|nước Cộng hòa|Cộng hoà))?\\s*$`,
  'u',
);

// Organisation heads, longest first so "Cơ quan Cảnh sát điều tra" wins over shorter ones.
const ORG_HEAD =
  '(?:Cơ quan Cảnh sát [đĐ]iều tra|Cơ quan CSĐT|Tòa phúc thẩm|Đồn Biên phòng|Bộ đội Biên phòng|Chi cục|Cơ quan An ninh điều tra|Văn phòng|Bộ Công an|Bộ Quốc phòng|Liên bộ|Bộ|Tiểu ban|Ban|Ủy ban|Uỷ ban|' +
  'UBND|HĐND|Sở|CTCP|Công ty CP|Công an|Tòa án|Toà án|TAND|Viện kiểm sát|Viện KSND|VKSND|Tổng công ty|Công ty|Tập đoàn|Ngân hàng|Trung tâm|' +
  'Tổng cục|Cục|Phòng|Hãng|Học viện|Bệnh viện|Hội đồng|Mặt trận|Liên đoàn|Hiệp hội|Bộ Tư lệnh|Bộ Chỉ huy|Quân khu|Đội tuyển|' +
  'Thanh tra|Kiểm toán Nhà nước|CLB|Câu lạc bộ|Trường)';
const ADMIN = '(?:tỉnh|thành phố|TP\\.?|huyện|quận|xã|phường|thị xã|thị trấn)';
// Lower-case second syllables of words inside names ("Trung ương", "Cảnh sát", "Công an").
const LOWER_TAIL =
  '(?:ương|sát|an|tịch|trường|lãm|nghị|tế|thư|phủ|hội|dân|sự|vụ|tâm|viện|học|trị|phòng|bay|không|lực|tra|nghiệp|phẩm|nguyên|tài|khí|nước|đạo|binh|tế|hàng|vận|tải|điện|lợi|sản|tượng|văn|hậu|sức|kê)';
// Field words whose second syllable is lower case ("Sở Xây dựng", "Tổng cục Hải quan"), listed
// whole: a generic lower-case tail would also take the verb after a name ("Hà Nội thông báo").
const FIELD_WORD =
  '(?:Xây dựng|Hải quan|Ngoại giao|Giao thông|Giáo dục|Tư pháp|Văn hóa|Văn hoá|Thể thao|Du lịch|Khoa học|Công nghệ|' +
  'Công thương|Nội vụ|Lao động|Kế hoạch|Đầu tư|An ninh|Đào tạo|Nghiên cứu|Cửa khẩu|Kỹ thuật|Thương mại|Tài chính|Y tế|' +
  'Quân y|Quân sự|Cấp cao|Tối cao|Biên phòng|Cảnh sát|Điều tra|Kiểm sát|Hàng không|Điện lực|Thống kê|Phát triển|' +
  'Nông nghiệp|Môi trường|Tài nguyên|Truyền thông|Thông tin|Quản lý|Quy hoạch|Tiểu học|Trung học|Đại học|Mầm non|Dự báo|' +
  'Phổ thông|Thế giới|Di động|Chấp hành|Thường vụ|Ngoại thương|Kiểm tra|Tuyên giáo|Dân vận)';
// "SpaceX", "PetroVietnam": a name word may carry inner capitals.
const ORG_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]*(?:\\p{Lu}[\\p{Ll}\\p{M}]*)*";
const FIELD_WORD_RE = new RegExp(`^${FIELD_WORD}$`, 'u');
/** Office titles whose second syllable is lower-case: a capitalised run stopping inside one is no name. */
const SPLIT_TITLE =
  /^(?:Bí thư|Giám đốc|Chủ tịch|Thủ tướng|Chấp hành|Tổng thống|Chủ nhiệm|Chánh án|Viện trưởng|Bộ trưởng|Thứ trưởng|Cục trưởng|Tư lệnh|Trưởng ban|Trưởng phòng|Hiệu trưởng|Tổng giám đốc)$/u;
const ORG_TAIL = `(?:nhân dân|cổ phần|quốc tế|cấp cao|TNHH|${FIELD_WORD}(?![\\p{L}])|${ADMIN}\\s+${CAP}(?:\\s+${CAP})*|${ACRONYM}|${ORG_WORD}(?:\\s+${LOWER_TAIL}(?![\\p{L}]))?)`;
const ORG_RE = new RegExp(`(${ORG_HEAD})(?<![\\p{L}]\\1)(?:\\s+${ORG_TAIL})*(?![\\p{L}])`, 'gu');
// "phối hợp với X": X acts too; "Clip X ...": a title's media tag before the subject.
const CLAUSE_START =
  /(?:^|[,;:\-–]\s*|(?:^|\s)(?:và|được|bởi|khi|phối hợp với|từ)\s+|\d\s+|^(?:Clip|Video|Ảnh)\s+)$/u;
// National and club sides named by country or city: "U23 Việt Nam", "tuyển nữ Việt Nam".
// No look-behind and no optional "đội " in front: both slow the scan; the loop checks them.
const TEAM_RE = new RegExp(`(?:tuyển(?: nữ| nam)?|ĐT|U\\d{2})\\s+(${CAP}(?:\\s+${CAP})*)(?![\\p{L}])`, 'gu');
const TEAM_HINT = /U\d/u;
const COURT_SEAT = new RegExp(`^ tại (?:TP\\.?\\s?HCM|TP\\.?\\s?Hồ Chí Minh|${CAP}(?: ${CAP}){0,2})`, 'u');
// Between a unit and its parent body: the rest of the unit's name in lower case, then a comma
// or a dash ("điều tra tội phạm về ma túy, "); or the dash alone ("- ").
const PART_OF = /^(?:\s+(?:\p{Ll}+\s+){0,8}\p{Ll}+\s*[,\-–]\s*|\s*[-–]\s*)$/u;
const BARE_AGENCY = /^Cơ quan (?:CSĐT|Cảnh sát [đĐ]iều tra|An ninh điều tra)$/u;
const COURT = /^(?:TAND|Tòa án|Toà án|Tòa phúc thẩm)\s/u;
const PANEL = /(?:HĐXX|[Hh]ội đồng xét xử)/u;
const PARENT_BODY = /^(?:Công an|Tổng cục|Bộ|Sở|Cục|UBND|Ủy ban|Uỷ ban|Tập đoàn|Tổng công ty)\s/u;
// Words that end a name and start the clause ("..., Công an tỉnh X cho biết, Cơ quan ...").
const NOT_IN_NAME =
  /(?:^|\s)(?:cho|biết|hay|đã|vừa|sẽ|đang|và|với|của|là|được|bị|thì|mà|khi|để|báo|phối|hợp|tin|nói|theo)(?=[\s,\-–]|$)/u;
const UNNAMED_UNIT = new RegExp(`^\\s+${ADMIN}(?!\\s+\\p{Lu})`, 'u');
const ORG_NAMED_UNIT = new RegExp(`Công an\\s+(${ADMIN}\\s+${CAP}(?:\\s+${CAP})*)`, 'u');
const HEAD_WITH_NAME = new RegExp(`^${ORG_HEAD}\\s+\\S`, 'u');
// Longest first, so "Vietjet Air" wins over "Vietjet"; escaped, since names are data.
const BODY_ALTERNATION = [...KNOWN_BODIES]
  .sort((a, b) => b.length - a.length)
  .map((b) => b.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
  .join('|');
const STANDALONE_ONLY = new RegExp(`^(?:${BODY_ALTERNATION})$`, 'u');
const STANDALONE_RE = new RegExp(`(${BODY_ALTERNATION})(?<![\\p{L}]\\1)(?![\\p{L}])`, 'gu');
// A title before an organisation name makes the organisation part of a job title.
const ROLE_BEFORE_ORG =
  /(?:trưởng|phó|chủ tịch|thủ tướng|ủy viên|uỷ viên|thường trực|chánh|giám đốc|đại biểu|lãnh đạo|cán bộ|thành viên|người phát ngôn|phát ngôn viên|chủ nhiệm|bí thư|tư lệnh|chỉ huy|đại sứ|thư ký|viện trưởng|chánh án|kiểm sát viên|điều tra viên|thứ trưởng|của|với|các|tại|và|phòng|thuộc|hội nghị|phiên họp|họp|văn phòng)\s*$/iu;

const SPEECH = new RegExp(
  String.raw`^(?:\s*,[^.;:]{0,110}?|[^.;:,]{0,40}?)(?:cho biết|cho hay|thông tin|đưa tin|nói|khẳng định|nhấn mạnh|chia sẻ|xác nhận)(?![\p{L}])`,
  'u',
);
const ACTION_AFTER_SPEECH = new RegExp(
  String.raw`^[\s,]*(?:[\p{Ll}]+\s+){0,2}(?:vừa|đã|đang|sẽ)?\s*(?:(?:vây|truy|triệu tập|kịp thời)\s+)?(?:phối hợp|khởi tố|bắt|tạm giữ|tạm giam|xử phạt|ra quyết định|quyết định|truy nã|thi hành|tống đạt|triệt phá|phát hiện)`,
  'u',
);
// The name may end in an initial ("anh Vàng Chá S. (sinh năm 1982)").
const AGED = /^\.?\s*(?:\(|,)\s*(?:cùng\s+)?(?:SN|sinh năm|\d{1,3}\s*tuổi|trú|ngụ|quê)/u;
// "Nguyễn Chí Thanh → Huỳnh Thúc Kháng → La Thành": a detour lists streets.
const ROUTE_ARROW = /[→>]\s*$/u;
const ROUTE_ARROW_AFTER = /^\s*[→>]/u;
const HONORIFIC_END = /(?:^|\s)(?:ông|bà|anh|chị|em|cháu|cụ)\s$/u;
const LOCATIVE_END = /(?:^|\s)(?:tại|ở)\s$/u;
// A list of street names: "các tuyến đường Nguyễn Tri Phương, Lê Đại Hành", "nút giao A – B".
const STREET_LIST = new RegExp(
  `(?:đường|phố|nút giao|ngã tư|ngã ba|tuyến)\\s+(?:${CAP}(?:\\s+${CAP})*\\s*(?:,|và|[-–→>])\\s*)+$|(?:nút giao|ngã tư|ngã ba)\\s+$`,
  'u',
);
const CRIME =
  /(?:bắt|khởi tố|tạm giam|tạm giữ|truy tố|xét xử|bị can|bị cáo|đối tượng|truy nã|lừa đảo|chiếm đoạt|phạt tù|tử hình|điều tra)/gu;

/**
 * True when the text tells of a crime (arrest, charge, trial): then aged people are suspects.
 * "đánh bắt" is fishing, not an arrest; it is checked after the match, since a look-behind in
 * the pattern would slow the scan of every sentence.
 */
export const isCrimeText = (text: string): boolean => {
  CRIME.lastIndex = 0;
  for (let m = CRIME.exec(text); m !== null; m = CRIME.exec(text)) {
    if (m[0] !== 'bắt' || !text.endsWith('đánh ', m.index)) return true;
  }
  return false;
};

// Verbs whose object person is not an agent: the guest received ("tiếp Đại sứ X"), the leader
// asked to resign ("đòi Thủ tướng X từ chức"), the presenter a body hears ("Quốc hội nghe X
// trình bày"). Not "gặp"/"hội đàm với": both sides of a meeting
// act (adding them lowered the held-out score). "trực tiếp", "tiếp tục", "tiếp thu" are other words.
const OBJECT_OF = new RegExp(
  String.raw`(?<![\p{L}])(?<!trực )(?:tiếp(?!\s+(?:tục|thu|nhận|xúc|cận|theo|đó|nối|tế))|đòi|nghe)\s+((?:\S+\s+){0,20})$`,
  'iu',
);
// Words that open a new clause between such a verb and a name: then the name is a subject.
const CLAUSE_MARK = /(?:^|\s)(?:đã|sẽ|đang|vừa|rằng|thì|khi|để|nhưng|cho biết)(?=\s|$)|[.;:"“”]/u;
// A reporting verb earlier in the sentence: the people after it belong to what was reported.
const REPORTED = /(?:cho biết|cho hay|khẳng định|nói rằng|cho rằng|tuyên bố|thông tin)\s*,?\s/u;

// "của X" makes X a possessor ("lời thăm hỏi của Tổng Bí thư X", "khối bướu của anh X"), and
// so does a list of titled names after it ("lời mời của A và Phu nhân, Chủ tịch nước B").
const OF = /(?<![\p{L}])của\s([^.;:()]{0,120})$/u;
const ROLE_G = new RegExp(`(?<![\\p{L}])${ROLE}(?![\\p{L}])`, 'gu');
const NAME_WORD_G = /(?<![\p{L}])(?:[Pp]hu nhân|\p{Lu}[\p{L}\p{M}-]*|và|nước)(?![\p{L}])/gu;
/** True when the name at `index` follows "của" with only names and titles in between. */
const isPossessor = (sentence: string, index: number): boolean => {
  const window = sentence.slice(Math.max(0, index - 120), index);
  // The nearest "của": "phim A của X, phim B của Y" makes Y a possessor as well.
  const last = window.lastIndexOf('của');
  if (last < 0) return false;
  const m = OF.exec(window.slice(last));
  if (m === null) return false;
  // "dưới sự chủ trì của X", "với sự tham dự của X": X takes part in the event.
  const lead = sentence.slice(Math.max(0, index - 150), index - (m[1] ?? '').length - 4);
  if (/sự\s+(?:\S+\s+){0,2}$/u.test(lead)) return false;
  const between = (m[1] ?? '').replace(ROLE_G, ' ').replace(NAME_WORD_G, ' ');
  return /^[\s,]*$/u.test(between);
};
// "sau khi X ..." reports an earlier event (the court ruling that led to the decree).
const EARLIER = /(?:sau khi|trước khi|sau khi được|kể từ khi)\s+$/u;
// "X (mới) được thành lập / giao / đầu tư": X undergoes the action.
const PASSIVE_AFTER =
  /^\S*(?:\s+[^\s,.;:]+){0,3}?\s+(?:(?:mới|vừa|đã|sẽ|đang)\s+)?(?:được|bị(?!\s+(?:cáo|can|hại)))\s+\p{Ll}/u;

// "nhận được tin báo", "đạt được": "được" after these verbs means "manage to", not a passive.
const GOT = /(?:nhận|đạt|có|làm|tìm|thu|giành|lấy|kiếm)\s+(?:được|bị)\s+\p{Ll}$/u;
const isPassive = (after: string): boolean => {
  const m = PASSIVE_AFTER.exec(after);
  return m !== null && !GOT.test(m[0]);
};

/** True when a person at `index` is the object of a verb like "tiếp", "gặp", "đòi", "nghe". */
const isObject = (sentence: string, index: number): boolean => {
  const m = OBJECT_OF.exec(sentence.slice(Math.max(0, index - 160), index));
  return m !== null && !CLAUSE_MARK.test(m[1] ?? '');
};

const PLACED_IN = /^\s*\((?:tỉnh|huyện|TP|thành phố|xã|phường|quận|thị xã)[\s.][^,()]*\)/u;
const COUNTRY_AFTER = /^\s*\((\p{Lu}[\p{L} ]{1,20}?)[,)]/u;
/** "Kunlavut Vitidsarn (Thái Lan, ...)": a foreign name followed by its country in brackets. */
const hasCountryAfter = (sentence: string, end: number): boolean => {
  if (sentence.charCodeAt(end + 1) !== 40) return false; // "("
  const country = COUNTRY_AFTER.exec(sentence.slice(end, end + 30))?.[1];
  return country !== undefined && knownPlace(country) === 1;
};
// Surnames of Chinese and Korean leaders as Vietnamese news spells them, outside the
// Vietnamese surname list; trusted only after a role.
const FOREIGN_SURNAMES = new Set(['Tập', 'Ôn', 'Kim', 'Moon', 'Park', 'Yoon', 'Lee']);
const HONORIFIC = new Set([
  'Ông',
  'Bà',
  'Anh',
  'Chị',
  'Cụ',
  'Em',
  'Cháu',
  'Bé',
  'Thầy',
  'Cô',
  'Chú',
  'Bác',
  'Đồng',
]);
// Precomposed Latin letters with diacritics, or a combining mark (text is NFC, but be safe).
const STARTS_UPPER = new RegExp(String.raw`^\p{Lu}`, 'u');
const ALL_UPPER = new RegExp(String.raw`^\p{Lu}+$`, 'u');
const VIETNAMESE_LETTER = new RegExp(String.raw`[\u00C0-\u024F\u1E00-\u1EFF]|\p{M}`, 'u');

/**
 * True when the text ends with a role word. The word's start is checked after the match (a
 * look-behind in the pattern slows every start position): "cầu lông " ends in "ông" but not
 * in the honorific "ông". The leftmost match is the longest, so checking it is enough.
 */
const endsWithRole = (text: string): boolean => {
  const m = ROLE_END.exec(text);
  return m !== null && (m.index === 0 || !LETTER.test(text.charAt(m.index - 1)));
};
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\d]/u;

const overlaps = (a: { index: number; text: string }, b: { index: number; text: string }): boolean =>
  a.index < b.index + b.text.length && b.index < a.index + a.text.length;

/** Strips leading words that are a place or a known body ("Mỹ Donald Trump" -> "Donald Trump"). */
function stripLeadingPlace(words: string[]): number {
  for (let j = Math.min(words.length - 1, 3); j >= 1; j--) {
    const head = words.slice(0, j).join(' ');
    if (knownPlace(head) !== null || head === 'Nhà Trắng' || head === 'Liên hợp quốc') return j;
  }
  return 0;
}

/**
 * People and organisations in one sentence, in order, with source/victim flags.
 * @param crime whether the sentence tells of a crime; computed when not given.
 */
export function findViAgents(sentence: string, crime = isCrimeText(sentence)): AgentMention[] {
  const out: AgentMention[] = [];
  const flags = (
    index: number,
    text: string,
    kind: 'person' | 'org',
  ): { source: boolean; speaker: boolean; victim: boolean } => {
    const before = sentence.slice(Math.max(0, index - 12), index);
    const after = sentence.slice(index + text.length);
    let source = /(?:^|\s)(?:[Tt]heo|[Tt]ừ)\s+(?:\S+\s+){0,3}$/u.test(before);
    let speaker = false;
    const speech = SPEECH.exec(after);
    if (speech !== null) {
      const rest = after.slice(speech[0].length);
      source = kind === 'person' || !ACTION_AFTER_SPEECH.test(rest);
      speaker = source && !/(?:^|\s)[Tt]heo\s/u.test(before);
    }
    // Outside crime stories a person given with an age or a home address is someone things
    // happened to (the drowned, the boat owner, the patient), not an agent.
    const aged = AGED.test(after);
    return { source, speaker, victim: kind === 'person' && aged && !crime };
  };
  const push = (text: string, index: number, kind: 'person' | 'org'): void => {
    const m = { text, index, kind, ...flags(index, text, kind) };
    if (out.some((o) => overlaps(o, m))) return;
    out.push(m);
  };
  // Organisations first: their names contain capitalised runs that are not people.
  for (const m of [...sentence.matchAll(ORG_RE), ...sentence.matchAll(STANDALONE_RE)]) {
    let text = m[0];
    const words = text.split(' ');
    // Cut a person name run into the organisation ("Bộ Tài chính Nguyễn Văn Thắng").
    const cut = words.findIndex(
      (w, i) =>
        i > 0 &&
        isSurname(w) &&
        STARTS_UPPER.test(words[i + 1] ?? '') &&
        knownPlace(words.slice(i, i + 2).join(' ')) === null &&
        knownPlace(words.slice(i, i + 3).join(' ')) === null,
    );
    const titled = cut > 0;
    if (titled) text = words.slice(0, cut).join(' ');
    const head = sentence.slice(Math.max(0, m.index - 30), m.index);
    if (titled || (ROLE_BEFORE_ORG.test(head) && !/phối hợp với\s*$/u.test(head))) continue;
    // A bare head ("Ban", "Sở", "Ngân hàng") says nothing: require a name after it, except
    // for standalone bodies ("Quốc hội"), which the second pattern finds.
    // "Cơ quan CSĐT - Công an TP.HCM" names the agency by the body after the dash.
    const agencyOfBody =
      BARE_AGENCY.test(text) && /^\s*[-–]\s*Công an/u.test(sentence.slice(m.index + text.length));
    if (!STANDALONE_ONLY.test(text) && !HEAD_WITH_NAME.test(text) && !agencyOfBody) continue;
    // An organisation is an agent as a subject (clause start) or a passive agent ("được X");
    // elsewhere it is an object or part of a longer name ("phiên họp Ban Chỉ đạo"). A court
    // acts through its trial panel ("tại trụ sở Tòa X, HĐXX đã tuyên án").
    const courtOfPanel = COURT.test(text) && PANEL.test(sentence);
    if (!courtOfPanel && !CLAUSE_START.test(sentence.slice(Math.max(0, m.index - 16), m.index))) continue;
    if (EARLIER.test(head) || isPassive(sentence.slice(m.index + text.length))) continue;
    // "Cơ quan An ninh điều tra Công an tỉnh" refers back to the province named before.
    if (text.endsWith('Công an') && UNNAMED_UNIT.test(sentence.slice(m.index + text.length))) {
      const named = ORG_NAMED_UNIT.exec(sentence);
      if (named?.[1] === undefined || named.index >= m.index) continue;
      text = `${text} ${named[1]}`;
    }
    const end = m.index + text.length;
    // "TAND cấp cao tại Hà Nội": the high courts are named by their seat.
    if (/(?:[Cc]ấp|[Tt]ối) cao$/u.test(text)) {
      const seat = COURT_SEAT.exec(sentence.slice(end, end + 40))?.[0];
      if (seat !== undefined) text += seat;
    }
    // "Phòng Cảnh sát điều tra tội phạm về ma túy, Công an tỉnh X", "Cục A- Tổng cục B": a
    // unit and the body it belongs to are one agent, written whole.
    const unit = out.at(-1);
    const gap = unit === undefined ? '' : sentence.slice(unit.index + unit.text.length, m.index);
    if (unit?.kind === 'org' && PARENT_BODY.test(text) && PART_OF.test(gap) && !NOT_IN_NAME.test(gap)) {
      out[out.length - 1] = { ...unit, text: sentence.slice(unit.index, end) };
      continue;
    }
    // "Trường Sa" is a place, not a school.
    if (knownPlace(text) !== null || isDistrict(text)) continue;
    push(text, m.index, 'org');
  }
  const teams = sentence.includes('tuyển') || sentence.includes('ĐT') || TEAM_HINT.test(sentence);
  for (const m of teams ? sentence.matchAll(TEAM_RE) : []) {
    if (LETTER_OR_DIGIT.test(sentence.charAt(m.index - 1)) || knownPlace(m[1] ?? '') === null) continue;
    const team = /(?:^|\s)(?:đội|Đội) $/u.test(sentence.slice(Math.max(0, m.index - 5), m.index));
    const index = team ? m.index - 4 : m.index;
    const text = team ? `${sentence.slice(index, m.index)}${m[0]}` : m[0];
    if (CLAUSE_START.test(sentence.slice(Math.max(0, index - 12), index))) push(text, index, 'org');
  }
  const arrows = sentence.includes('→') || sentence.includes('>');
  for (const m of sentence.matchAll(RUN_RE)) {
    // "Đồng Nai" is a province, not the honorific "Đồng" before a name.
    if (knownPlace(m[0]) !== null) continue;
    const words = m[0].split(' ');
    // A sentence-initial honorific joins the run ("Ông Nguyễn Anh Dũng"): it is a role.
    const honorific = words.length > 1 && HONORIFIC.has(words[0] ?? '') ? 1 : 0;
    const skip = honorific + stripLeadingPlace(words.slice(honorific));
    const name = words.slice(skip);
    if (name.length === 0) continue;
    const index = m.index + (skip === 0 ? 0 : words.slice(0, skip).join(' ').length + 1);
    const text = name.join(' ');
    if (skip === 0 && knownPlace(text) !== null) continue;
    const before = sentence.slice(Math.max(0, m.index - 40), m.index);
    // After a place noun the run is a place name ("thôn Mã Lầu A", "đảo Bạch Long Vỹ").
    const prefixed =
      /(?:TP\.?|[Tt]hành phố|tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thôn|xóm|ấp|bản|làng|nhà xe|hãng xe|đường|đoạn|chiều|hướng|phố|khu|sân|sân đấu|sân vận động|nhà thi đấu|cầu|chợ|trường|sông|núi|đèo|đảo|biển|vịnh|hồ|Công an|UBND|Tòa|TAND|Bệnh viện|bệnh viện|Trường|Trung tâm)\s*$/u.test(
        before,
      );
    if (prefixed || (arrows && ROUTE_ARROW.test(before))) continue;
    if (
      (before.includes('đường') ||
        before.includes('phố') ||
        before.includes('ngã') ||
        before.includes('nút') ||
        before.includes('tuyến')) &&
      STREET_LIST.test(before)
    )
      continue;
    if (arrows && ROUTE_ARROW_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 3)))
      continue;
    // "bắt giữ tại Cao Phong": a district after a locative word is a place, whatever its first syllable.
    if (LOCATIVE_END.test(before) && isDistrict(text)) continue;
    const surnameLed = isSurname(name[0] ?? '') && name.length >= 2 && name.length <= 4;
    // The role test is the costliest regex here: only foreign-looking names need it.
    const afterRole = !surnameLed && (honorific === 1 || endsWithRole(before));
    // After a role, a name that does not start with a surname is foreign ("Obama", "Michelle
    // Bachelet"): written without Vietnamese letters, which keeps out "Trưởng phòng Cảnh sát".
    const plain = !ALL_UPPER.test(text) && !VIETNAMESE_LETTER.test(text);
    // Chinese and Korean leaders in Sino-Vietnamese spelling ("Chủ tịch Tập Cận Bình").
    const sino = afterRole && name.length === 3 && FOREIGN_SURNAMES.has(name[0] ?? '');
    const end = m.index + m[0].length;
    const multi = name.length >= 2 && name.length <= 4;
    // Only runs without a surname need the costlier foreign-name tests.
    const foreign =
      !surnameLed &&
      ((afterRole && name.length <= 4 && plain) ||
        sino ||
        (plain && multi && hasCountryAfter(sentence, end)) ||
        // "Chủ tịch Hạ viện Ấn Độ Om Birla": a foreign name right after its country.
        (plain && multi && skip > honorific) ||
        // "ông Mun Chê In": a Korean or Lao name in Vietnamese spelling after "ông"/"bà".
        (multi && HONORIFIC_END.test(before)) ||
        // "bắt quả tang Tồng Lò và Lầu Lò (cùng 40 tuổi, ...)": an aged suspect.
        (multi && crime && AGED.test(sentence.slice(end))));
    if (!surnameLed && !foreign) continue;
    // "Đoàn Ngoại giao", "Viện Khoa học": the run goes on in a lower-case syllable of a field word.
    const next = /^ (\p{Ll}+)/u.exec(sentence.slice(m.index + m[0].length))?.[1];
    if (next !== undefined && FIELD_WORD_RE.test(`${words.at(-1) ?? ''} ${next}`)) continue;
    // "Phó Bí thư", "Phó Giám đốc", "Ban Chấp hành": the run ends inside an office's title.
    if (next !== undefined && SPLIT_TITLE.test(`${words.at(-1) ?? ''} ${next}`)) continue;
    // The first word of a sentence is capitalised anyway: do not take "Tại", "Trong"...
    if (index === 0 && !surnameLed) continue;
    // "Mai Lâm (tỉnh Thanh Hóa)": a run placed in one unit is a place; a suspect's address
    // in brackets ("Nguyễn Văn Vũ (xã Long Hưng, thị xã Gò Công)") is not.
    if (!crime && sentence.charCodeAt(end + 1) === 40 && PLACED_IN.test(sentence.slice(end, end + 40)))
      continue;
    if (isObject(sentence, index) || isPossessor(sentence, index) || EARLIER.test(before)) continue;
    if (!crime && REPORTED.test(sentence.slice(0, index))) continue;
    push(text, index, 'person');
  }
  return out.sort((a, b) => a.index - b.index);
}
