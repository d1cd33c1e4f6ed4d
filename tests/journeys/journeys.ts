// The studio's week as artists and the engineer live it, one script per journey, run on each chat
// and in each language by transcripts.test.ts into docs/journeys/. Labels are the buttons' words.
import type { Journey, JourneyDriver } from './driver.js';

export interface JourneyFiles {
  mix: string;
  fixedMix: string;
}

const unattended = { en: 'Unattended', es: 'Sin asistencia' };
const standard = { en: 'Standard', es: 'Estándar' };
const confirm = { en: 'Confirm booking', es: 'Confirmar la reserva' };
const thursday = { en: 'Thu 3 Dec', es: /jue\.? 3 dic/ };
const friday = { en: 'Fri 4 Dec', es: /vie\.? 4 dic/ };

/** Books mastering through the dialog: unattended, or a standard session on Thursday 3 December at 10:00. */
async function bookMaster(d: JourneyDriver, kind: 'unattended' | 'standard'): Promise<void> {
  await d.say('/book master');
  if (kind === 'unattended') await d.press(unattended);
  else {
    await d.press(standard);
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
