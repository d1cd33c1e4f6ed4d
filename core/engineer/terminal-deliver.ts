// `mixdesk desk deliver REF --full FILE …`: the engineer's own renders from the studio's machine,
// sent to the artist as the next version — what Discord's /deliver does with attachments, for a
// studio run from the terminal. Audited as the other desk commands are ("console").
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Studio } from '../studio.js';
import { UserError } from '../errors.js';
import type { DeskAction } from './commands/index.js';
import { performDesk, type DeskActor, type PerformOptions, type Performed } from './perform.js';
import { t } from '../texts.js';
import { engineerFileKinds, type EngineerFileKind } from '../versions/pipeline.js';

export const deskDeliverHelp = (): string =>
  `deliver REFERENCE [--full FILE] [--instrumental FILE] [--acappella FILE] [--master FILE] [--note NOTE] — ${t('desk-deliver-help')}`;

/** The files and note the words name, checked: at least one file, each one there and a file. */
async function deliveryOf(words: string[]): Promise<{ reference: string; files: { name: string; path: string; kind: EngineerFileKind }[]; note?: string }> {
  let parsed;
  try {
    parsed = parseArgs({
      args: words,
      allowPositionals: true,
      strict: true,
      options: { ...Object.fromEntries(engineerFileKinds.map((k) => [k, { type: 'string' as const }])), note: { type: 'string' } },
    });
  } catch {
    throw new UserError(t('desk-deliver-usage', { usage: deskDeliverHelp() }));
  }
  const { values, positionals } = parsed as { values: Record<string, string | undefined>; positionals: string[] };
  if (positionals.length !== 1) throw new UserError(t('desk-deliver-usage', { usage: deskDeliverHelp() }));
  const files = [];
  for (const kind of engineerFileKinds) {
    const given = values[kind];
    if (given === undefined) continue;
    const file = path.resolve(given);
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) throw new UserError(t('desk-deliver-no-file', { file: given }));
    files.push({ name: path.basename(file), path: file, kind });
  }
  if (!files.length) throw new UserError(t('deliver-attach'));
  return { reference: positionals[0]!, files, ...(values.note ? { note: values.note } : {}) };
}

/**
 * Delivers as the terminal's engineer, through performDesk like every desk action (audited; a
 * refusal is a sentence, not a throw), so this door cannot audit or word an outcome its own way.
 */
export function deskDeliver(studio: Studio, words: string[], who: DeskActor, o: PerformOptions = {}): Promise<Performed> {
  // The booking as typed first (REFERENCE comes first), so a refused delivery is audited against it too.
  const reference = words[0] && !words[0].startsWith('--') ? words[0].trim().toUpperCase() : undefined;
  const action: DeskAction = {
    name: 'deliver',
    description: () => t('desk-deliver-help'),
    async run() {
      const d = await deliveryOf(words);
      const booking = await studio.desk.booking(d.reference);
      const out = await studio.pipeline.deliverFiles(booking.id, d.files, who.actor, d.note);
      return t('discord-delivered', { version: out.version, ref: out.reference, files: d.files.map((f) => f.name).join(', ') });
    },
  };
  return performDesk(studio, { name: 'deliver', action, args: { reference, files: words.slice(reference ? 1 : 0).join(' ') || undefined } }, who, o);
}
