// The studio's week as artists and the engineer live it, one script per journey, run on each chat
// and in each language by transcripts.test.ts into docs/journeys/. Labels are the buttons' words.
import type { Journey, JourneyDriver } from './driver.js';

export interface JourneyFiles {
  mix: string;
  fixedMix: string;
  /** A zip of four stems (drums, vocal, bass, keys), 8 s each. */
  stems: string;
  /** A longer mix (20 s), sent through the web link. */
  longMix: string;
}

const unattended = { en: 'Unattended', es: 'Sin asistencia' };
const standard = { en: 'Standard', es: 'Estándar' };
const virtual = { en: 'Virtual', es: 'Virtual' };
const confirm = { en: 'Confirm booking', es: 'Confirmar la reserva' };
const thursday = { en: 'Thu 3 Dec', es: /jue\.? 3 dic/ };
const friday = { en: 'Fri 4 Dec', es: /vie\.? 4 dic/ };

/** Books mastering through the dialog: unattended, or a standard or virtual session on Thursday 3 December at 10:00. */
async function bookMaster(d: JourneyDriver, kind: 'unattended' | 'standard' | 'virtual'): Promise<void> {
  await d.say('/book master');
  if (kind === 'unattended') await d.press(unattended);
  else {
    await d.press(kind === 'virtual' ? virtual : standard);
    await d.press(thursday);
    await d.press('10:00');
  }
  await d.press(confirm);
}

export function journeys(files: JourneyFiles): Journey[] {
  return [
    {
      slug: 'unattended-master',
      title: 'An unattended master, from booking to delivery',
      async run(d) {
        await d.say('/start');
        await bookMaster(d, 'unattended');
        await d.file('Night Drive.wav', files.mix);
        await d.settle();
        await d.say('/status');
      },
    },
    {
      slug: 'two-bookings-and-a-file',
      title: 'Two bookings taking files, and one file sent',
      async run(d) {
        await bookMaster(d, 'standard');
        await bookMaster(d, 'unattended');
        await d.file('Night Drive.wav', files.mix);
        await d.press({ en: /^MD-.*unattended/, es: /^MD-.*sin asistencia/ });
        await d.settle();
        await d.say('/mybookings');
      },
    },
    {
      slug: 'revisions-free-then-paid',
      title: 'Two free revisions, then a paid one; a corrected mix',
      async run(d) {
        await bookMaster(d, 'unattended');
        await d.file('Night Drive.wav', files.mix);
        await d.settle();
        await d.say('/revise');
        await d.press({ en: 'Louder', es: 'Más fuerte' });
        await d.settle();
        await d.file('Night Drive v2.wav', files.fixedMix);
        await d.press({ en: 'from the default settings', es: 'desde los ajustes por defecto' });
        await d.settle();
        await d.say('/revise warmer');
        await d.press({ en: 'Yes, revise for', es: 'Sí, revisar por' });
        await d.settle();
        await d.say('/status');
        await d.desk('client lookup MD-REF1');
      },
    },
    {
      slug: 'mix-from-stems',
      title: 'A mix from stems: a quote first, then the booking, the stems and the renders',
      async run(d) {
        await d.say('/quote');
        await d.file('Night Drive stems.zip', files.stems);
        await d.press({ en: 'Done', es: 'Listo' });
        await d.say('/book mix');
        await d.press(unattended);
        await d.press(confirm);
        await d.file('Night Drive stems.zip', files.stems);
        await d.desk('mixdown MD-REF1');
        await d.say('/status');
      },
    },
    {
      slug: 'large-file-through-the-link',
      title: 'A mix sent through the private upload link instead of the chat',
      async run(d) {
        await bookMaster(d, 'unattended');
        await d.say('/uploadlink');
        await d.browserUpload('Night Drive (final).wav', files.longMix);
        await d.say('/status');
      },
    },
    {
      slug: 'virtual-session',
      title: 'A virtual session: reminders with the keycode, live notes, the master delivered at its end',
      async run(d) {
        await bookMaster(d, 'virtual');
        await d.file('Night Drive.wav', files.mix);
        d.note('The day before the session (Thursday 3 December, 10:00 in London).');
        await d.advanceTo(new Date('2026-12-02T10:00:00Z'));
        d.note('An hour before.');
        await d.advanceTo(new Date('2026-12-03T09:00:00Z'));
        await d.advanceTo(new Date('2026-12-03T10:00:00Z'));
        await d.desk('session start MD-REF1');
        await d.say(d.language === 'es' ? 'Un poco más de aire en la voz del estribillo, por favor' : 'A little more air on the vocal in the chorus, please');
        await d.desk('reply MD-REF1 Adding it now: listen again in ten seconds');
        await d.desk('session end MD-REF1 --deliver newest');
        await d.say('/status');
      },
    },
    {
      slug: 'deposit-moved-then-cancelled',
      title: 'A session held by a deposit: paid online, moved, then cancelled',
      payments: true,
      async run(d) {
        await bookMaster(d, 'standard');
        await d.payOnline();
        await d.say('/reschedule');
        await d.press(friday);
        await d.press('16:00');
        await d.press({ en: 'Move it', es: 'Moverla' });
        await d.say('/cancel');
        await d.press({ en: 'Yes, cancel it', es: 'Sí, cancélala' });
      },
    },
    {
      slug: 'reschedule-and-cancel',
      title: 'A session requested, confirmed by the engineer, moved, then cancelled',
      env: { BOOKING_AUTO_CONFIRM: 'false' },
      async run(d) {
        await bookMaster(d, 'standard');
        await d.settle();
        await d.desk('booking confirm MD-REF1');
        await d.file('Night Drive.wav', files.mix);
        await d.settle();
        await d.say('/status');
        await d.say('/reschedule');
        await d.press(friday);
        await d.press('16:00');
        await d.press({ en: 'Move it', es: 'Moverla' });
        await d.settle();
        await d.say('/cancel');
        await d.press({ en: 'Yes, cancel it', es: 'Sí, cancélala' });
        await d.settle();
        await d.desk('queue');
      },
    },
  ];
}
