// The dialog engine: one platform-neutral entry point for every chat event. It identifies the
// artist, ignores redelivered events, runs commands and multi-step flows with state kept in the
// database, recognises stale and double-pressed buttons, and turns failures into clear replies.
import { randomBytes } from 'node:crypto';
import { languageFor, type Client } from '../clients.js';
import { ChooseBooking, IllegalTransitionError, UserError, userMessage } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Studio } from '../studio.js';
import { type Flow, type FlowContext, type StepInput, type StepOutcome } from './flow.js';
import { bookFlow } from './flows/book.js';
import { formatFlow } from './flows/format.js';
import { chatCommand, helpLines, nearestCommand } from './commands/index.js';
import { cancelFlow, rescheduleFlow } from './flows/change.js';
import { reviseFlow } from './flows/revise.js';
import { newSourceFlow } from './flows/new-source.js';
import { mixTimeFlow } from './flows/mix-time.js';
import { fileForArgs, fileForFlow } from './flows/file-for.js';
import { newSourceOf, type ArchiveOutcome, type UploadOutcome } from '../files/uploads.js';
import { KeyedMutex } from './mutex.js';
import { matchTypedAnswer } from './typed-answer.js';
import { describeAny } from './uploads.js';
import { type DialogStore, newToken, type DialogState } from './state.js';
import type { Button, Incoming, Reply, Sender } from './types.js';
import { inReaderLanguage, languageOrStudio, switchLanguage, t, type Language } from '../texts.js';
import { cleanName, cleanText } from '../clean-text.js';
import { referenceIn } from '../booking/reference.js';

const flows: Record<string, Flow> = {
  book: bookFlow,
  cancel: cancelFlow,
  reschedule: rescheduleFlow,
  format: formatFlow,
  revise: reviseFlow,
  source: newSourceFlow,
  mixtime: mixTimeFlow,
  filefor: fileForFlow,
};

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

/**
 * The language of a short message that only greets ("Hi", "hello there!", "¡Hola!", "buenas
 * tardes"), or null. A Discord DM carries no locale: a new artist's "Hola" is the only hint.
 */
export function greetingLanguage(text: string): Language | null {
  const m =
    /^\s*[¡!]*\s*(?:(hi|hiya|hello|hey|howdy|good (?:morning|afternoon|evening))|(hola|buenas|buenos días|buenas (?:tardes|noches)))\b[\s\w]{0,20}[!.¡?]*\s*$/iu.exec(
      text,
    );
  return m ? (m[1] ? 'en' : 'es') : null;
}

export const isGreeting = (text: string): boolean => greetingLanguage(text) !== null;

