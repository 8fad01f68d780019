import type { Lang } from '../domain.ts';

/** Every user-facing string of the core, in both languages. Vietnamese is the default. */
export const messages = {
  vi: {
    who: 'Ai',
    what: 'Việc gì',
    when: 'Khi nào',
    where: 'Ở đâu',
    unknown: 'chưa rõ',
    topStories: 'Tin nổi bật 24 giờ qua',
    recentStories: 'Tin mới nhất (không có tin nào trong 24 giờ qua)',
    latest: 'Tin mới nhất',
    noArticles: 'Chưa có bài nào. Thêm nguồn tin bằng /feeds add <url>.',
    searchResults: (q: string) => `Kết quả tìm kiếm cho “${q}”`,
    noResults: (q: string) => `Không tìm thấy bài nào cho “${q}”.`,
    searchUsage: 'Cách dùng: /search <từ khóa>, ví dụ /search Đà Nẵng',
    articleNotFound: (id: number) => `Không có bài số ${id}.`,
    unknownCommand: (name: string) => `Không có lệnh /${name}. Gõ /help để xem các lệnh.`,
    notACommand: 'Lệnh bắt đầu bằng dấu /. Gõ /help để xem các lệnh.',
    adminOnly: 'Chỉ quản trị viên của nhóm/kênh mới được thay đổi đăng ký, nguồn tin và cài đặt.',
    helpTitle: 'bantin — tóm tắt tin tức: ai, việc gì, khi nào, ở đâu',
    subscribed: (schedule: string, next: string) =>
      `Đã đăng ký bản tin theo lịch “${schedule}”. Lần gửi tới: ${next}.`,
    noSubscriptions: 'Chat này chưa đăng ký bản tin. Ví dụ: /subscribe 0 7 * * * (7 giờ sáng mỗi ngày).',
    subscriptionsTitle: 'Các bản tin đã đăng ký',
    subscriptionLine: (id: number, schedule: string, next: string, filter: string | null, paused: boolean) =>
      `#${id} · ${schedule}${filter ? ` · lọc: ${filter}` : ''} · lần tới: ${paused ? 'tạm dừng' : next}`,
    unsubscribed: (n: number) => (n === 0 ? 'Không có đăng ký nào để hủy.' : `Đã hủy ${n} đăng ký.`),
    digestTitle: (date: string, n: number) => `Bản tin ${date} · ${n} tin`,
    digestEmpty: 'Không có tin mới kể từ bản tin trước.',
    digestLate: '(gửi muộn)',
    feedsTitle: 'Nguồn tin',
    noFeeds: 'Chưa có nguồn tin. Thêm bằng /feeds add <url>.',
    feedAdded: (url: string, n: number) => `Đã thêm nguồn ${url} (${n} bài).`,
    feedExists: (id: number) => `Nguồn này đã có (#${id}).`,
    feedRemoved: (id: number) => `Đã xóa nguồn #${id}.`,
    feedNotFound: (id: number) => `Không có nguồn #${id}.`,
    feedNotYours: (id: number) =>
      `Nguồn #${id} do chat khác hoặc người vận hành thêm; chat này không xóa được.`,
    feedsUsage:
      'Cách dùng: /feeds list | /feeds add <url> | /feeds remove <số> | /feeds import | /feeds export',
    feedsExported: (n: number) => `${n} nguồn tin, dạng OPML (nhập được vào các trình đọc RSS khác).`,
    importUsage: (platform: string) =>
      platform === 'discord'
        ? 'Cách nhập: /feeds action:import file:<tệp .opml>'
        : platform === 'telegram'
          ? 'Cách nhập: gửi tệp .opml kèm chú thích /feeds import (hoặc trả lời tệp đó bằng /feeds import).'
          : 'Cách nhập ở terminal: /feeds import <đường dẫn tệp .opml>',
    importTooBig: (name: string) => `Tệp ${name} quá lớn cho một danh sách OPML (tối đa 1 MB).`,
    importNotOpml: (name: string) => `Tệp ${name} không phải tệp OPML hợp lệ.`,
    importEmpty: (name: string) => `Tệp ${name} không có nguồn tin (xmlUrl) nào.`,
    imported: (name: string, n: number, added: number, existing: number) =>
      `Đã đọc ${n} nguồn từ ${name}: thêm ${added}, đã có ${existing}.`,
    importOverQuota: (n: number, max: number, checks: number) =>
      `Bỏ qua ${n} nguồn: mỗi chat thêm được tối đa ${max} nguồn, mỗi lần nhập kiểm tra tối đa ${checks}.`,
    urlTooLong: 'đường dẫn quá dài',
    settingsNow: (lang: string, tz: string) => `Ngôn ngữ: ${lang} · Múi giờ: ${tz}`,
    settingsUsage:
      'Đổi: /settings lang vi|en · /settings timezone Asia/Ho_Chi_Minh · /settings empty on|off (báo khi bản tin không có tin mới)',
    settingsSaved: 'Đã lưu cài đặt.',
    badLang: 'Ngôn ngữ phải là vi hoặc en.',
    badTimezone: (tz: string) => `“${tz}” không phải múi giờ IANA (ví dụ Asia/Ho_Chi_Minh, Europe/London).`,
    latestUsage: 'Cách dùng: /latest [số bài, 1–20]',
    sources: 'Nguồn',
    fetchLimited: (s: number) => `Bạn đã gửi nhiều đường dẫn trong một phút; hãy thử lại sau ${s} giây.`,
    id: 'Mã bài',
  },
  en: {
    who: 'Who',
    what: 'What',
    when: 'When',
    where: 'Where',
    unknown: 'unknown',
    topStories: 'Top stories of the last 24 hours',
    recentStories: 'Latest stories (nothing in the last 24 hours)',
    latest: 'Latest stories',
    noArticles: 'No articles yet. Add a news source with /feeds add <url>.',
    searchResults: (q: string) => `Search results for “${q}”`,
    noResults: (q: string) => `No article found for “${q}”.`,
    searchUsage: 'Usage: /search <words>, e.g. /search Da Nang',
    articleNotFound: (id: number) => `There is no article ${id}.`,
    unknownCommand: (name: string) => `There is no /${name} command. Type /help for the list.`,
    notACommand: 'Commands start with /. Type /help for the list.',
    adminOnly: 'Only administrators of this group or channel can change subscriptions, feeds or settings.',
    helpTitle: 'bantin — news summaries: who, what, when, where',
    subscribed: (schedule: string, next: string) =>
      `Subscribed to digests on “${schedule}”. Next delivery: ${next}.`,
    noSubscriptions:
      'This chat has no digest subscription. Example: /subscribe 0 7 * * * (every day at 7:00).',
    subscriptionsTitle: 'Digest subscriptions',
    subscriptionLine: (id: number, schedule: string, next: string, filter: string | null, paused: boolean) =>
      `#${id} · ${schedule}${filter ? ` · filter: ${filter}` : ''} · next: ${paused ? 'paused' : next}`,
    unsubscribed: (n: number) =>
      n === 0 ? 'There was no subscription to cancel.' : `Cancelled ${n} subscription(s).`,
    digestTitle: (date: string, n: number) => `Digest ${date} · ${n} stories`,
    digestEmpty: 'Nothing new since the last digest.',
    digestLate: '(late)',
    feedsTitle: 'News sources',
    noFeeds: 'No news sources yet. Add one with /feeds add <url>.',
    feedAdded: (url: string, n: number) => `Added ${url} (${n} articles).`,
    feedExists: (id: number) => `That source is already there (#${id}).`,
    feedRemoved: (id: number) => `Removed source #${id}.`,
    feedNotFound: (id: number) => `There is no source #${id}.`,
    feedNotYours: (id: number) =>
      `Source #${id} was added by another chat or the operator; this chat cannot remove it.`,
    feedsUsage: 'Usage: /feeds list | /feeds add <url> | /feeds remove <id> | /feeds import | /feeds export',
    feedsExported: (n: number) => `${n} news sources as OPML (other feed readers can import it).`,
    importUsage: (platform: string) =>
      platform === 'discord'
        ? 'To import: /feeds action:import file:<an .opml file>'
        : platform === 'telegram'
          ? 'To import: send an .opml file with the caption /feeds import (or reply to it with /feeds import).'
          : 'To import in the terminal: /feeds import <path of an .opml file>',
    importTooBig: (name: string) => `${name} is too big for an OPML list (1 MB at most).`,
    importNotOpml: (name: string) => `${name} is not a valid OPML file.`,
    importEmpty: (name: string) => `${name} lists no feeds (no xmlUrl).`,
    imported: (name: string, n: number, added: number, existing: number) =>
      `Read ${n} sources from ${name}: ${added} added, ${existing} already there.`,
    importOverQuota: (n: number, max: number, checks: number) =>
      `Skipped ${n}: a chat can add at most ${max} sources, and one import checks at most ${checks}.`,
    urlTooLong: 'the link is too long',
    settingsNow: (lang: string, tz: string) => `Language: ${lang} · Time zone: ${tz}`,
    settingsUsage:
      'Change: /settings lang vi|en · /settings timezone Europe/London · /settings empty on|off (say so when a digest has nothing new)',
    settingsSaved: 'Settings saved.',
    badLang: 'The language must be vi or en.',
    badTimezone: (tz: string) => `“${tz}” is not an IANA time zone (e.g. Asia/Ho_Chi_Minh, Europe/London).`,
    latestUsage: 'Usage: /latest [number of stories, 1–20]',
    sources: 'Sources',
    fetchLimited: (s: number) => `You have sent many links in a minute; please try again in ${s} s.`,
    id: 'Article id',
  },
} as const;

export type Messages = (typeof messages)['vi'] | (typeof messages)['en'];
export const t = (lang: Lang): Messages => messages[lang];

// Building an Intl.DateTimeFormat costs ~0.3 ms, formatting with one ~20 µs: a reply of five
// cards built five. One per (locale, time zone) kept; time zones are IANA names, so few.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (locale: string, timezone: string, withTime: boolean): Intl.DateTimeFormat => {
  const key = `${locale}|${timezone}|${String(withTime)}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: timezone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}),
    });
    formatters.set(key, f);
  }
  return f;
};

/** "30/12/2020 14:05" in the chat's time zone. */
export function formatDateTime(iso: string, timezone: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter(lang === 'vi' ? 'vi-VN' : 'en-GB', timezone, true).format(d);
}

/** "30/12/2020": the calendar day of an instant in the chat's time zone. */
export function formatDate(iso: string, timezone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatter('en-GB', timezone, false).format(d);
}

/** "30/12/2020" from "2020-12-30". */
export const formatDay = (ymd: string): string => {
  const [y, m, d] = ymd.split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
};
