import type { ChatRef, ChatSettings, Lang } from '../domain.ts';
import type { Reply } from '../reply.ts';

/** A command as every adapter delivers it to the core router. */
export interface CommandRequest {
  /** Lower-case command name without the slash or @botname: "summary". */
  readonly name: string;
  /** The raw argument text after the command, trimmed. */
  readonly args: string;
  /** Where the command was typed. */
  readonly chat: ChatRef;
  /** Who typed it (null for a Telegram channel post, which has no user). */
  readonly user: { readonly id: string; readonly name?: string } | null;
  /**
   * Whether the sender may change the chat's subscriptions, feeds and settings (group/channel
   * admin on Telegram, Manage Channels on Discord, always true in a private chat or the
   * terminal). Asked lazily: only commands that change state call it.
   */
  readonly canManage: () => Promise<boolean>;
  /** The user's platform language, used until the chat picks one with /settings. */
  readonly userLang?: Lang;
  /** A file sent with the command (Telegram document, Discord attachment option). */
  readonly attachment?: Attachment;
}

/**
 * A file that came with a command. Nothing is downloaded until a command reads it, and the
 * adapter stops reading past `maxBytes` (AttachmentError), so a huge upload costs nothing.
 */
export interface Attachment {
  readonly name: string;
  /** Bytes, as the platform announced it; null when it did not. */
  readonly size: number | null;
  read(maxBytes: number): Promise<Uint8Array>;
}

export interface CommandOption {
  readonly name: string;
  readonly description: { readonly vi: string; readonly en: string };
  /** 'attachment': a file picker on Discord; Telegram takes a document with the command as caption. */
  readonly type: 'string' | 'integer' | 'attachment';
  readonly required: boolean;
  readonly choices?: readonly string[];
}

/** What adapters need to register commands (Telegram setMyCommands, Discord slash commands). */
export interface CommandInfo {
  readonly name: string;
  readonly description: { readonly vi: string; readonly en: string };
  /** Usage line for /help, e.g. "/latest [n]". */
  readonly usage: string;
  /** Changes chat state: needs canManage(). */
  readonly managesChat: boolean;
  /** May take seconds (fetching a URL): Discord defers the reply. */
  readonly mayBeSlow: boolean;
  readonly options: readonly CommandOption[];
}

export interface CommandContext {
  readonly request: CommandRequest;
  readonly settings: ChatSettings;
}

export interface CommandRouter {
  readonly commands: readonly CommandInfo[];
  handle(request: CommandRequest): Promise<Reply>;
}
