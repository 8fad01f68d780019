/**
 * Vietnamese agents (who): people as capitalised syllable runs that start with a known surname
 * or follow a role word ("Thủ tướng", "ông", "đại tá", "Tổng thống Mỹ"...), organisations by
 * their head word ("Bộ", "Văn phòng", "Công an tỉnh X", "Cơ quan Cảnh sát điều tra"...). Each
 * mention carries flags the caller uses to drop sources ("X cho biết", "theo X") and victims.
 */
import { isSurname, knownPlace } from './gazetteer.ts';
import { KNOWN_BODIES } from './known-bodies.ts';

export interface AgentMention {
  /** The name as written, without the job title. */
  readonly text: string;
  readonly index: number;
  readonly kind: 'person' | 'org';
  /** Attributed speech only: "theo X", "X cho biết" with no action reported. */
  readonly source: boolean;
  /** A person given with an age in a story without a crime: a victim, not an agent. */
  readonly victim: boolean;
}

const CAP = "\\p{Lu}[\\p{Ll}\\p{M}'’]*";
const ACRONYM = '\\p{Lu}{2,}(?:\\.\\p{Lu}+)*';
const RUN_RE = new RegExp(`(?<![\\p{L}.])${CAP}(?:[ \\-]${CAP})*(?: \\p{Lu}\\.)?(?![\\p{L}])`, 'gu');

const ROLE =
  '(?:ông|bà|anh|chị|cụ|em|cháu|Tổng thống|Phó Tổng thống|Thủ tướng|Phó Thủ tướng|Chủ tịch|Phó Chủ tịch|Chủ tịch nước|Tổng Bí thư|' +
  'Bộ trưởng|Thứ trưởng|Ngoại trưởng|Đại sứ|người phát ngôn|Người phát ngôn|phát ngôn viên|Thường trực Ban Bí thư|Giám đốc|Tổng Giám đốc|' +
  'Đại tá|đại tá|Thượng tá|thượng tá|Trung tá|trung tá|Thiếu tá|thiếu tá|Đại úy|Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng|' +
  'thiếu tướng|trung tướng|bị can|bị cáo|đối tượng|Tổng thư ký|Nữ hoàng|Vua|Hoàng tử|Thống đốc|Thị trưởng|Chủ nhiệm|Chánh án|' +
  'Viện trưởng|Chánh Văn phòng|Phó Chánh Văn phòng|HLV|huấn luyện viên|Hoàng thân|Quốc vương|Nhà vua|Giáo hoàng|Tổng tư lệnh|Tư lệnh|' +
  'Bí thư|Trưởng ban|Trưởng phòng|Phó Giám đốc|CEO|tỷ phú|danh thủ|tiền đạo|thủ môn|ca sĩ|diễn viên|nghệ sĩ|nhà văn)';
const ROLE_END = new RegExp(
  `${ROLE}(?:\\s+(?:nước|Chính phủ|Quốc hội|Cộng hòa|nước Cộng hòa|Cộng hoà))?\\s*$`,
  'u',
);

// Organisation heads, longest first so "Cơ quan Cảnh sát điều tra" wins over shorter ones.
const ORG_HEAD =
  '(?:Cơ quan Cảnh sát điều tra|Cơ quan CSĐT|Cơ quan An ninh điều tra|Văn phòng|Bộ Công an|Bộ Quốc phòng|Bộ|Ban|Ủy ban|Uỷ ban|' +
  'UBND|HĐND|Sở|Công an|Tòa án|Toà án|TAND|Viện kiểm sát|Viện KSND|VKSND|Tổng công ty|Công ty|Tập đoàn|Ngân hàng|Trung tâm|' +
  'Tổng cục|Cục|Hãng|Học viện|Bệnh viện|Hội đồng|Mặt trận|Liên đoàn|Hiệp hội|Bộ Tư lệnh|Bộ Chỉ huy|Quân khu|Đội tuyển|Thanh tra|Kiểm toán Nhà nước)';
const ADMIN = '(?:tỉnh|thành phố|TP\\.?|huyện|quận|xã|phường|thị xã|thị trấn)';
// Lower-case second syllables of words inside names ("Trung ương", "Cảnh sát", "Công an").
const LOWER_TAIL =
  '(?:ương|sát|an|tịch|trường|lãm|nghị|tế|thư|phủ|hội|dân|sự|vụ|tâm|viện|học|trị|phòng|bay|không|lực|tra|chính|nghiệp|tư|phẩm|thông|nguyên|tài|khí|nước|đạo|binh|tế|hàng|vận|tải|điện|lợi|sản|tin|tượng|văn|hậu)';
