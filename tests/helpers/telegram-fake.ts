// A Telegram Bot API fake served over real HTTP on loopback, for running grammY for real: long
// polling with offset and timeout, messages, edits, callback answers, multipart uploads (parsed
// with busboy, `attach://` parts resolved), getFile with the real 20 MB download cap, the 50 MB
// upload cap, file downloads, and injectable 429 flood-limit answers.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

export const DOWNLOAD_CAP = 20 * 2 ** 20;
export const UPLOAD_CAP = 50 * 2 ** 20;

export interface SentFile {
  name: string;
  bytes: Buffer;
}

/** Something the bot did, as the fake saw it. */
export interface BotCall {
  method: string;
  params: Record<string, unknown>;
  file?: SentFile;
  /** The message the call created, when it created one. */
  messageId?: number;
}

interface StoredFile {
  id: string;
  uniqueId: string;
  bytes: Buffer;
  path: string;
}

export class TelegramFake {
  readonly token = `123456:${randomBytes(18).toString('base64url')}`;
  readonly botUser = { id: 123456, is_bot: true, first_name: 'Mixdesk', username: 'MixdeskTestBot' };
  calls: BotCall[] = [];
  private server!: Server;
  private updates: Record<string, unknown>[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private waiters: (() => void)[] = [];
  private readonly files = new Map<string, StoredFile>();
  private readonly failures = new Map<string, number>();
  /** Users who never opened a private chat with the bot: messages to them get 403. */
  readonly blocked = new Set<number>();
  url = '';

  async start(): Promise<this> {
    this.server = createServer(
      (req, res) => void this.handle(req, res).catch((err: unknown) => this.reply(res, 500, { ok: false, error_code: 500, description: String(err) })),
    );
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.waiters.splice(0).forEach((w) => w());
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  /** The next `count` calls of `method` are answered 429 with retry_after. */
  floodLimit(method: string, count: number): void {
    this.failures.set(method, count);
  }

  // ---- what users do --------------------------------------------------------------------------

  private push(update: Record<string, unknown>): number {
    const update_id = this.nextUpdateId++;
    this.updates.push({ update_id, ...update });
    this.waiters.splice(0).forEach((w) => w());
    return update_id;
  }

  /**
   * Delivers an update again, as Telegram does when it did not learn that the bot took it (at least
   * once): in the next batch whatever offset the bot asks from.
   */
  redeliver(updateId: number): void {
    const u = this.seen.get(updateId);
    if (!u) throw new Error(`update ${updateId} was never delivered`);
    this.redelivered.push(u);
    this.waiters.splice(0).forEach((w) => w());
  }

  private redelivered: Record<string, unknown>[] = [];

  private readonly seen = new Map<number, Record<string, unknown>>();

  user(id: number, firstName: string) {
    return { id, is_bot: false, first_name: firstName, username: firstName.toLowerCase() };
  }

  private message(from: ReturnType<TelegramFake['user']>, chat: Record<string, unknown>, extra: Record<string, unknown>) {
    return { message_id: this.nextMessageId++, from, chat, date: Math.floor(Date.now() / 1000), ...extra };
  }

  static privateChat(from: { id: number; first_name: string }) {
    return { id: from.id, type: 'private', first_name: from.first_name };
  }

  sendText(from: ReturnType<TelegramFake['user']>, text: string, chat: Record<string, unknown> = TelegramFake.privateChat(from)): number {
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    return this.push({ message: this.message(from, chat, { text, ...(entities ? { entities } : {}) }) });
  }

  sendDocument(
    from: ReturnType<TelegramFake['user']>,
    name: string,
    bytes: Buffer,
    mimeType = 'audio/wav',
    chat: Record<string, unknown> = TelegramFake.privateChat(from),
    caption?: string,
  ): number {
    const f = this.storeFile(bytes, `documents/${name}`);
    return this.push({
      message: this.message(from, chat, {
        document: { file_id: f.id, file_unique_id: f.uniqueId, file_name: name, mime_type: mimeType, file_size: bytes.length },
        ...(caption ? { caption } : {}),
      }),
    });
  }

  /** A photo or a voice note, with its caption and the message it answers, if any. */
  sendMedia(
    from: ReturnType<TelegramFake['user']>,
    kind: 'photo' | 'voice',
    chat: Record<string, unknown> = TelegramFake.privateChat(from),
    o: { caption?: string; replyTo?: Record<string, unknown> } = {},
  ): number {
    const f = this.storeFile(Buffer.from('media'), `${kind}/${this.nextMessageId}`);
    const media =
      kind === 'photo'
        ? { photo: [{ file_id: f.id, file_unique_id: f.uniqueId, width: 90, height: 90 }] }
        : { voice: { file_id: f.id, file_unique_id: f.uniqueId, duration: 3 } };
    return this.push({
      message: this.message(from, chat, { ...media, ...(o.caption ? { caption: o.caption } : {}), ...(o.replyTo ? { reply_to_message: o.replyTo } : {}) }),
    });
  }

  /** Presses an inline button of a message the bot sent. */
  press(from: ReturnType<TelegramFake['user']>, call: BotCall, label: string | RegExp): number {
    const keyboard = (call.params.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
    const button = keyboard.flat().find((b) => (typeof label === 'string' ? b.text.includes(label) : label.test(b.text)));
    if (!button?.callback_data) throw new Error(`no button ${String(label)} in ${JSON.stringify(keyboard)}`);
    return this.pressData(from, call, button.callback_data);
  }

  pressData(from: ReturnType<TelegramFake['user']>, call: BotCall, data: string): number {
    const chat = { id: Number(call.params.chat_id), type: Number(call.params.chat_id) > 0 ? 'private' : 'supergroup' };
    return this.push({
      callback_query: {
        id: randomBytes(6).toString('hex'),
        from,
        chat_instance: '1',
        data,
        message: { message_id: call.messageId, chat, date: 0, text: call.params.text },
      },
    });
  }

  /** Telegram asks the bot whether to charge for an invoice (the artist pressed Pay). */
  preCheckout(from: ReturnType<TelegramFake['user']>, invoice: { payload: string; amount: number; currency: string }): number {
    return this.push({
      pre_checkout_query: {
        id: randomBytes(6).toString('hex'),
        from,
        currency: invoice.currency,
        total_amount: invoice.amount,
        invoice_payload: invoice.payload,
      },
    });
  }

  /** The charge went through: the service message Telegram sends to the bot's chat with the artist. */
  successfulPayment(from: ReturnType<TelegramFake['user']>, invoice: { payload: string; amount: number; currency: string }, charge: string): number {
    return this.push({
      message: this.message(from, TelegramFake.privateChat(from), {
        successful_payment: {
          currency: invoice.currency,
          total_amount: invoice.amount,
          invoice_payload: invoice.payload,
          telegram_payment_charge_id: `tg_${charge}`,
          provider_payment_charge_id: `ch_${charge}`,
        },
      }),
    });
  }

  /** A press of a button under an inline-mode message: the update carries no message and no chat. */
  pressInline(from: ReturnType<TelegramFake['user']>, data: string): number {
    return this.push({ callback_query: { id: randomBytes(6).toString('hex'), from, chat_instance: '1', data, inline_message_id: 'inline-1' } });
  }

  storeFile(bytes: Buffer, path: string): StoredFile {
    const f = { id: `F${randomBytes(8).toString('hex')}`, uniqueId: `U${randomBytes(6).toString('hex')}`, bytes, path };
    this.files.set(f.id, f);
    return f;
  }

  // ---- what the bot did -----------------------------------------------------------------------

  /** Calls to a chat (messages, documents, photos), in order. */
  to(chatId: number): BotCall[] {
    return this.calls.filter((c) => String(c.params.chat_id) === String(chatId));
  }

  textsTo(chatId: number): string[] {
    return this.to(chatId).map((c) => String(c.params.text ?? c.params.caption ?? ''));
  }

  /** Waits until a call satisfies `test` (after the `since`-th call), and returns it. */
  async waitFor(test: (c: BotCall) => boolean, o: { since?: number; timeoutMs?: number } = {}): Promise<BotCall> {
    const deadline = Date.now() + (o.timeoutMs ?? 80_000);
    for (;;) {
      const found = this.calls.slice(o.since ?? 0).find(test);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting; calls so far:\n${this.calls.map((c) => `${c.method} ${String(c.params.text ?? c.params.caption ?? c.file?.name ?? '')}`.slice(0, 160)).join('\n')}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Resolves when the bot has fetched every pending update. */
  async drained(): Promise<void> {
    while (this.updates.length || this.redelivered.length) await new Promise((r) => setTimeout(r, 10));
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  private reply(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private ok(res: ServerResponse, result: unknown): void {
    this.reply(res, 200, { ok: true, result });
  }

  private error(res: ServerResponse, code: number, description: string, parameters?: Record<string, unknown>): void {
    this.reply(res, code, { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) });
  }

  private async parse(req: IncomingMessage): Promise<{ params: Record<string, unknown>; files: Map<string, SentFile>; tooBig: boolean }> {
    const type = req.headers['content-type'] ?? '';
    const files = new Map<string, SentFile>();
    if (type.startsWith('multipart/form-data')) {
      const params: Record<string, unknown> = {};
      const parts: { field: string; name: string; chunks: Buffer[] }[] = [];
      let tooBig = false;
      // grammY writes `filename=NAME` unquoted (Telegram takes it); quote it so busboy sees a file
      // part even when the name has spaces. latin1 maps bytes 1:1, so the content is untouched.
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.from(
        Buffer.concat(chunks)
          .toString('latin1')
          .replace(/;filename=([^"\r\n][^\r\n]*)\r\n/g, ';filename="$1"\r\n'),
        'latin1',
      );
      await new Promise<void>((resolve, reject) => {
        const bb = busboy({ headers: req.headers, limits: { fileSize: UPLOAD_CAP }, defParamCharset: 'utf8' });
        bb.on('field', (name, value) => {
          try {
            params[name] = /^[[{]/.test(value) ? JSON.parse(value) : value;
          } catch {
            params[name] = value;
          }
        });
        bb.on('file', (name, stream, info) => {
          const chunks: Buffer[] = [];
          parts.push({ field: name, name: info.filename ?? name, chunks });
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('limit', () => (tooBig = true));
        });
        bb.on('close', resolve);
        bb.on('error', reject);
        bb.end(body);
      });
      for (const p of parts) files.set(p.field, { name: p.name, bytes: Buffer.concat(p.chunks) });
      return { params, files, tooBig };
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (!raw) return { params: {}, files, tooBig: false };
    if (type.includes('json')) return { params: JSON.parse(raw) as Record<string, unknown>, files, tooBig: false };
    return { params: Object.fromEntries(new URLSearchParams(raw)), files, tooBig: false };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      const f = [...this.files.values()].find((x) => x.path === decodeURIComponent(download[2]!));
      if (download[1] !== this.token || !f) return this.error(res, 404, 'Not Found');
      res.writeHead(200, { 'content-length': f.bytes.length });
      return void res.end(f.bytes);
    }
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!m || m[1] !== this.token) return this.error(res, 401, 'Unauthorized');
    const method = m[2]!;
    const { params, files, tooBig } = await this.parse(req);
    if (tooBig) return this.error(res, 413, 'Request Entity Too Large');
    const failing = this.failures.get(method) ?? 0;
    if (failing > 0) {
      this.failures.set(method, failing - 1);
      return this.error(res, 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    }
    switch (method) {
      case 'getMe':
        return this.ok(res, { ...this.botUser, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      case 'deleteWebhook':
      case 'setMyCommands':
      case 'sendChatAction':
      case 'answerCallbackQuery':
        this.calls.push({ method, params });
        return this.ok(res, true);
      case 'getUpdates': {
        const offset = Number(params.offset ?? 0);
        this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);
        if (!this.updates.length && !this.redelivered.length) {
          const timeout = Math.min(Number(params.timeout ?? 0), 2);
          await new Promise<void>((r) => {
            const t = setTimeout(r, timeout * 1000);
            this.waiters.push(() => {
              clearTimeout(t);
              r();
            });
          });
        }
        const batch = [...this.redelivered.splice(0), ...this.updates.filter((u) => (u.update_id as number) >= offset)].slice(0, Number(params.limit ?? 100));
        for (const u of batch) this.seen.set(u.update_id as number, u);
        // Handed out: gone from the queue (the next offset confirms them, as with Telegram).
        this.updates = this.updates.filter((u) => !batch.includes(u));
        return this.ok(res, batch);
      }
      case 'getFile': {
        const f = this.files.get(String(params.file_id));
        if (!f) return this.error(res, 400, 'Bad Request: invalid file_id');
        if (f.bytes.length > DOWNLOAD_CAP) return this.error(res, 400, 'Bad Request: file is too big');
        return this.ok(res, { file_id: f.id, file_unique_id: f.uniqueId, file_size: f.bytes.length, file_path: f.path });
      }
      case 'sendMessage':
      case 'sendDocument':
      case 'sendPhoto':
      case 'sendAudio': {
        const chatId = Number(params.chat_id);
        if (this.blocked.has(chatId)) return this.error(res, 403, "Forbidden: bot can't initiate conversation with a user");
        const field = { sendDocument: 'document', sendPhoto: 'photo', sendAudio: 'audio' }[method as 'sendDocument'];
        let file: SentFile | undefined;
        if (field) {
          const v = params[field];
          const ref = typeof v === 'string' && v.startsWith('attach://') ? v.slice(9) : field;
          file = files.get(ref);
          if (!file && typeof v !== 'string') return this.error(res, 400, `Bad Request: there is no ${field} in the request`);
          if (method === 'sendPhoto' && file && file.bytes.length > 10 * 2 ** 20) return this.error(res, 400, 'Bad Request: PHOTO_INVALID_DIMENSIONS');
        }
        const messageId = this.nextMessageId++;
        this.calls.push({ method, params, ...(file ? { file } : {}), messageId });
        return this.ok(res, {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
          text: params.text,
          from: this.botUser,
        });
      }
      case 'sendInvoice': {
        // Telegram Payments: a provider token and a price list in the currency's minor unit.
        if (!params.provider_token) return this.error(res, 400, 'Bad Request: PAYMENT_PROVIDER_INVALID');
        const prices = (typeof params.prices === 'string' ? JSON.parse(params.prices) : params.prices) as { label: string; amount: number }[];
        if (!Array.isArray(prices) || !prices.every((p) => Number.isInteger(p.amount)))
          return this.error(res, 400, 'Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID');
        const messageId = this.nextMessageId++;
        this.calls.push({ method, params: { ...params, prices }, messageId });
        const chatId = Number(params.chat_id);
        return this.ok(res, { message_id: messageId, date: 0, chat: { id: chatId, type: 'private' }, from: this.botUser, invoice: { title: params.title } });
      }
      case 'answerPreCheckoutQuery':
        this.calls.push({ method, params });
        return this.ok(res, true);
      case 'editMessageText':
      case 'editMessageReplyMarkup':
      case 'deleteMessage':
        this.calls.push({ method, params });
        return this.ok(
          res,
          method === 'deleteMessage'
            ? true
            : { message_id: Number(params.message_id), date: 0, chat: { id: Number(params.chat_id), type: 'private' }, text: params.text },
        );
      default:
        return this.error(res, 404, `Not Found: method ${method} is not in the fake`);
    }
  }
}
