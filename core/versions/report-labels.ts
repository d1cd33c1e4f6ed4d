// The report picture's words in the artist's language: the engine draws whatever it is given and
// knows no locale files (the command line draws its own English).
import type { Client } from '../clients.js';
import { languageFor } from '../clients.js';
import { inLanguage, t } from '../texts.js';
import type { ReportLabels } from '../../engine/index.js';

export function reportLabelsFor(client: Pick<Client, 'language' | 'chosenLanguage'>): ReportLabels {
  return inLanguage(languageFor(client), () => ({
    title: t('report-png-title', { name: '{name}' }),
    loudness: t('report-png-loudness'),
    truePeak: t('report-png-true-peak'),
    targetMet: t('report-png-target-met', { lufs: '{lufs}', dbtp: '{dbtp}' }),
    targetMissed: t('report-png-target-missed', { lufs: '{lufs}' }),
    shortTerm: t('report-png-short-term'),
    spectrum: t('report-png-spectrum'),
    before: t('report-png-before'),
    after: t('report-png-after'),
  }));
}