export class Conversation {
  private readonly dialogs: DialogStore;
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly studio: Studio,
    private readonly log: Logger,
  ) {
    this.dialogs = studio.dialogs;
  }

  /** Handles one incoming event and returns what to send back, in order. Never throws. */
  handle(raw: Incoming): Promise<Reply[]> {
    const incoming = cleanIncoming(raw);
    const key = `${incoming.platform}:${incoming.chatId}:${incoming.userId}`;
    // The app's language until the artist is known (and their own choice, if they made one).
    return inReaderLanguage(languageOrStudio(incoming.language), () => this.turn(key, incoming));
  }

  private turn(key: string, incoming: Incoming): Promise<Reply[]> {
    return this.mutex.run(key, async () => {
      try {
        // Inside the try: a database that cannot record the event is answered like any other failure.
        if (incoming.eventId && !(await this.dialogs.firstDelivery(incoming.platform, incoming.eventId))) {
          this.log.debug({ eventId: incoming.eventId, platform: incoming.platform }, 'duplicate event ignored');
          return [];
        }
        return await this.dispatch(incoming);
      } catch (err) {
        const message = userMessage(err);
        if (message !== undefined) {
          // Nothing was kept of an event that met a busy database: a redelivery may try again.
          if (!(err instanceof UserError) && incoming.eventId) await this.dialogs.forget(incoming.platform, incoming.eventId).catch(() => undefined);
          return [{ text: message }];
        }
        // Let a redelivery of this event try again: nothing of it was kept.
        if (incoming.eventId) await this.dialogs.forget(incoming.platform, incoming.eventId).catch(() => undefined);
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

  private async dispatch(inc: Incoming): Promise<Reply[]> {
    const { client, created } = await this.studio.clients.identify({
      platform: inc.platform,
      externalId: inc.userId,
      displayName: inc.displayName,
      ...(inc.username ? { username: inc.username } : {}),
      ...(inc.language ? { language: inc.language } : {}),
      ...(inc.kind === 'text' && !inc.language ? { languageHint: greetingLanguage(inc.text) ?? undefined } : {}),
    });
    switchLanguage(languageFor(client));
    const state = await this.dialogs.load(inc);
    switch (inc.kind) {
      case 'command':
        return this.command(inc, client, state, inc.command, inc.args, created);
      case 'button':
        return this.button(inc, client, state, inc.data);
      case 'text':
        return this.text(inc, client, state, inc.text, created);
      case 'file': {
        // Stems sent for a quote before booking (/quote): measured, nothing kept, the question stays open.
        if (state.flow === 'mixtime' && state.step === 'stems') return this.quoteFiles(client, state, inc.file.name, inc.file.ref);
        // The booking named with the file (Discord's option, a reference in the caption), if any.
        const bookingRef = inc.file.bookingRef ?? referenceIn(inc.file.caption ?? '');
        return this.takeFile(inc, client, state, {
          name: inc.file.name,
          path: inc.file.ref,
          sourceKey: `${inc.platform}:${inc.file.id ?? inc.file.ref}`,
          ...(bookingRef ? { bookingRef } : {}),
        });
      }
    }
  }

  /** A file for a booking: stored and on to what it leads to; several bookings and none named: held, and the artist asked which. */
  private async takeFile(
    inc: Incoming,
    client: Client,
    state: DialogState,
    f: { name: string; path: string; bookingRef?: string; sourceKey?: string },
  ): Promise<Reply[]> {
    try {
      const outcome = await this.studio.uploads.acceptAny({
        client,
        fileName: f.name,
        path: f.path,
        ...(f.bookingRef ? { bookingRef: f.bookingRef } : {}),
        ...(f.sourceKey ? { sourceKey: f.sourceKey } : {}),
      });
      return await this.afterFiles(inc, client, state, outcome);
    } catch (err) {
      if (!(err instanceof ChooseBooking)) throw err;
      // One file waits for its answer at a time: a second one sent meanwhile takes its place (the
      // first is dropped, and said so), so held files cannot pile up unasked.
      const waiting = state.flow === 'filefor' && typeof state.data.key === 'string' && this.studio.uploads.held.owns(client.id, state.data.key);
      if (waiting) await this.studio.uploads.held.drop(String(state.data.key));
      const key = await this.studio.uploads.holdForChoice(client, f.path, f.name);
      if (waiting) {
        const replaced = [{ text: t('file-for-replaced', { file: String(state.data.name ?? 'file') }) }];
        return [...replaced, ...(await this.startFlow(inc, client, state, 'filefor', fileForArgs(key, f.name, f.sourceKey ?? '')))];
      }
      return this.startFlow(inc, client, state, 'filefor', fileForArgs(key, f.name, f.sourceKey ?? ''));
    }
  }

  /**
   * What a stored file leads to: its description, the work it starts, and for a delivered
   * booking the question whether the next version is made from it.
   */
  private async afterFiles(inc: Incoming, client: Client, state: DialogState, outcome: UploadOutcome | ArchiveOutcome): Promise<Reply[]> {
    const replies = [...describeAny(outcome, client.timeZone), ...(await this.studio.pipeline.afterUpload(outcome))];
    const source = newSourceOf(outcome);
    if (source) return [...replies, ...(await this.startFlow(inc, client, state, 'source', `${source.booking.reference} ${source.upload.fileName}`))];
    // Stems for a mix: how long it will take, and the question when they measure more than was booked.
    const estimate = await this.studio.mixTime.afterFiles(outcome);
    if (estimate.ask) return [...replies, ...(await this.startFlow(inc, client, state, 'mixtime', estimate.ask.reference))];
    return estimate.reply ? [...replies, estimate.reply] : replies;
  }

  /** Stems for the quote /quote waits for: measured, the estimate so far, and the question still open (its Done button). */
  private async quoteFiles(client: Client, state: DialogState, name: string, file: string): Promise<Reply[]> {
    const { measured, skipped } = await this.studio.uploads.measureStems(file, name);
    const skippedLines = skipped.length ? ['', t('archive-skipped'), ...skipped.map((s) => `• ${s.name}: ${s.reason}`)] : [];
    if (!measured.length) return [{ text: [t('quote-nothing-measured', { file: name }), ...skippedLines].join('\n') }];
    const quote = await this.studio.mixTime.addToQuote(client.id, measured);
    const text = [this.studio.mixTime.quoteText(quote), ...skippedLines, '', t('quote-more')].join('\n');
    return [stamp({ text, buttons: [[{ label: t('quote-done-button'), data: 'done' }]] }, state.token)];
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
      const outcome = await step(this.ctx(inc, client, state), input);
      const replies = await this.settle(inc, state, flow.name, outcome);
      // Files the step stored go on as files sent do (which may ask the next question).
      if ('received' in outcome && outcome.received)
        return [...replies, ...(await this.afterFiles(inc, client, await this.dialogs.load(inc), outcome.received))];
      return replies;
    } catch (err) {
      const message = userMessage(err);
      if (message === undefined) throw err;
      // The booking moved on meanwhile (another person, the engineer): asking again would only be
      // refused again, so the dialog ends with the reason.
      if (err instanceof IllegalTransitionError) return this.stopDialog(inc, state, message);
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

  private async text(inc: Incoming, client: Client, state: DialogState, text: string, created: boolean): Promise<Reply[]> {
    if (!state.flow) {
      // During a running session, what the artist types privately is a note for the engineer.
      const live = inc.isPrivateChat ? await this.studio.notes.running(client.id) : null;
      if (live && text.trim()) {
        await this.studio.notes.fromArtist(live, client, text);
        return [{ text: t('note-sent', { ref: live.reference }) }];
      }
      // A first message, or a hello: the welcome (on Discord, where there is no /start, a
      // conversation with the bot begins this way).
      if (created || isGreeting(text)) return this.command(inc, client, state, 'start', '', created);
      return [{ text: t('not-understood') }];
    }
    const options = flatButtons(state.prompt);
    const typed = text.trim();
    if (options.length > 0 && /^\d+$/.test(typed)) {
      const chosen = options[Number(typed) - 1];
      if (!chosen) return [{ text: t('choose-number', { count: options.length }) }, stamp(state.prompt!, state.token)];
      return this.answer(inc, client, state, { type: 'button', action: chosen.data });
    }
    const meant = matchTypedAnswer(typed, options);
    return this.answer(inc, client, state, meant ? { type: 'button', action: meant.data } : { type: 'text', text: typed });
  }

  private async command(inc: Incoming, client: Client, state: DialogState, name: string, args: string, created: boolean): Promise<Reply[]> {
    const cmd = chatCommand(name);
    if (!cmd) {
      // (The plain answer already points to /help.)
      const meant = nearestCommand(name);
      return [{ text: meant && meant !== 'help' ? t('unknown-command-meant', { command: name, meant }) : t('unknown-command', { command: name }) }];
    }
    return cmd.run({
      studio: this.studio,
      incoming: inc,
      client,
      args,
      created,
      flow: state.flow,
      startFlow: (flow) => this.startFlow(inc, client, state, flow, args),
      takeFile: (file) => this.takeFile(inc, client, state, file),
      quoteFiles: state.flow === 'mixtime' && state.step === 'stems' ? (name, file) => this.quoteFiles(client, state, name, file) : null,
      stopDialog: (text) => this.stopDialog(inc, state, text),
      helpLines,
    });
  }
}
