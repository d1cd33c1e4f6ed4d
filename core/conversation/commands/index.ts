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
export const helpLines = (): string[] => chatCommands.filter((c) => c.help).map((c) => `/${c.name}${c.usage ? ` ${c.usage}` : ''} — ${c.help!()}`);
