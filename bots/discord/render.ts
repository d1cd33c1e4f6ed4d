// Core replies as Discord messages: content (chunked at 2,000 characters), buttons reflowed into
// rows of five (at most 25; longer choices become a select menu), links as link buttons and in the
// text, and files attached when under the size limit, otherwise as their signed links.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  escapeMarkdown,
  StringSelectMenuBuilder,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord.js';
import type { Reply, ReplyFile } from '../../core/conversation/types.js';
import type { ObjectStore } from '../../storage/object-store.js';
import { t } from '../../core/texts.js';

export const DEFAULT_ATTACHMENT_LIMIT = 10 * 2 ** 20;
/** The custom id of the button (and modal) for a typed answer. */
export const TYPE_ANSWER = 'mixdesk:type-answer';
const CONTENT_CAP = 2000;

export interface DiscordMessage {
  content: string;
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  files: { attachment: Buffer; name: string }[];
}

function rows(reply: Reply): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const buttons = reply.buttons?.flat() ?? [];
  const out: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  if (buttons.length > 25) {
    const menu = new StringSelectMenuBuilder()
      .setCustomId('select')
      .setPlaceholder(t('discord-choose'))
      .addOptions(buttons.slice(0, 25).map((b) => ({ label: b.label.slice(0, 100), value: b.data })));
    out.push(new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu).toJSON());
  } else {
    for (let i = 0; i < buttons.length; i += 5) {
      out.push(
        new ActionRowBuilder<ButtonBuilder>()
          .addComponents(
            buttons.slice(i, i + 5).map((b) => new ButtonBuilder().setCustomId(b.data).setLabel(b.label.slice(0, 80)).setStyle(ButtonStyle.Secondary)),
          )
          .toJSON(),
      );
    }
  }
  // Typed answers cannot reach a bot that only sees interactions: a button opens a text box.
  if (reply.awaitsAnswer && out.length < 5) {
    out.push(
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(new ButtonBuilder().setCustomId(TYPE_ANSWER).setLabel(t('discord-type-answer')).setStyle(ButtonStyle.Primary))
        .toJSON(),
    );
  }
  const links = (reply.links ?? []).filter((l) => /^https?:\/\//.test(l.url)).slice(0, 5);
  if (links.length && out.length < 5) {
    out.push(
      new ActionRowBuilder<ButtonBuilder>()
        .addComponents(links.map((l) => new ButtonBuilder().setURL(l.url).setLabel(l.label.slice(0, 80)).setStyle(ButtonStyle.Link)))
        .toJSON(),
    );
  }
  return out.slice(0, 5);
}

export function chunks(text: string): string[] {
  const out: string[] = [];
  let rest = text || '…';
  while (rest.length > CONTENT_CAP) {
    const nl = rest.lastIndexOf('\n', CONTENT_CAP);
    const cut = nl > CONTENT_CAP / 2 ? nl : CONTENT_CAP;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  return [...out, rest];
}

async function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** One or more messages for a reply; components and files go with the last one. */
/** The text with others' words escaped, so Discord shows them as typed rather than as Markdown. */
export function escapeQuoted(text: string, quoted: readonly string[]): string {
  const words = [...new Set(quoted)].filter((q) => q.length > 0);
  if (!words.length) return text;
  // One pass, longest first: a display name inside a note is escaped once, as part of the note.
  const any = new RegExp(
    words
      .sort((a, b) => b.length - a.length)
      .map((q) => q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return text.replace(any, (q) => escapeMarkdown(q));
}

export async function renderReply(reply: Reply, store: ObjectStore, attachmentLimit = DEFAULT_ATTACHMENT_LIMIT): Promise<DiscordMessage[]> {
  const components = rows(reply);
  // A link shown as a link button is not written out again under the text.
  const buttoned = new Set(components.flatMap((r) => r.components).flatMap((c) => ('url' in c && c.url ? [c.url] : [])));
  const links = (reply.links ?? []).filter((l) => !reply.text.includes(l.url) && !buttoned.has(l.url));
  const tooBig: ReplyFile[] = [];
  const files: DiscordMessage['files'] = [];
  let total = 0;
  for (const f of reply.files ?? []) {
    const size = f.sizeBytes ?? 0;
    // Discord's limit counts the whole message; what does not fit goes as a link.
    if ((!f.storageKey && !f.path) || total + size > attachmentLimit) {
      tooBig.push(f);
      continue;
    }
    total += size;
    const { createReadStream } = await import('node:fs');
    files.push({ attachment: await readAll(f.storageKey ? await store.get(f.storageKey) : createReadStream(f.path!)), name: f.name });
  }
  const text = [
    escapeQuoted(reply.text, reply.quoted ?? []),
    ...links.map((l) => t('discord-link', { label: l.label, url: l.url })),
    ...tooBig.map((f) => {
      const vars = { file: f.name, url: f.url ?? t('discord-link-unavailable') };
      return f.sizeBytes ? t('discord-file-as-link-size', { ...vars, size: (f.sizeBytes / 2 ** 20).toFixed(0) }) : t('discord-file-as-link', vars);
    }),
  ].join('\n');
  const parts = chunks(text);
  return parts.map((content, i) => (i === parts.length - 1 ? { content, components, files } : { content, components: [], files: [] }));
}
