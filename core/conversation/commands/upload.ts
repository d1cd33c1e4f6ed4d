// /upload: how to send files; in the console, `/upload PATH [REF]` takes a file from disk.
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { t } from '../../texts.js';
import { parseUploadArgs } from '../uploads.js';
import type { ChatCommand } from './types.js';

export const upload: ChatCommand = {
  name: 'upload',
  help: () => t('help-upload'),
  menu: () => t('telegram-menu-upload'),
  // Discord's /upload takes an attachment: bots/discord/commands/upload.ts.
  discord: 'own',
  async run({ args, incoming, studio, client, afterFiles, quoteFiles }) {
    if (!args) {
      const how = incoming.platform === 'console' ? t('upload-how-console') : t('upload-how-chat');
      return [{ text: `${how}\n${t('upload-what-to-send')}` }];
    }
    if (incoming.platform !== 'console') return [{ text: t('upload-send-the-file') }];
    const { path: given, ref } = parseUploadArgs(args);
    const file = given.replace(/^~(?=\/|$)/, homedir());
    if (quoteFiles) return quoteFiles(basename(file), file);
    const outcome = await studio.uploads.acceptAny({ client, fileName: basename(file), path: file, ...(ref ? { bookingRef: ref } : {}) });
    return afterFiles(outcome);
  },
};
