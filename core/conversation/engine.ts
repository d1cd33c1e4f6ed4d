// The dialog engine: one platform-neutral entry point for every chat event. It identifies the
// artist, ignores redelivered events, runs commands and multi-step flows with state kept in the
// database, recognises stale and double-pressed buttons, and turns failures into clear replies.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/client.js';
import { deliveryFormats } from '../clients.js';
import type { Client } from '../clients.js';
import { UserError, userMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Studio } from '../studio.js';
import { openStatuses, type BookingStatus } from '../booking/status.js';
import { done, type Flow, type FlowContext, type StepInput, type StepOutcome } from './flow.js';
import { describeBooking } from './format.js';
import { bookFlow } from './flows/book.js';
import { cancelFlow, rescheduleFlow } from './flows/change.js';
import { reviseFlow } from './flows/revise.js';
import { KeyedMutex } from './mutex.js';
import { describeAny, parseUploadArgs, roleLabel, stemLines } from './uploads.js';
import { stemRoles } from '../../engine/mixdown.js';
import { homedir } from 'node:os';
import { basename } from 'node:path';
import { DialogStore, newToken, type DialogState } from './state.js';
import type { Button, Incoming, Reply, Sender } from './types.js';
import { t } from '../texts.js';
import { cleanName, cleanText } from '../clean-text.js';

const formatFlow: Flow = {
  name: 'format',
  start: async () => ({
    next: {
      step: 'pick',
      data: {},
      reply: {
        text: t('format-ask'),
        buttons: [deliveryFormats.map((f) => ({ label: f.toUpperCase(), data: `fmt:${f}` }))],
      },
    },
  }),
  steps: {
    async pick(ctx, input) {
      const f = input.type === 'button' ? input.action.replace(/^fmt:/, '') : input.text;
      const client = await ctx.studio.clients.setDeliveryFormat(ctx.client.id, f);
      return done({ text: t('format-set', { format: client.deliveryFormat.toUpperCase() }) });
    },
  },
};

const flows: Record<string, Flow> = { book: bookFlow, cancel: cancelFlow, reschedule: rescheduleFlow, format: formatFlow, revise: reviseFlow };

export const commandHelp: [string, string][] = [
  ['/book', t('help-book')],
  ['/mybookings', t('help-mybookings')],
  ['/status [REF]', t('help-status')],
  ['/reschedule [REF]', t('help-reschedule')],
  ['/cancel [REF]', t('help-cancel')],
  ['/upload', t('help-upload')],
  ['/uploadlink [REF]', t('help-uploadlink')],
  ['/revise [REF] [CHANGES]', t('help-revise')],
  ['/stems [N ROLE]', t('help-stems')],
  ['/timezone [ZONE]', t('help-timezone')],
  ['/format [FORMAT]', t('help-format', { formats: deliveryFormats.join(', ') })],
  ['/help', t('help-help')],
];

/** The event with control characters taken out of everything a person typed or named. */
function cleanIncoming(inc: Incoming): Incoming {
  const names = { displayName: cleanName(inc.displayName) || 'artist', ...(inc.username !== undefined ? { username: cleanName(inc.username) } : {}) };
  switch (inc.kind) {
    case 'text':
      return { ...inc, ...names, text: cleanText(inc.text) };
    case 'command':
      return { ...inc, ...names, args: cleanText(inc.args) };
    case 'file':
      return { ...inc, ...names, file: { ...inc.file, name: cleanName(inc.file.name) || 'file' } };
    default:
      return { ...inc, ...names };
  }
}

/** A prompt as sent: its buttons carry the prompt's token, and it is marked as awaiting an answer. */
function stamp(reply: Reply, token: string): Reply {
  const marked = { ...reply, awaitsAnswer: true };
  if (!reply.buttons) return marked;
  return { ...marked, buttons: reply.buttons.map((row) => row.map((b) => ({ ...b, data: `${token}:${b.data}` }))) };
}

function flatButtons(prompt: Reply | null): Button[] {
  return prompt?.buttons?.flat() ?? [];
}

