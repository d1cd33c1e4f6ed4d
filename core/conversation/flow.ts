// What a dialog flow (booking, cancelling, rescheduling…) looks like to the engine.
import type { Client } from '../clients.js';
import type { Studio } from '../studio.js';
import type { Reply, Sender } from './types.js';
import type { ArchiveOutcome, UploadOutcome } from '../files/uploads.js';

import type { FlowData } from './state.js';
export type { FlowData } from './state.js';

/** A question to the user: the step that will take the answer, the answers so far, and the message. */
export interface Prompt {
  step: string;
  data: FlowData;
  /** Button `data` here is the bare action; the engine stamps the prompt token onto it. */
  reply: Reply;
}

/** `received`: files the step stored (a held file given its booking); the engine goes on as for files sent. */
export type StepOutcome = { next: Prompt; before?: Reply[] } | { done: Reply[]; received?: UploadOutcome | ArchiveOutcome };

export interface FlowContext {
  studio: Studio;
  client: Client;
  sender: Sender;
  data: FlowData;
  /** Identifies the prompt being answered; the same press redelivered carries the same token. */
  promptToken: string;
}

export type StepInput = { type: 'button'; action: string } | { type: 'text'; text: string };

export interface Flow {
  name: string;
  start(ctx: FlowContext, args: string): Promise<StepOutcome>;
  steps: Record<string, (ctx: FlowContext, input: StepInput) => Promise<StepOutcome>>;
}

export const ask = (step: string, data: FlowData, reply: Reply, before?: Reply[]): StepOutcome => ({
  next: { step, data, reply },
  ...(before ? { before } : {}),
});

export const done = (...replies: Reply[]): StepOutcome => ({ done: replies });
