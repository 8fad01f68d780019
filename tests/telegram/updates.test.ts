import { describe, expect, it } from 'vitest';
import { describeError, redactToken } from '../../adapters/telegram/redact.ts';
import { langOf, parseCommand, splitChatTarget } from '../../adapters/telegram/updates.ts';

describe('parseCommand', () => {
  it('reads commands, with or without this bot’s name, and ignores other bots', () => {
    expect(parseCommand('/summary 42', 'bantin_bot')).toEqual({ name: 'summary', args: '42' });
    expect(parseCommand('/Summary@Bantin_Bot  https://x.vn/a  ', 'bantin_bot')).toEqual({
      name: 'summary',
      args: 'https://x.vn/a',
    });
    expect(parseCommand('/subscribe\n0 7 * * *', 'bantin_bot')).toEqual({
      name: 'subscribe',
      args: '0 7 * * *',
    });
    expect(parseCommand('/summary@other_bot 42', 'bantin_bot')).toBeNull();
    expect(parseCommand('hello /summary', 'bantin_bot')).toBeNull();
    expect(parseCommand('/summary-x', 'bantin_bot')).toBeNull();
  });
});

describe('splitChatTarget', () => {
  it('takes an @channel or a -100 id off the front of the arguments', () => {
    expect(splitChatTarget('@tin_sang 0 7 * * *')).toEqual({ target: '@tin_sang', rest: '0 7 * * *' });
    expect(splitChatTarget('-1001234567890')).toEqual({ target: '-1001234567890', rest: '' });
    expect(splitChatTarget('0 7 * * *')).toBeNull();
    expect(splitChatTarget('@ab 0 7')).toBeNull();
  });
});

describe('langOf and redaction', () => {
  it('maps language codes', () => {
    expect([langOf('en'), langOf('en-US'), langOf('vi'), langOf('fr'), langOf(undefined)]).toEqual([
      'en',
      'en',
      'vi',
      'vi',
      'vi',
    ]);
  });

  it('removes the token from error chains', () => {
    const token = '123:ABC-def';
    const inner = new Error(`request to http://h/bot${token}/getMe failed`);
    const outer = Object.assign(new Error("Network request for 'getMe' failed!"), { error: inner });
    expect(describeError(outer, token)).toBe(
      "Network request for 'getMe' failed!: request to http://h/bot[token]/getMe failed",
    );
    expect(redactToken(`x ${encodeURIComponent(token)}`, token)).toBe('x [token]');
  });
});
