import { afterEach, describe, expect, it } from 'vitest';
import { renderPlain } from '../../adapters/terminal/render.ts';
import { createCommandRouter } from '../../src/commands/router.ts';
import { withTopStories } from '../../src/digest/top-stories.ts';
import { NotFoundError } from '../../src/errors.ts';
import { silentLogger } from '../../src/ports.ts';
import type { Lang } from '../../src/domain.ts';
import { aDraft, anExtraction, aSave } from '../helpers/builders.ts';
import { manualClock, openTempStore, type TempStore } from '../helpers/temp-db.ts';

const opened: TempStore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

/** The router with /summary's top stories kept between commands, wired as main.ts wires it. */
function startBot() {
  const clock = manualClock('2024-06-02T01:00:00.000Z');
  const t = openTempStore(clock);
  opened.push(t);
  const { store, topStories } = withTopStories(t.store);
  const router = createCommandRouter({
    store,
    clock,
    logger: silentLogger,
    defaults: { lang: 'vi', timezone: 'Asia/Ho_Chi_Minh' },
    digestMaxItems: 10,
    summariseUrl: () => Promise.reject(new NotFoundError('not here')),
    addFeed: () => Promise.reject(new NotFoundError('not here')),
    onSubscriptionsChanged: () => undefined,
    digestNow: () => Promise.resolve({ blocks: [] }),
    topStories,
  });
  const summary = async (chatId: string, lang: Lang = 'vi') =>
    renderPlain(
      await router.handle({
        name: 'summary',
        args: '',
        chat: { platform: 'telegram', id: chatId },
        user: { id: '7' },
        canManage: () => Promise.resolve(true),
        userLang: lang,
      }),
    );
  return { store, clock, summary };
}

const article = (title: string, url: string) =>
  aSave(aDraft({ title, body: `${title}. Chi tiết sau.`, url }), anExtraction({ who: [], where: [] }));

describe('/summary with its top stories kept', () => {
  it('shows an article stored after the last /summary in the next one', async () => {
    const bot = startBot();
    bot.store.saveArticle(article('Đà Nẵng khai mạc lễ hội pháo hoa', 'https://example.vn/1.html'));
    const before = await bot.summary('1');
    expect(before).toContain('Đà Nẵng khai mạc lễ hội pháo hoa');

    bot.store.saveArticles([article('Bão số 3 đổ bộ Quảng Ninh', 'https://example.vn/2.html')]);
    const after = await bot.summary('1');
    expect(after).toContain('Bão số 3 đổ bộ Quảng Ninh');
    expect(after).toContain('Đà Nẵng khai mạc lễ hội pháo hoa');
  });

  it('renders the shared stories in each chat language', async () => {
    const bot = startBot();
    bot.store.saveArticle(article('Đà Nẵng khai mạc lễ hội pháo hoa', 'https://example.vn/1.html'));
    const vi = await bot.summary('1', 'vi');
    const en = await bot.summary('2', 'en');
    expect(vi).toContain('Đà Nẵng khai mạc lễ hội pháo hoa');
    expect(en).toContain('Đà Nẵng khai mạc lễ hội pháo hoa');
    expect(vi).not.toEqual(en);
  });
});
