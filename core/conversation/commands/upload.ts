// /upload: how to send files; `/upload REF` sends the next files (for an hour) to that booking;
// in the console, `/upload PATH [REF]` takes a file from disk.
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { t } from '../../texts.js';
import { parseUploadArgs } from '../uploads.js';
import type { ChatCommand } from './types.js';
import { serviceName } from '../../catalog.js';
import { isReference } from '../../booking/reference.js';

/** How long `/upload REF` holds: long enough to send a song's stems, short enough not to surprise later. */
const FILES_FOR_MINUTES = 60;

export const upload: ChatCommand = {
  name: 'upload',
  help: () => t('help-upload'),
  menu: () => t('telegram-menu-upload'),
  // Discord's /upload takes an attachment: bots/discord/commands/upload.ts.
  discord: 'own',
  async run({ args, incoming, studio, client, takeFile, quoteFiles }) {
    if (!args) {
      const how = incoming.platform === 'console' ? t('upload-how-console') : t('upload-how-chat');
      return [{ text: `${how}\n${t('upload-what-to-send')}` }];
    }
    if (isReference(args.trim())) {
      const booking = await studio.uploads.takingBooking(client, args.trim());
      await studio.clients.sendFilesTo(client.id, booking.id, new Date(studio.clock.now().getTime() + FILES_FOR_MINUTES * 60_000));
      const how = incoming.platform === 'console' ? t('upload-how-console') : t('upload-how-chat');
      return [{ text: `${t('upload-files-go-to', { minutes: FILES_FOR_MINUTES, ref: booking.reference, service: serviceName(booking.service) })}\n${how}` }];
    }
    if (incoming.platform !== 'console') return [{ text: t('upload-send-the-file') }];
    const { path: given, ref } = parseUploadArgs(args);
    const file = given.replace(/^~(?=\/|$)/, homedir());
    if (quoteFiles) return quoteFiles(basename(file), file);
    return takeFile({ name: basename(file), path: file, ...(ref ? { bookingRef: ref } : {}) });
  },
};
