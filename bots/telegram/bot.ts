// The Telegram bot: grammY, a composer per feature, an error boundary, auto-retry on flood limits,
// per-chat sequential handling with @grammyjs/runner for long polling, or a webhook (web/ serves
// it, checking Telegram's secret token). Messages outside a turn (deliveries, reminders) come
// through the outbox, which this module registers as the 'telegram' sender.
import { autoRetry } from '@grammyjs/auto-retry';
import { connectWithRetries, type ConnectPolicy } from './connect.js';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, webhookCallback, type BotError, type Context } from 'grammy';
import type { Conversation } from '../../core/conversation/engine.js';
import type { Logger } from '../../core/logger.js';
import type { Outbox } from '../../core/messaging/outbox.js';
import type { ObjectStore } from '../../storage/object-store.js';
import type { ChatDeps } from './chat.js';
import { commands, menu } from './features/commands.js';
import { defaultLocale, inLanguage, languageOrStudio, languages } from '../../core/texts.js';
import { dialog } from './features/dialog.js';
import { payments, type TelegramPayments } from './features/payments.js';
import { uploads } from './features/uploads.js';
import { t } from '../../core/texts.js';
import { TelegramRenderer } from './render.js';

export interface TelegramOptions {
  token: string;
  conversation: Conversation;
  outbox: Outbox;
  store: ObjectStore;
  log: Logger;
  /** https://api.telegram.org unless a local Bot API server (or a test fake) is used. */
  apiRoot?: string;
  /** Retries on 429 and 5xx before a call fails (the outbox retries further). */
  maxRetries?: number;
  /** How reaching Telegram at start-up is retried (bounded). */
  connect?: ConnectPolicy;
  /** Told when an update has been handled, whatever came of it (tests wait on it instead of on the clock). */
  onHandled?: (updateId: number) => void;
  /** Telegram Payments (TELEGRAM_PAYMENT_PROVIDER_TOKEN): payments asked are also invoices in the chat. */
  payments?: TelegramPayments;
}

export interface TelegramBot {
  bot: Bot;
  /** Long polling, one update at a time per chat. */
  startPolling(): Promise<void>;
  /** For web/: the request handler of webhook mode (checks the secret token). */
  webhook(secretToken: string): (req: Request) => Promise<Response>;
  stop(): Promise<void>;
}

/**
 * The error boundary: whatever slipped past the core, the artist hears something and the log has
 * it. It never throws itself: an update may have no chat to answer in (a button under an
 * inline-mode message has no message), and ctx.reply then fails before it even sends.
 */
export async function errorBoundary(err: BotError<Context>, log: Logger): Promise<void> {
  log.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram update failed');
  try {
    if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery({ text: t('telegram-sending-failed') });
    else if (err.ctx.chat) await err.ctx.reply(t('telegram-sending-failed'));
  } catch (failed) {
    log.warn({ err: failed, update: err.ctx.update.update_id }, 'could not tell the artist that their update failed');
  }
}

export async function createTelegramBot(o: TelegramOptions): Promise<TelegramBot> {
  const apiRoot = (o.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
  const bot = new Bot(o.token, { client: { apiRoot } });
  // getMe first, before auto-retry is installed: start-up has its own bounded, logged retries, and
  // a try that hangs (an unreachable host) gives up after 30 s instead of grammY's 500 s.
  await connectWithRetries(
    async () => {
      // grammY types its signal with the abort-controller polyfill; Node's own is what it gets at runtime.
      bot.botInfo = await bot.api.getMe(AbortSignal.timeout(30_000) as unknown as Parameters<typeof bot.api.getMe>[0]);
    },
    o.log,
    o.connect,
  );
  bot.api.config.use(autoRetry({ maxRetryAttempts: o.maxRetries ?? 5, maxDelaySeconds: 60, rethrowInternalServerErrors: false }));
  const renderer = new TelegramRenderer(bot.api, o.store, o.payments?.providerToken, o.log);
  const deps: ChatDeps & { apiRoot: string; token: string } = {
    conversation: o.conversation,
    renderer,
    log: o.log,
    botUsername: () => bot.botInfo.username,
    apiRoot,
    token: o.token,
  };

  if (o.onHandled) {
    const handled = o.onHandled;
    bot.use(async (ctx, next) => {
      try {
        await next();
      } finally {
        handled(ctx.update.update_id);
      }
    });
  }
  // Updates of one person are handled in order (the runner works on several at once otherwise);
  // keyed by the user, because their dialog lives in their private chat wherever they wrote.
  bot.use(sequentialize((ctx: Context) => ctx.from?.id.toString() ?? ctx.chat?.id.toString()));
  // Everything said while handling an update is in the person's language (the core may switch it to their own choice).
  bot.use((ctx, next) => inLanguage(languageOrStudio(ctx.from?.language_code), next));
  if (o.payments) bot.use(payments(o.payments, o.log));
  bot.use(commands(deps), uploads(deps), dialog(deps));

  bot.catch((err) => errorBoundary(err, o.log));

  o.outbox.register('telegram', {
    send: (chatId, reply, progress) => renderer.send(chatId, reply, progress),
    edit: (chatId, id, reply) => renderer.edit(chatId, id, reply),
  });
  // The menu in the studio's language for everyone, and in each other language for the people whose app uses it.
  for (const language of languages) {
    const own = language === defaultLocale ? {} : { language_code: language };
    await bot.api
      .setMyCommands(
        inLanguage(language, () => menu()),
        own,
      )
      .catch((err: unknown) => o.log.warn({ err, language }, 'could not set the Telegram command menu'));
  }

  let runner: RunnerHandle | undefined;
  return {
    bot,
    async startPolling() {
      await bot.api.deleteWebhook();
      runner = run(bot, { runner: { fetch: { timeout: 25 } } });
    },
    webhook: (secretToken) => {
      const handle = webhookCallback(bot, 'std/http', { secretToken });
      return (req) => handle(req);
    },
    async stop() {
      if (runner?.isRunning()) await runner.stop();
    },
  };
}
