// Core replies as Telegram messages: text with an inline keyboard (button data stamped by the core,
// at most 64 bytes), links as URL buttons where Telegram allows them and always in the text, and
// files from the object store — the report as a photo, the preview as audio, masters as documents —
// or as their signed link when larger than a bot may send (50 MB); a payment asked, also as an
// invoice when the studio takes Telegram Payments.
import { GrammyError, InlineKeyboard, InputFile, type Api } from 'grammy';
import { sendParts, type SendProgress } from '../../core/messaging/outbox.js';
import type { Reply, ReplyFile } from '../../core/conversation/types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { t } from '../../core/texts.js';
import type { Logger } from '../../core/logger.js';

export const SEND_CAP = 50 * 2 ** 20;
const TEXT_CAP = 4096;

function keyboard(reply: Reply): InlineKeyboard | undefined {
  const kb = new InlineKeyboard();
  let any = false;
  for (const row of reply.buttons ?? []) {
    for (const b of row) kb.text(b.label, b.data);
    kb.row();
    any = true;
  }
  // Telegram refuses URL buttons to plain-http or loopback addresses; those stay in the text only.
  for (const l of reply.links ?? []) {
    if (/^https:\/\/(?!127\.|localhost)/.test(l.url)) {
      kb.url(l.label, l.url).row();
      any = true;
    }
  }
  return any ? kb : undefined;
}

function chunks(text: string): string[] {
  if (text.length <= TEXT_CAP) return [text];
  const out: string[] = [];
  let rest = text;
  while (rest.length > TEXT_CAP) {
    const cut = rest.lastIndexOf('\n', TEXT_CAP) > TEXT_CAP / 2 ? rest.lastIndexOf('\n', TEXT_CAP) : TEXT_CAP;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  return [...out, rest];
}

export class TelegramRenderer {
  constructor(
    private readonly api: Api,
    private readonly store: ObjectStore,
    /** Telegram Payments' provider token: payments asked are also sent as invoices. */
    private readonly providerToken?: string,
    private readonly log?: Logger,
  ) {}

  /** Replaces a message's text (progress); "not modified" is not an error. */
  async edit(chatId: string | number, messageId: string, reply: Reply): Promise<void> {
    try {
      await this.api.editMessageText(chatId, Number(messageId), reply.text.slice(0, TEXT_CAP), { link_preview_options: { is_disabled: true } });
    } catch (err) {
      if (!(err instanceof GrammyError && /not modified/.test(err.description))) throw err;
    }
  }

  /** Sends one reply to a chat; throws when Telegram refuses (the outbox then retries). Returns the last text message's id. */
  /**
   * The message's parts in order — text pieces, each file, the invoice — each taken by Telegram
   * before the next goes (and reported to `progress`, so a send cut short resumes after them).
   */
  async send(chatId: string | number, reply: Reply, progress?: SendProgress): Promise<string | undefined> {
    const links = (reply.links ?? []).filter((l) => !reply.text.includes(l.url));
    const text = [reply.text, ...links.map((l) => `${l.label}: ${l.url}`)].join('\n');
    const pieces = chunks(text);
    const kb = keyboard(reply);
    let id: string | undefined;
    const parts: (() => Promise<unknown>)[] = pieces.map((piece, i) => async () => {
      const m = await this.api.sendMessage(chatId, piece, {
        ...(i === pieces.length - 1 && kb ? { reply_markup: kb } : {}),
        link_preview_options: { is_disabled: true },
      });
      id = String(m.message_id);
    });
    for (const f of reply.files ?? []) parts.push(() => this.sendFile(chatId, f));
    const invoice = reply.invoice;
    if (invoice && this.providerToken)
      parts.push(() =>
        // Refused (a provider that does not take this currency): the link in the text pays it as
        // well, and the message is not sent again for it.
        this.api
          .sendInvoice(
            chatId,
            invoice.title,
            invoice.description,
            invoice.paymentId,
            invoice.currency,
            [{ label: invoice.title, amount: invoice.amountCents }],
            {
              provider_token: this.providerToken,
            },
          )
          .catch((err: unknown) => this.log?.warn({ err, payment: invoice.paymentId }, 'telegram refused an invoice; the link in the message still pays it')),
      );
    await sendParts(parts, progress);
    return id;
  }

  private async sendFile(chatId: string | number, f: ReplyFile): Promise<void> {
    const size = f.sizeBytes ?? 0;
    if (size > SEND_CAP || (!f.storageKey && !f.path)) {
      await this.api.sendMessage(
        chatId,
        t('telegram-file-as-link', { file: f.name, size: (size / 2 ** 20).toFixed(0), url: f.url ?? t('download-link-unavailable') }),
        { link_preview_options: { is_disabled: true } },
      );
      return;
    }
    const input = new InputFile(f.storageKey ? await this.store.get(f.storageKey) : f.path!, f.name);
    if (f.kind === 'image') await this.api.sendPhoto(chatId, input, { caption: f.name });
    else if (f.kind === 'audio' && /\.mp3$/i.test(f.name)) await this.api.sendAudio(chatId, input, { title: f.name.replace(/\.mp3$/i, '') });
    else await this.api.sendDocument(chatId, input);
  }
}