export class Conversation {
  private readonly dialogs: DialogStore;
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly studio: Studio,
    private readonly log: Logger,
  ) {
    this.dialogs = new DialogStore(studio.db);
  }

  private get db(): Db {
    return this.studio.db;
  }

  /** Handles one incoming event and returns what to send back, in order. Never throws. */
  handle(raw: Incoming): Promise<Reply[]> {
    const incoming = cleanIncoming(raw);
    const key = `${incoming.platform}:${incoming.chatId}:${incoming.userId}`;
    return this.mutex.run(key, async () => {
      if (incoming.eventId && !(await this.firstDelivery(incoming.platform, incoming.eventId))) {
        this.log.debug({ eventId: incoming.eventId, platform: incoming.platform }, 'duplicate event ignored');
        return [];
      }
      try {
        return await this.dispatch(incoming);
      } catch (err) {
        const message = userMessage(err);
        if (message !== undefined) {
          // Nothing was kept of an event that met a busy database: a redelivery may try again.
          if (!(err instanceof UserError) && incoming.eventId) await this.forget(incoming.platform, incoming.eventId).catch(() => undefined);
          return [{ text: message }];
        }
        // Let a redelivery of this event try again: nothing of it was kept.
        if (incoming.eventId) await this.forget(incoming.platform, incoming.eventId).catch(() => undefined);
        return [this.unexpected(err, incoming)];
      }
    });
  }

  /** The current question again (after a restart, or when the user lost track). */
  async resume(sender: Sender): Promise<Reply[]> {
    const state = await this.dialogs.load(sender);
    return state.flow && state.prompt ? [stamp(state.prompt, state.token)] : [];
  }

  private unexpected(err: unknown, incoming: Incoming): Reply {
    const errorId = randomBytes(4).toString('hex');
    this.log.error({ err, errorId, platform: incoming.platform, chatId: incoming.chatId, kind: incoming.kind }, 'unexpected error handling a chat event');
    return { text: t('unexpected-error', { id: errorId }) };
  }

  private async firstDelivery(platform: string, eventId: string): Promise<boolean> {
    try {
      await this.db.processedEvent.create({ data: { key: `${platform}:${eventId}` } });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  private async forget(platform: string, eventId: string): Promise<void> {
    await this.db.processedEvent.deleteMany({ where: { key: `${platform}:${eventId}` } });
  }

  private async dispatch(inc: Incoming): Promise<Reply[]> {
    const { client, created } = await this.studio.clients.identify({
      platform: inc.platform,
      externalId: inc.userId,
      displayName: inc.displayName,
      ...(inc.username ? { username: inc.username } : {}),
    });
    const state = await this.dialogs.load(inc);
    switch (inc.kind) {
      case 'command':
        return this.command(inc, client, state, inc.command, inc.args, created);
      case 'button':
        return this.button(inc, client, state, inc.data);
      case 'text':
        return this.text(inc, client, state, inc.text);
      case 'file': {
        const outcome = await this.studio.uploads.acceptAny({
          client,
          fileName: inc.file.name,
          path: inc.file.ref,
          sourceKey: `${inc.platform}:${inc.file.id ?? inc.file.ref}`,
        });
        return [...describeAny(outcome, client.timeZone), ...(await this.studio.pipeline.afterUpload(outcome))];
      }
    }
  }

  private ctx(inc: Incoming, client: Client, state: DialogState): FlowContext {
    return { studio: this.studio, client, sender: inc, data: state.data, promptToken: state.token };
  }

  /** Saves where the dialog is now and renders the outcome. */
  private async settle(inc: Incoming, state: DialogState, flow: string, outcome: StepOutcome): Promise<Reply[]> {
    const token = newToken();
    const next =
      'done' in outcome
        ? { flow: null, step: null, token, data: {}, prompt: null }
        : { flow, step: outcome.next.step, token, data: outcome.next.data, prompt: outcome.next.reply };
    if (!(await this.dialogs.save(inc, state.token, next))) {
      return [{ text: t('already-answered') }];
    }
    return 'done' in outcome ? outcome.done : [...(outcome.before ?? []), stamp(outcome.next.reply, token)];
  }

  private async startFlow(inc: Incoming, client: Client, state: DialogState, name: string, args: string): Promise<Reply[]> {
    const flow = flows[name];
    if (!flow) throw new Error(`unknown flow ${name}`);
    const outcome = await flow.start(this.ctx(inc, client, state), args);
    const replies = await this.settle(inc, state, name, outcome);
    return state.flow && state.flow !== name ? [{ text: t('flow-set-aside', { flow: state.flow }) }, ...replies] : replies;
  }

  /** Runs the step waiting for an answer; a UserError re-asks the same question. */
  private async answer(inc: Incoming, client: Client, state: DialogState, input: StepInput): Promise<Reply[]> {
    const flow = state.flow ? flows[state.flow] : undefined;
    const step = flow && state.step ? flow.steps[state.step] : undefined;
    if (!flow || !step) return this.stopDialog(inc, state, t('dialog-gone'));
    try {
      return await this.settle(inc, state, flow.name, await step(this.ctx(inc, client, state), input));
    } catch (err) {
      const message = userMessage(err);
      if (message === undefined) throw err;
      return state.prompt ? [{ text: message }, stamp(state.prompt, state.token)] : [{ text: message }];
    }
  }

  private async stopDialog(inc: Incoming, state: DialogState, text: string): Promise<Reply[]> {
    await this.dialogs.save(inc, state.token, { flow: null, step: null, token: newToken(), data: {}, prompt: null });
    return [{ text }];
  }

  private async button(inc: Incoming, client: Client, state: DialogState, data: string): Promise<Reply[]> {
    const sep = data.indexOf(':');
    const token = sep > 0 ? data.slice(0, sep) : '';
    if (!state.flow || token !== state.token) {
      const replies: Reply[] = [{ text: t('button-stale') }];
      if (state.flow && state.prompt)
        replies.push({ ...stamp(state.prompt, state.token), text: t('button-stale-where-we-are', { prompt: state.prompt.text }) });
      return replies;
    }
    return this.answer(inc, client, state, { type: 'button', action: data.slice(sep + 1) });
  }

  private async text(inc: Incoming, client: Client, state: DialogState, text: string): Promise<Reply[]> {
    if (!state.flow) {
      return [{ text: t('not-understood') }];
    }
    const options = flatButtons(state.prompt);
    const typed = text.trim();
    if (options.length > 0 && /^\d+$/.test(typed)) {
      const chosen = options[Number(typed) - 1];
      if (!chosen) return [{ text: t('choose-number', { count: options.length }) }, stamp(state.prompt!, state.token)];
      return this.answer(inc, client, state, { type: 'button', action: chosen.data });
    }
    const byLabel = options.find((b) => b.label.toLowerCase() === typed.toLowerCase());
    return this.answer(inc, client, state, byLabel ? { type: 'button', action: byLabel.data } : { type: 'text', text: typed });
  }

  private async command(inc: Incoming, client: Client, state: DialogState, command: string, args: string, created: boolean): Promise<Reply[]> {
    switch (command) {
      case 'start':
        return [
          {
            text: [
              created ? t('welcome-new', { studio: this.studio.name, name: client.displayName }) : t('welcome-back', { name: client.displayName }),
              t('welcome-what-we-do'),
              t('welcome-time-zone', { zone: client.timeZone }),
              '',
              ...commandHelp.map(([c, d]) => `${c} — ${d}`),
            ].join('\n'),
          },
        ];
      case 'help':
        return [{ text: [t('help-title'), ...commandHelp.map(([c, d]) => `${c} — ${d}`)].join('\n') }];
      case 'book':
        return this.startFlow(inc, client, state, 'book', args);
      case 'stop':
      case 'cancel':
        if (state.flow) return this.stopDialog(inc, state, t('dialog-stopped', { flow: state.flow }));
        if (command === 'stop') return [{ text: t('nothing-to-stop') }];
        return this.startFlow(inc, client, state, 'cancel', args);
      case 'reschedule':
        return this.startFlow(inc, client, state, 'reschedule', args);
      case 'format':
        if (!args) return this.startFlow(inc, client, state, 'format', args);
        return [{ text: t('format-set', { format: (await this.studio.clients.setDeliveryFormat(client.id, args)).deliveryFormat.toUpperCase() }) }];
      case 'timezone': {
        if (!args) return [{ text: t('timezone-show', { zone: client.timeZone }) }];
        const updated = await this.studio.clients.setTimeZone(client.id, args);
        const now = DateTime.fromJSDate(this.studio.clock.now()).setZone(updated.timeZone).toFormat('HH:mm');
        return [{ text: t('timezone-set', { zone: updated.timeZone, time: now }) }];
      }
      case 'mybookings':
        return this.myBookings(client);
      case 'upload':
        return this.upload(inc, client, args);
      case 'uploadlink': {
        const booking = await this.studio.uploads.targetBooking(client, args.split(/\s+/)[0] || undefined);
        const { url, link } = await this.studio.links.issue(client, booking.reference, booking.service.code === 'master' ? 'mix' : 'stem');
        const until = DateTime.fromJSDate(link.expiresAt).setZone(client.timeZone).toFormat('ccc d LLL, HH:mm');
        return [
          {
            text: t('upload-link', { ref: booking.reference, until, url }),
            links: [{ label: t('upload-link-button'), url }],
            visibility: 'private',
          },
        ];
      }
      case 'status':
        return this.status(client, args);
      case 'revise':
        return this.startFlow(inc, client, state, 'revise', args);
      case 'stems':
        return this.stems(client, args);
      default:
        return [{ text: t('unknown-command', { command }) }];
    }
  }

  private async upload(inc: Incoming, client: Client, args: string): Promise<Reply[]> {
    if (!args) {
      const how = inc.platform === 'console' ? t('upload-how-console') : t('upload-how-chat');
      return [{ text: `${how}\n${t('upload-what-to-send')}` }];
    }
    if (inc.platform !== 'console') return [{ text: t('upload-send-the-file') }];
    const { path: given, ref } = parseUploadArgs(args);
    const file = given.replace(/^~(?=\/|$)/, homedir());
    const outcome = await this.studio.uploads.acceptAny({ client, fileName: basename(file), path: file, ...(ref ? { bookingRef: ref } : {}) });
    return [...describeAny(outcome, client.timeZone), ...(await this.studio.pipeline.afterUpload(outcome))];
  }

  /** "/stems [REF]" lists a booking's stems and their roles; "/stems N ROLE [REF]" changes one. */
  private async stems(client: Client, args: string): Promise<Reply[]> {
    const words = args.split(/\s+/).filter(Boolean);
    const ref = words.find((w) => /^MD-[2-9A-Z]{6}$/i.test(w));
    const rest = words.filter((w) => w !== ref);
    const booking = await this.studio.uploads.targetBooking(client, ref);
    if (rest.length) {
      const [n, role] = rest;
      const changed = await this.studio.uploads.setStemRole(booking.id, Number(n), role ?? '');
      return [{ text: t('stem-role-set', { file: changed.fileName, role: roleLabel(changed.stemTag) }) }];
    }
    const stems = await this.studio.uploads.stems(booking.id);
    if (!stems.length) return [{ text: t('stems-none', { ref: booking.reference }) }];
    return [
      {
        text: [t('stems-title', { ref: booking.reference }), ...stemLines(stems), '', t('stems-how', { roles: stemRoles.join(', ') })].join('\n'),
      },
    ];
  }

  private async myBookings(client: Client): Promise<Reply[]> {
    const all = await this.studio.bookings.listForClient(client.id);
    if (all.length === 0) return [{ text: t('mybookings-none') }];
    const open = all.filter((b) => openStatuses.includes(b.status as BookingStatus) || b.status === 'delivered');
    const past = all.filter((b) => !open.includes(b)).slice(0, 5);
    const describe = async (b: (typeof all)[number]) => describeBooking(b, client.timeZone, this.studio.timeZone, await this.studio.bookings.queuePosition(b));
    const parts: string[] = [];
    if (open.length) parts.push(`${t('mybookings-title')}\n\n${(await Promise.all(open.map(describe))).join('\n\n')}`);
    if (past.length)
      parts.push(
        [t('mybookings-earlier'), ...past.map((b) => t('mybookings-past', { ref: b.reference, service: b.service.name, status: b.status }))].join('\n'),
      );
    return [{ text: parts.join('\n\n') }];
  }

  private async status(client: Client, args: string): Promise<Reply[]> {
    const list = args
      ? [await this.studio.bookings.ownedBy(client.id, args.split(/\s+/)[0] ?? '')]
      : (await this.studio.bookings.listForClient(client.id)).filter((b) => openStatuses.includes(b.status as BookingStatus) || b.status === 'delivered');
    if (list.length === 0) return [{ text: t('status-nothing') }];
    const nextByStatus: Record<string, string> = {
      requested: t('status-next-requested'),
      confirmed: t('status-next-confirmed'),
      'awaiting-files': t('status-next-awaiting-files'),
      'in-progress': t('status-next-in-progress'),
      'revision-requested': t('status-next-revision-requested'),
      delivered: t('status-next-delivered'),
    };
    const texts = await Promise.all(
      list.map(async (b) => {
        const running = b.status === 'in-progress' ? await this.studio.pipeline.progressOf(b.id) : null;
        const revisions =
          b.status === 'delivered' || b.status === 'in-progress' || b.status === 'revision-requested' ? await this.studio.revisions.allowance(b) : null;
        const lines = [
          describeBooking(b, client.timeZone, this.studio.timeZone, await this.studio.bookings.queuePosition(b)),
          `  ${running ?? nextByStatus[b.status] ?? ''}`,
        ];
        if (revisions) lines.push(`  ${t('status-revisions', { used: revisions.used, free: revisions.freeLeft, price: revisions.price })}`);
        // Where the files are, in case a message with them never reached the artist.
        const latest = await this.db.delivery.findFirst({
          where: { bookingId: b.id, status: 'ready' },
          orderBy: { version: 'desc' },
          include: { files: true },
        });
        if (latest) {
          lines.push(`  ${t('status-latest-delivery', { version: latest.version })}`);
          for (const f of latest.files.filter((x) => x.kind !== 'report'))
            lines.push(`    ${f.fileName}: ${this.studio.downloads.url(f.storageKey, f.fileName) ?? t('download-link-unavailable')}`);
        }
        return lines.join('\n').trimEnd();
      }),
    );
    return [{ text: texts.join('\n\n') }];
  }
}
