// The artist's chat commands, in the order /help and the menus list them.
import { book } from './book.js';
import { cancel } from './cancel.js';
import { format } from './format.js';
import { help } from './help.js';
import { language } from './language.js';
import { mybookings } from './mybookings.js';
import { forgetme, mydata } from './mydata.js';
import { quote } from './quote.js';
import { release } from './release.js';
import { reschedule } from './reschedule.js';
import { revise } from './revise.js';
import { start } from './start.js';
import { stems } from './stems.js';
import { status } from './status.js';
import { stop } from './stop.js';
import { timezone } from './timezone.js';
import { upload } from './upload.js';
import { uploadlink } from './uploadlink.js';
import type { ChatCommand } from './types.js';

export type { ChatCommand, CommandRun } from './types.js';

export const chatCommands: readonly ChatCommand[] = [
  book,
  mybookings,
  status,
  reschedule,
  cancel,
  upload,
  uploadlink,
  revise,
  release,
  stems,
  quote,
  timezone,
  format,
  language,
  mydata,
  forgetme,
  help,
  start,
  stop,
];

const byName = new Map(chatCommands.map((c) => [c.name, c]));
export const chatCommand = (name: string): ChatCommand | undefined => byName.get(name);

/** "/book — Book mixing or mastering…": the lines of /help and /start, in the artist's language at the time of asking. */
export const helpLines = (): string[] => chatCommands.filter((c) => c.help).map((c) => `/${c.name}${c.usage ? ` ${c.usage()}` : ''} — ${c.help!()}`);

/** Words artists type for a command, in the languages the studio speaks (Spanish: /reservar for /book). */
const meaning: Record<string, string> = {
  bookings: 'mybookings',
  reservas: 'mybookings',
  misreservas: 'mybookings',
  reservar: 'book',
  reserva: 'book',
  cancelar: 'cancel',
  anular: 'cancel',
  ayuda: 'help',
  estado: 'status',
  subir: 'upload',
  enviar: 'upload',
  revisar: 'revise',
  cambios: 'revise',
  idioma: 'language',
  formato: 'format',
  zona: 'timezone',
  presupuesto: 'quote',
  pistas: 'stems',
  mover: 'reschedule',
  reprogramar: 'reschedule',
  misdatos: 'mydata',
  olvidame: 'forgetme',
};

/** Edits (insert, delete, replace, swap two neighbours) that turn a into b, up to `bound`; bound + 1 beyond it. */
function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

/** The listed command an unknown one was most likely meant to be (a typo, a word for it, a Spanish word), if any. */
export function nearestCommand(typed: string): string | undefined {
  const word = typed
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const listed = chatCommands.filter((c) => c.help).map((c) => c.name);
  if (meaning[word]) return meaning[word];
  if (word.length < 3) return undefined;
  const bound = word.length <= 4 ? 1 : 2;
  const scored = listed.map((name) => ({ name, d: editDistance(word, name, bound) })).filter((s) => s.d <= bound);
  scored.sort((x, y) => x.d - y.d);
  return scored[0]?.name ?? listed.find((name) => name.startsWith(word) && word.length >= 4);
}
