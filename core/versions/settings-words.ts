// A version's engine settings in words, for people: the listening page lists them, the engineer's
// /master answer says them (never the JSON they are stored as).
import { t } from '../texts.js';
import type { MasterSettings } from './pipeline.js';

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;

/** What was asked of the engine beyond its preset: target, tone, punch, reference. */
export function settingsInWords(s: Partial<MasterSettings>): string[] {
  const lines: string[] = [];
  if (s.targetLufs !== undefined) lines.push(t('room-setting-target', { lufs: String(s.targetLufs) }));
  if (s.ceilingDbtp !== undefined) lines.push(t('setting-ceiling', { db: String(s.ceilingDbtp) }));
  if (s.bassDb) lines.push(t('room-setting-bass', { db: signed(s.bassDb) }));
  if (s.trebleDb) lines.push(t('room-setting-treble', { db: signed(s.trebleDb) }));
  if (s.punch) lines.push(t('room-setting-punch', { amount: signed(s.punch) }));
  if (s.useReference) lines.push(t('room-setting-reference'));
  return lines;
}
