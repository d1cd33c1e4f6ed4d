// Every slash command, for the router and the deployment script.
import type { DiscordCommand } from '../types.js';
import { command as announce } from './announce.js';
import { command as availability } from './availability.js';
import { command as book } from './book.js';
import { command as booking } from './booking.js';
import { command as cancel } from './cancel.js';
import { command as client } from './client.js';
import { command as deliver } from './deliver.js';
import { command as format } from './format.js';
import { command as help } from './help.js';
import { command as master } from './master.js';
import { command as mixdown } from './mixdown.js';
import { command as mybookings } from './mybookings.js';
import { command as queue } from './queue.js';
import { command as reschedule } from './reschedule.js';
import { command as revise } from './revise.js';
import { command as revision } from './revision.js';
import { command as session } from './session.js';
import { command as setup } from './setup.js';
import { command as status } from './status.js';
import { command as stemroles } from './stemroles.js';
import { command as stems } from './stems.js';
import { command as timezone } from './timezone.js';
import { command as upload } from './upload.js';
import { command as uploadlink } from './uploadlink.js';

export const commands: DiscordCommand[] = [
  book,
  mybookings,
  status,
  upload,
  uploadlink,
  revise,
  format,
  reschedule,
  cancel,
  timezone,
  help,
  queue,
  availability,
  booking,
  session,
  master,
  deliver,
  revision,
  client,
  setup,
  announce,
  stems,
  mixdown,
  stemroles,
];
