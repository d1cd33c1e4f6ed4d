// /deliver (engineer): attach engineer-made files — full mix, instrumental, a cappella, or a
// master — and they go to the artist as the next version.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SlashCommandBuilder } from 'discord.js';
import { safeFileName } from '../../../storage/object-store.js';
import { fetchToFile } from '../../fetch-file.js';
import { bookingOption, text } from '../chat.js';
import type { DiscordCommand } from '../types.js';
import { t, type TextKey } from '../../../core/texts.js';
import { engineerFileKinds as kinds, type EngineerFileKind } from '../../../core/versions/pipeline.js';

const kindDescriptions = {
  full: 'discord-cmd-deliver-full',
  instrumental: 'discord-cmd-deliver-instrumental',
  acappella: 'discord-cmd-deliver-acappella',
  master: 'discord-cmd-deliver-master',
} as const satisfies Record<EngineerFileKind, TextKey>;

export const command: DiscordCommand = {
  engineer: true,
  define: () => {
    const b = new SlashCommandBuilder().setName('deliver').setDescription(t('discord-cmd-deliver')).addStringOption(bookingOption);
    for (const k of kinds) b.addAttachmentOption((o) => o.setName(k).setDescription(t(kindDescriptions[k])).setRequired(false));
    return b.addStringOption((o) => o.setName('note').setDescription(t('discord-cmd-deliver-note')).setRequired(false));
  },
  async execute(i, deps) {
    const attached = kinds.map((k) => ({ kind: k, file: i.options.getAttachment(k) })).filter((a) => a.file);
    if (!attached.length) return void (await text(i, t('discord-deliver-attach')));
    const booking = await deps.studio.desk.booking(i.options.getString('reference', true));
    const dir = await mkdtemp(path.join(tmpdir(), 'mixdesk-deliver-'));
    try {
      const files = [];
      for (const a of attached) {
        const local = path.join(dir, `${a.kind}-${safeFileName(a.file!.name)}`);
        if (!(await fetchToFile(a.file!.url, local))) return void (await text(i, t('discord-deliver-fetch-failed', { file: a.file!.name })));
        files.push({ name: a.file!.name, path: local, kind: a.kind });
      }
      const out = await deps.studio.pipeline.deliverFiles(booking.id, files, `engineer:discord:${i.user.id}`, i.options.getString('note') ?? undefined);
      await text(i, t('discord-delivered', { version: out.version, ref: out.reference, files: files.map((f) => f.name).join(', ') }));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
