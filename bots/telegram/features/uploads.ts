// Files sent in chat: documents and audio up to the Bot API's 20 MB download cap are fetched and
// stored through the core; larger ones get the private upload link; voice notes and photos are
// refused with what to do instead. In groups, only what is addressed to the bot.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Composer, type Context } from 'grammy';
import { safeFileName } from '../../../storage/object-store.js';
import { fetchToFile } from '../../fetch-file.js';
import { deliver, forward, senderOf, type ChatDeps } from '../chat.js';
import { t } from '../../../core/texts.js';
import { referenceIn } from '../../../core/booking/reference.js';

export const DOWNLOAD_CAP = 20 * 2 ** 20;

export interface UploadDeps extends ChatDeps {
  /** https://api.telegram.org by default; a local Bot API server or a test fake otherwise. */
  apiRoot: string;
  token: string;
}

/**
 * In a group, a file, voice note or photo is for the bot only when addressed to it: a caption
 * naming it (@bot, /upload@bot) or a reply to one of its messages. The rest is the group's own — a
 * bot made a group's admin sees everything posted there, and took members' tracks as uploads and
 * answered every photo.
 */
function addressedToBot(ctx: Context): boolean {
  if (ctx.chat?.type === 'private') return true;
  if (ctx.msg?.reply_to_message?.from?.id === ctx.me.id) return true;
  return (ctx.msg?.caption ?? '').toLowerCase().includes(`@${ctx.me.username.toLowerCase()}`);
}

export function uploads(deps: UploadDeps): Composer<Context> {
  const outer = new Composer();
  const c = outer.filter(addressedToBot);
  c.on(['message:document', 'message:audio'], async (ctx) => {
    const doc = ctx.msg.document ?? ctx.msg.audio!;
    const name = doc.file_name ?? `audio-${doc.file_unique_id}`;
    if ((doc.file_size ?? 0) > DOWNLOAD_CAP) {
      await deliver(ctx, deps, [{ text: t('telegram-file-too-big-for-chat', { file: name, size: ((doc.file_size ?? 0) / 2 ** 20).toFixed(0) }) }]);
      // The booking named in the caption ("for MD-…") is the one the link is for.
      const named = referenceIn(ctx.msg.caption ?? '') ?? '';
      await forward(ctx, deps, { kind: 'command', command: 'uploadlink', args: named });
      return;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'mixdesk-tg-'));
    try {
      const local = path.join(dir, safeFileName(name));
      try {
        const file = await ctx.api.getFile(doc.file_id);
        if (!(await fetchToFile(`${deps.apiRoot}/file/bot${deps.token}/${file.file_path}`, local))) throw new Error('Telegram did not hand the file over');
      } catch (err) {
        deps.log.warn({ err, file: name }, 'telegram file download failed');
        await deliver(ctx, deps, [{ text: t('telegram-file-download-failed', { file: name }) }]);
        return;
      }
      await forward(ctx, deps, {
        kind: 'file',
        file: {
          name,
          sizeBytes: doc.file_size ?? 0,
          ref: local,
          id: doc.file_unique_id,
          ...(doc.mime_type ? { mimeType: doc.mime_type } : {}),
          // "for MD-…" written with the file picks its booking.
          ...(ctx.msg.caption ? { caption: ctx.msg.caption } : {}),
        },
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  c.on('message:voice', (ctx) => deliver(ctx, deps, [{ text: t('telegram-voice-not-accepted') }]));
  c.on('message:photo', (ctx) => deliver(ctx, deps, [{ text: t('telegram-photo-not-accepted') }]));
  return outer;
}

export { senderOf };
