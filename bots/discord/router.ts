// The single interaction router: slash commands to their modules (engineer commands checked
// first), buttons and select menus to the core's dialog; errors become clear ephemeral messages.
import { randomBytes } from 'node:crypto';
import {
  ActionRowBuilder,
  DiscordAPIError,
  Events,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
} from 'discord.js';
import { TYPE_ANSWER } from './render.js';
import { userMessage } from '../../core/errors.js';
import type { ActionRecord } from '../../core/engineer/audit.js';
import { forward, text, type Answerable } from './chat.js';
import { isEngineer } from './engineers.js';
import { DESK_BUTTON } from '../../core/booking/booking-alerts.js';
import type { DiscordCommand, DiscordDeps } from './types.js';
import { inLanguage, languageOrStudio, t } from '../../core/texts.js';

/** What an artist or engineer is told when Discord refuses something. */
export function explainDiscordError(err: DiscordAPIError): string {
  switch (err.code) {
    case 50007:
      return t('discord-no-dms');
    case 40005:
      return t('discord-file-too-large');
    case 10062:
      return t('discord-too-slow');
    default:
      return t('discord-refused');
  }
}

/** An engineer's slash command as an audit record: the command and subcommand, the booking it named, its options. */
function auditRecord(i: ChatInputCommandInteraction, outcome: ActionRecord['outcome']): ActionRecord {
  const sub = i.options.getSubcommand(false);
  const options = (sub ? (i.options.data[0]?.options ?? []) : i.options.data).filter((o) => o.value !== undefined);
  return {
    platform: 'discord',
    userId: i.user.id,
    action: [i.commandName, sub].filter(Boolean).join(' '),
    reference: i.options.getString('reference', false),
    detail: options.map((o) => `${o.name}=${String(o.value)}`).join(' ') || null,
    outcome,
  };
}

/** `onHandled`: told when an interaction has been answered in full, whatever came of it (tests wait on it). */
export function routeInteractions(client: Client, deps: DiscordDeps, commands: DiscordCommand[], onHandled?: (interactionId: string) => void): void {
  const byName = new Map(commands.map((c) => [c.define().name, c]));
  client.on(
    Events.InteractionCreate,
    (i: Interaction) =>
      // In the language of the person's Discord (the core may switch it to the one they chose).
      void inLanguage(languageOrStudio(i.locale), () => handle(i).catch((err: unknown) => fail(i, err)))
        .catch((err: unknown) => deps.log.error({ err }, 'answering an interaction failed'))
        .finally(() => onHandled?.(i.id)),
  );

  async function handle(i: Interaction): Promise<void> {
    if (i.isAutocomplete()) {
      const cmd = byName.get(i.commandName);
      return void (await (cmd?.autocomplete ? cmd.autocomplete(i, deps) : i.respond([])));
    }
    if (i.isChatInputCommand()) {
      const cmd = byName.get(i.commandName);
      if (!cmd) return void (await text(i, t('unknown-command', { command: i.commandName })));
      // Discord wants an answer within 3 s; a command may read, write, fetch or post first (and a
      // busy database or a rate limit can take longer), so every command is deferred at once and
      // its answer fills the deferred reply in. Private in servers, as every answer there is.
      await i.deferReply(i.inGuild() ? { flags: MessageFlags.Ephemeral } : {});
      if (cmd.engineer && !(await isEngineer(i, deps.studio.authority))) {
        deps.log.warn({ userId: i.user.id, guildId: i.guildId, command: i.commandName }, 'engineer command refused');
        return void (await text(i, t('discord-engineers-only', { command: i.commandName })));
      }
      if (!cmd.engineer || cmd.desk) return cmd.execute(i, deps);
      // Every engineer action is kept (a desk command by performDesk): who, what, which booking, when, and how it ended.
      let outcome: 'done' | 'refused' | 'failed' = 'failed';
      try {
        await cmd.execute(i, deps);
        outcome = 'done';
      } catch (err) {
        outcome = userMessage(err) !== undefined ? 'refused' : 'failed';
        throw err;
      } finally {
        await deps.studio.audit.record(auditRecord(i, outcome)).catch((err: unknown) => deps.log.error({ err }, 'could not record an engineer action'));
      }
    } else if (i.isButton() && i.customId.startsWith(DESK_BUTTON)) {
      await deskButton(i);
    } else if (i.isButton() && i.customId === TYPE_ANSWER) {
      const input = new TextInputBuilder()
        .setCustomId('answer')
        .setLabel(t('discord-your-answer'))
        .setStyle(TextInputStyle.Paragraph)
        .setMaxLength(2000)
        .setRequired(true);
      await i.showModal(
        new ModalBuilder()
          .setCustomId(TYPE_ANSWER)
          .setTitle(t('discord-your-answer'))
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
      );
    } else if (i.isModalSubmit() && i.customId === TYPE_ANSWER) {
      await forward(i, { kind: 'text', text: i.fields.getTextInputValue('answer') }, deps);
    } else if (i.isButton()) {
      await forward(i, { kind: 'button', data: i.customId }, deps);
    } else if (i.isStringSelectMenu()) {
      await forward(i, { kind: 'button', data: i.values[0] ?? '' }, deps);
    }
  }

  /**
   * A button under an engineer's alert (Confirm, Decline): the same desk command as typed, checked
   * against the studio's engineers and kept in the audit; the alert then shows what was done, without its buttons.
   */
  async function deskButton(i: ButtonInteraction): Promise<void> {
    if (!(await isEngineer(i, deps.studio.authority))) {
      deps.log.warn({ userId: i.user.id, button: i.customId }, 'engineer button refused');
      return void (await i.reply({
        content: t('discord-engineers-only', { command: i.customId.slice(DESK_BUTTON.length).split(' ')[0] ?? '' }),
        flags: MessageFlags.Ephemeral,
      }));
    }
    await i.deferUpdate();
    const { text: said } = await deps.desk.perform(
      i.customId.slice(DESK_BUTTON.length).split(' '),
      { platform: 'discord', userId: i.user.id, actor: `engineer:discord:${i.user.id}` },
      { detail: 'button', log: deps.log },
    );
    await i.editReply({ content: `${i.message.content}\n\n${said}`.slice(0, 2000), components: [] });
  }

  async function fail(i: Interaction, err: unknown): Promise<void> {
    if (!i.isRepliable()) return;
    let message = userMessage(err);
    if (message === undefined && err instanceof DiscordAPIError) {
      deps.log.warn({ err, code: err.code }, 'discord refused a request');
      message = explainDiscordError(err);
    } else if (message === undefined) {
      const errorId = randomBytes(4).toString('hex');
      deps.log.error({ err, errorId }, 'discord interaction failed');
      message = t('unexpected-error', { id: errorId });
    }
    await text(i as Answerable, message).catch(() => undefined);
  }
}
