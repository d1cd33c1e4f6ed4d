// Files an artist drops into the bot's DM (the natural way to send a file on Discord): fetched and
// handed to the conversation as /upload's attachment is, the words beside them as the caption ("for
// MD-…" picks the booking); one larger than a chat should carry gets the private upload link.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Attachment } from 'discord.js';
import type { Conversation } from '../../core/conversation/engine.js';
import type { Reply, Sender } from '../../core/conversation/types.js';
import { t } from '../../core/texts.js';
import { isReference } from '../../core/booking/reference.js';
import { safeFileName } from '../../storage/object-store.js';
import { fetchToFile } from '../fetch-file.js';

/** The largest file taken in a DM (what Discord lets anyone attach); larger ones go through the upload link. */
export const DM_FILE_LIMIT = 25 * 2 ** 20;

export async function dmFileReplies(
  conversation: Pick<Conversation, 'handle'>,
  sender: Sender,
  message: { id: string; content: string; attachments: Iterable<Attachment> },
): Promise<Reply[]> {
  const replies: Reply[] = [];
  const caption = message.content.trim();
  let linkGiven = false;
  for (const file of message.attachments) {
    if (file.size > DM_FILE_LIMIT) {
      replies.push({ text: t('discord-file-too-big-for-chat', { file: file.name, size: (file.size / 2 ** 20).toFixed(0) }) });
      // The booking named beside the file is the one the link is for.
      const named = caption.split(/\s+/).find(isReference) ?? '';
      if (!linkGiven)
        replies.push(...(await conversation.handle({ ...sender, kind: 'command', command: 'uploadlink', args: named, eventId: `${message.id}:link` })));
      linkGiven = true;
      continue;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'mixdesk-dc-'));
    try {
      const local = path.join(dir, safeFileName(file.name));
      if (!(await fetchToFile(file.url, local))) {
        replies.push({ text: t('discord-fetch-failed', { file: file.name }) });
        continue;
      }
      replies.push(
        ...(await conversation.handle({
          ...sender,
          kind: 'file',
          // Each file of the message is its own event: a redelivered message stores none twice.
          eventId: `${message.id}:${file.id}`,
          file: {
            name: file.name,
            sizeBytes: file.size,
            ref: local,
            id: file.id,
            ...(file.contentType ? { mimeType: file.contentType } : {}),
            ...(caption ? { caption } : {}),
          },
        })),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return replies;
}
