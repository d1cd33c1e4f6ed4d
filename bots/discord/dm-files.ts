// Files an artist drops into the bot's DM (the natural way to send a file on Discord): fetched and
// handed to the conversation as /upload's attachment is, the words beside them as the caption ("for
// MD-…" picks the booking); one larger than a chat should carry gets the private upload link.
import type { Attachment } from 'discord.js';
import type { Conversation } from '../../core/conversation/engine.js';
import type { Reply, Sender } from '../../core/conversation/types.js';
import { t } from '../../core/texts.js';
import { referenceIn } from '../../core/booking/reference.js';
import { withAttachmentFile } from './attachment-file.js';

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
      const named = referenceIn(caption) ?? '';
      if (!linkGiven)
        replies.push(...(await conversation.handle({ ...sender, kind: 'command', command: 'uploadlink', args: named, eventId: `${message.id}:link` })));
      linkGiven = true;
      continue;
    }
    const took = await withAttachmentFile(file, caption ? { caption } : {}, (incoming) =>
      // Each file of the message is its own event: a redelivered message stores none twice.
      conversation.handle({ ...sender, kind: 'file', eventId: `${message.id}:${file.id}`, file: incoming }),
    );
    replies.push(...(took ?? [{ text: t('discord-fetch-failed', { file: file.name }) }]));
  }
  return replies;
}