const ORG_TAIL = `(?:nhân dân|cổ phần|TNHH|${ACRONYM}|${ADMIN}\\s+${CAP}(?:\\s+${CAP})*|${CAP}(?:\\s+${LOWER_TAIL}(?![\\p{L}]))?)`;
const ORG_RE = new RegExp(`(?<![\\p{L}])${ORG_HEAD}(?:\\s+${ORG_TAIL})*(?![\\p{L}])`, 'gu');
const CLAUSE_START = /(?:^|[,;:\-–]\s*|(?:^|\s)(?:và|được|bởi|khi)\s+|\d\s+)$/u;
const HEAD_WITH_NAME = new RegExp(`^${ORG_HEAD}\\s+\\S`, 'u');
// Longest first, so "Vietjet Air" wins over "Vietjet"; escaped, since names are data.
const BODY_ALTERNATION = [...KNOWN_BODIES]
  .sort((a, b) => b.length - a.length)
  .map((b) => b.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
  .join('|');
const STANDALONE_ONLY = new RegExp(`^(?:${BODY_ALTERNATION})$`, 'u');
const STANDALONE_RE = new RegExp(`(?<![\\p{L}])(?:${BODY_ALTERNATION})(?![\\p{L}])`, 'gu');
// A title before an organisation name makes the organisation part of a job title.
const ROLE_BEFORE_ORG =
  /(?:trưởng|phó|chủ tịch|thủ tướng|ủy viên|uỷ viên|thường trực|chánh|giám đốc|đại biểu|lãnh đạo|đại diện|cán bộ|thành viên|người phát ngôn|phát ngôn viên|chủ nhiệm|bí thư|tư lệnh|chỉ huy|đại sứ|thư ký|viện trưởng|chánh án|kiểm sát viên|điều tra viên|thứ trưởng|của|với|các|tại|và|phòng|thuộc|hội nghị|phiên họp|họp|văn phòng)\s*$/iu;

const SPEECH = new RegExp(
  String.raw`^(?:\s*,[^.;:]{0,110}?|[^.;:,]{0,40}?)(?:cho biết|cho hay|thông tin|đưa tin|nói|khẳng định|nhấn mạnh|chia sẻ)(?![\p{L}])`,
  'u',
);
const ACTION_AFTER_SPEECH = new RegExp(
  String.raw`^[\s,]*(?:[\p{Ll}]+\s+){0,2}(?:vừa|đã|đang|sẽ)?\s*(?:phối hợp|khởi tố|bắt|tạm giữ|tạm giam|xử phạt|ra quyết định|quyết định|truy nã|thi hành|tống đạt|triệt phá|phát hiện)`,
  'u',
);
const CRIME =
  /(?:bắt|khởi tố|tạm giam|tạm giữ|truy tố|xét xử|bị can|bị cáo|đối tượng|truy nã|lừa đảo|chiếm đoạt|phạt tù|tử hình|điều tra)/u;

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

/** True when a person at `index` is the object of a verb like "tiếp", "gặp", "đòi", "nghe". */
const isObject = (sentence: string, index: number): boolean => {
  const m = OBJECT_OF.exec(sentence.slice(Math.max(0, index - 160), index));
  return m !== null && !CLAUSE_MARK.test(m[1] ?? '');
};

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

/** People and organisations in one sentence, in order, with source/victim flags. */
export function findViAgents(sentence: string): AgentMention[] {
  const out: AgentMention[] = [];
  const crime = CRIME.test(sentence);
  const flags = (
    index: number,
    text: string,
    kind: 'person' | 'org',
  ): { source: boolean; victim: boolean } => {
    const before = sentence.slice(Math.max(0, index - 12), index);
    const after = sentence.slice(index + text.length);
    let source = /(?:^|\s)(?:[Tt]heo|[Tt]ừ)\s+(?:\S+\s+){0,3}$/u.test(before);
    const speech = SPEECH.exec(after);
    if (speech !== null) {
      const rest = after.slice(speech[0].length);
      source = kind === 'person' || !ACTION_AFTER_SPEECH.test(rest);
    }
    const aged = /^\s*(?:\(|,)\s*(?:SN|sinh năm|\d{1,3}\s*tuổi)/u.test(after);
    return { source, victim: kind === 'person' && aged && !crime };
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
    if (titled || ROLE_BEFORE_ORG.test(sentence.slice(Math.max(0, m.index - 30), m.index))) continue;
    // A bare head ("Ban", "Sở", "Ngân hàng") says nothing: require a name after it, except
    // for standalone bodies ("Quốc hội"), which the second pattern finds.
    if (!STANDALONE_ONLY.test(text) && !HEAD_WITH_NAME.test(text)) continue;
    // An organisation is an agent as a subject (clause start) or a passive agent ("được X");
    // elsewhere it is an object or part of a longer name ("phiên họp Ban Chỉ đạo").
    if (!CLAUSE_START.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    push(text, m.index, 'org');
  }
  for (const m of sentence.matchAll(RUN_RE)) {
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
      /(?:TP\.?|[Tt]hành phố|tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thôn|xóm|ấp|bản|làng|đường|phố|khu|sân|cầu|chợ|trường|sông|núi|đèo|đảo|biển|vịnh|hồ|Công an|UBND|Tòa|TAND|Bệnh viện|bệnh viện|Trường|Trung tâm)\s*$/u.test(
        before,
      );
    if (prefixed) continue;
    const surnameLed = isSurname(name[0] ?? '') && name.length >= 2 && name.length <= 4;
    // The role test is the costliest regex here: only foreign-looking names need it.
    const afterRole = !surnameLed && (honorific === 1 || ROLE_END.test(before));
    // After a role, a name that does not start with a surname is foreign ("Obama", "Michelle
    // Bachelet"): written without Vietnamese letters, which keeps out "Trưởng phòng Cảnh sát".
    const foreign = afterRole && name.length <= 4 && !ALL_UPPER.test(text) && !VIETNAMESE_LETTER.test(text);
    if ((surnameLed || foreign) && isObject(sentence, index)) continue;
    if ((surnameLed || foreign) && !crime && REPORTED.test(sentence.slice(0, index))) continue;
    if (surnameLed || foreign) {
      // The first word of a sentence is capitalised anyway: do not take "Tại", "Trong"...
      if (index === 0 && !surnameLed) continue;
      push(text, index, 'person');
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
