import type { Command } from './command.ts';
import { chatKey, LANGS, type Lang } from '../domain.ts';
import { plainReply } from '../reply.ts';
import { t } from './i18n.ts';
import { isValidTimezone } from '../config.ts';

export const settingsCommand: Command = {
  info: {
    name: 'settings',
    description: {
      vi: 'Ngôn ngữ (vi/en) và múi giờ của chat',
      en: "This chat's language (vi/en) and time zone",
    },
    usage: '/settings [lang vi|en] [timezone Area/City]',
    managesChat: true,
    mayBeSlow: false,
    options: [
      {
        name: 'lang',
        description: { vi: 'vi hoặc en', en: 'vi or en' },
        type: 'string',
        required: false,
        choices: ['vi', 'en'],
      },
      {
        name: 'timezone',
        description: { vi: 'Múi giờ IANA', en: 'IANA time zone' },
        type: 'string',
        required: false,
      },
    ],
  },
  needsManage: (args) => args.trim() !== '',
  run(ctx, deps) {
    const tokens = ctx.request.args
      .trim()
      .split(/\s+/)
      .filter((x) => x !== '');
    const m = t(ctx.settings.lang);
    if (tokens.length === 0) {
      return {
        blocks: [
          ...plainReply(m.settingsNow(ctx.settings.lang, ctx.settings.timezone)).blocks,
          ...plainReply(m.settingsUsage).blocks,
        ],
      };
    }
    let lang: Lang | undefined;
    let timezone: string | undefined;
    let notifyEmpty: boolean | undefined;
    for (let i = 0; i < tokens.length; i += 2) {
      const key = (tokens[i] ?? '').toLowerCase().replace(/:$/, '');
      const value = tokens[i + 1] ?? '';
      if (['lang', 'language', 'ngonngu', 'ngôn-ngữ'].includes(key)) {
        if (!LANGS.includes(value.toLowerCase() as Lang)) return plainReply(m.badLang, true);
        lang = value.toLowerCase() as Lang;
      } else if (['empty', 'nothing-new', 'tin-trong'].includes(key)) {
        if (!['on', 'off'].includes(value.toLowerCase())) return plainReply(m.settingsUsage, true);
        notifyEmpty = value.toLowerCase() === 'on';
      } else if (['timezone', 'tz', 'muigio', 'múi-giờ'].includes(key)) {
        if (!isValidTimezone(value)) return plainReply(m.badTimezone(value), true);
        timezone = value;
      } else {
        return plainReply(m.settingsUsage, true);
      }
    }
    deps.store.updateChatSettings(chatKey(ctx.request.chat), {
      ...(lang !== undefined ? { lang } : {}),
      ...(timezone !== undefined ? { timezone } : {}),
      ...(notifyEmpty !== undefined ? { notifyEmpty } : {}),
    });
    if (timezone !== undefined) deps.onSubscriptionsChanged();
    const now = t(lang ?? ctx.settings.lang);
    return plainReply(
      `${now.settingsSaved} ${now.settingsNow(lang ?? ctx.settings.lang, timezone ?? ctx.settings.timezone)}`,
    );
  },
};
