// One standing table (core/booking/standing.ts): every combination of status, service, kind, files
// in, version running or held and session ahead is told without contradicting itself, in English
// and in Spanish. The checks read the rendered words, not the table's keys, so a text edited into
// a contradiction fails here too.
import { describe, expect, it } from 'vitest';
import { standing, type Situation, type WorkState } from '../../core/booking/standing.js';
import { bookingStatuses, isFollowed } from '../../core/booking/status.js';
import { serviceCodes, sessionKinds } from '../../core/catalog.js';
import { inLanguage, languages, type Language } from '../../core/texts.js';

const works: WorkState[] = ['none', 'running', 'review', 'session'];

function* everySituation(): Generator<Situation> {
  for (const status of bookingStatuses)
    for (const service of serviceCodes)
      for (const kind of sessionKinds)
        for (const filesIn of [false, true])
          // A version is made from files in; only an attended session's is held for it.
          for (const work of works.filter((w) => (filesIn || w === 'none') && (w !== 'session' || kind !== 'unattended')))
            for (const sessionAhead of kind === 'unattended' ? [false] : [false, true])
              yield { status, service, kind, filesIn, work, version: work === 'none' ? null : 2, sessionAhead, when: 'Sat 12 Dec 2026, 14:00 (Europe/London)' };
}

/** The words that contradict a situation, per language. */
const words: Record<
  Language,
  { asksForFiles: RegExp; filesIn: RegExp; later: RegExp; session: RegExp; artistWords: RegExp; engineerWords: RegExp; stems: RegExp; mix: RegExp }
> = {
  en: {
    asksForFiles: /send your|waiting for your (files|stems|mix)/i,
    filesIn: /(files|stems|mix) (are|is) in/i,
    later: /downtime|next free|due date|once the engineer confirms/i,
    session: /session/i,
    artistWords: /the artist/i,
    engineerWords: /\byour (files|stems|mix|master)\b/i,
    stems: /send your stems/i,
    mix: /send your mix/i,
  },
  es: {
    asksForFiles: /envía tu|esperando tus? (archivos|pistas|mezcla)/i,
    filesIn: /ya está aquí|ya están aquí|han llegado/i,
    later: /huecos del estudio|fecha prevista|cuando el ingeniero confirme/i,
    session: /sesión/i,
    artistWords: /del artista/i,
    engineerWords: /\btus? (archivos|pistas|mezcla|máster)\b/i,
    stems: /envía tus pistas/i,
    mix: /envía tu mezcla/i,
  },
};

const name = (s: Situation) => `${s.status}/${s.service}/${s.kind}/files ${s.filesIn ? 'in' : 'out'}/${s.work}/${s.sessionAhead ? 'ahead' : 'past'}`;

describe.each(languages)('every situation, in %s', (language) => {
  const w = words[language];
  const told = [...everySituation()].map((s) => ({ s, said: inLanguage(language, () => standing(s)) }));

  it('walks every combination', () => {
    // Per status and service: attended kinds (2) × session ahead or past (2) × (files out, or in with 4 work states) = 20,
    // unattended × (files out, or in with 3 work states) = 4.
    expect(told.length).toBe(bookingStatuses.length * serviceCodes.length * 24);
  });

  it('never asks for files that are in, and always asks for files that are missing before the work', () => {
    for (const { s, said } of told) {
      const artist = `${said.artist} ${said.next ?? ''}`;
      if (s.filesIn) expect(artist, name(s)).not.toMatch(w.asksForFiles);
      if (!s.filesIn && (s.status === 'confirmed' || s.status === 'awaiting-files')) {
        expect(said.next, name(s)).toMatch(w.asksForFiles);
        // Stems for a mix, the stereo mix for mastering.
        expect(said.next, name(s)).toMatch(s.service === 'master' ? w.mix : w.stems);
      }
      if (s.filesIn && (s.status === 'confirmed' || s.status === 'awaiting-files')) expect(said.artist, name(s)).toMatch(w.filesIn);
    }
  });

  it('never says the work starts later when the engine runs now or a version is made', () => {
    for (const { s, said } of told) {
      const runsNow = s.work !== 'none' || s.status === 'in-progress' || (s.service === 'master' && s.kind === 'unattended');
      if (runsNow && s.status !== 'requested' && s.status !== 'awaiting-payment') expect(`${said.artist} ${said.next ?? ''}`, name(s)).not.toMatch(w.later);
    }
  });

  it('tells unattended work without a session, and each reader in their own words', () => {
    for (const { s, said } of told) {
      if (s.kind === 'unattended') expect(`${said.artist} ${said.next ?? ''} ${said.engineer}`, name(s)).not.toMatch(w.session);
      expect(`${said.artist} ${said.next ?? ''}`, name(s)).not.toMatch(w.artistWords);
      expect(said.engineer, name(s)).not.toMatch(w.engineerWords);
      expect(said.artist.length && said.engineer.length, name(s)).toBeTruthy();
    }
  });

  it('gives every booking the artist follows a next step (the deposit ask says its own)', () => {
    for (const { s, said } of told)
      if (isFollowed(s.status) && s.status !== 'awaiting-payment') expect(said.next, name(s)).toBeTruthy();
      else if (!isFollowed(s.status)) expect(said.next, name(s)).toBeNull();
  });

  it('names the version the engineer is reviewing, and the session files are prepared for', () => {
    for (const { s, said } of told) {
      if (s.work === 'review' && isFollowed(s.status) && s.status !== 'awaiting-payment') expect(said.next, name(s)).toContain('2');
      if (s.filesIn && s.sessionAhead && s.work !== 'review' && (s.status === 'confirmed' || s.status === 'awaiting-files'))
        expect(said.next, name(s)).toContain('Sat 12 Dec 2026, 14:00');
    }
  });
});
