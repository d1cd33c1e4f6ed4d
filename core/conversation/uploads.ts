// How received files read back in chat.
import { serviceName } from '../catalog.js';
import { DateTime } from 'luxon';
import type { ArchiveOutcome, UploadOutcome } from '../files/uploads.js';
import { formatSize } from '../files/uploads.js';
import type { Reply } from './types.js';
import { intlLocale, sentence, t } from '../texts.js';
import { isReference } from '../booking/reference.js';

export const roleLabel = (role: string | null) => (role ?? 'other').replace('-', ' ');

/** "1. Drums.wav — drums": a booking's stems numbered as /stems and the engineer change them. */
export const stemLines = (stems: { fileName: string; stemTag: string | null }[]) => stems.map((s, i) => `${i + 1}. ${s.fileName} — ${roleLabel(s.stemTag)}`);

/** "24-bit, " (with its separator), or nothing when the format has no fixed bit depth. */
const bitDepth = (bits: number | null | undefined) => (bits ? `${t('upload-bit-depth', { bits })} ` : '');

const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.round(sec % 60)).padStart(2, '0')}`;

export function describeUpload(o: UploadOutcome, zone: string): Reply {
  const u = o.upload;
  if (o.duplicate) {
    const when = DateTime.fromJSDate(u.createdAt).setZone(zone).setLocale(intlLocale()).toFormat('d LLL, HH:mm');
    return { text: t('upload-duplicate', { file: u.fileName, ref: o.booking.reference, when }) };
  }
  const a = o.analysis;
  const as = u.role === 'stem' ? t('upload-as-stem', { role: roleLabel(u.stemTag) }) : u.role === 'mix' ? t('upload-as-mix') : t('upload-as-reference');
  const lines = [t('upload-received', { file: u.fileName, ref: o.booking.reference, service: serviceName(o.booking.service), as })];
  if (a) {
    const channels =
      a.format.channels === 1 ? t('upload-mono') : a.format.channels === 2 ? t('upload-stereo') : t('upload-channels', { count: a.format.channels });
    lines.push(
      `  ${t('upload-format', { container: (a.format.container ?? 'audio').toUpperCase(), khz: String(a.format.sampleRate / 1000), depth: bitDepth(a.format.bitDepth), channels, duration: clock(a.format.durationSec), size: formatSize(Number(u.sizeBytes)) })}`,
    );
    lines.push(`  ${t('upload-loudness', { lufs: String(a.loudness.integratedLufs), dbtp: String(a.peaks.truePeakDbtp) })}`);
  }
  lines.push(`  ${t('upload-stored', { checksum: u.sha256.slice(0, 12) })}`);
  if (o.warnings.length) lines.push('', t('upload-worth-knowing'), ...o.warnings.map((w) => `• ${sentence(w)}`));
  lines.push('', t('upload-status-hint'));
  return { text: lines.join('\n') };
}

/** "/upload path with spaces/mix.wav MD-7K2Q9A" → path and optional booking reference. */
export function parseUploadArgs(args: string): { path: string; ref?: string } {
  const parts = args.trim().split(/\s+/);
  const last = parts.at(-1) ?? '';
  const ref = parts.length > 1 && isReference(last) ? last.toUpperCase() : undefined;
  const raw = (ref ? parts.slice(0, -1).join(' ') : args.trim()).replace(/^(["'])(.*)\1$/, '$2');
  return ref ? { path: raw, ref } : { path: raw };
}

export function describeAny(o: UploadOutcome | ArchiveOutcome, zone: string): Reply[] {
  if (!('archive' in o)) return [describeUpload(o, zone)];
  const fresh = o.received.filter((r) => !r.duplicate);
  const again = o.received.filter((r) => r.duplicate);
  const ref = o.received[0]?.booking.reference;
  const counts = { archive: o.archive, count: fresh.length, again: again.length, ref: ref ?? '' };
  const lines = [
    t(ref ? (again.length ? 'archive-received-for-again' : 'archive-received-for') : again.length ? 'archive-received-again' : 'archive-received', counts),
  ];
  for (const r of fresh) {
    const a = r.analysis;
    lines.push(
      `• ${r.upload.fileName}${r.upload.role === 'stem' ? ` (${roleLabel(r.upload.stemTag)})` : ''}${a ? ` — ${a.format.sampleRate / 1000} kHz, ${bitDepth(a.format.bitDepth)}${clock(a.format.durationSec)}` : ''}`,
    );
    for (const w of r.warnings) lines.push(`    ${sentence(w)}`);
  }
  if (o.skipped.length) lines.push('', t('archive-skipped'), ...o.skipped.map((s) => `• ${s.name}: ${s.reason}`));
  lines.push('', t('upload-status-hint'));
  return [{ text: lines.join('\n') }];
}
