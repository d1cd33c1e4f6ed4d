// How received files read back in chat.
import { DateTime } from 'luxon';
import type { ArchiveOutcome, UploadOutcome } from '../uploads.js';
import { formatSize } from '../uploads.js';
import type { Reply } from './types.js';

export const roleLabel = (role: string | null) => (role ?? 'other').replace('-', ' ');

/** "1. Drums.wav — drums": a booking's stems numbered as /stems and the engineer change them. */
export const stemLines = (stems: { fileName: string; stemTag: string | null }[]) => stems.map((s, i) => `${i + 1}. ${s.fileName} — ${roleLabel(s.stemTag)}`);

const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.round(sec % 60)).padStart(2, '0')}`;

export function describeUpload(o: UploadOutcome, zone: string): Reply {
  const u = o.upload;
  if (o.duplicate) {
    const when = DateTime.fromJSDate(u.createdAt).setZone(zone).toFormat('d LLL, HH:mm');
    return { text: `I already have ${u.fileName} for ${o.booking.reference} (received ${when}); nothing new was stored.` };
  }
  const a = o.analysis;
  const lines = [`Received ${u.fileName} for ${o.booking.reference} (${o.booking.service.name}) as ${u.role === 'stem' ? `a stem (${roleLabel(u.stemTag)}; /stems to change)` : u.role === 'mix' ? 'your mix' : 'a reference track'}.`];
  if (a) {
    const ch = a.format.channels === 1 ? 'mono' : a.format.channels === 2 ? 'stereo' : `${a.format.channels} channels`;
    const depth = a.format.bitDepth ? `${a.format.bitDepth}-bit, ` : '';
    lines.push(`  ${(a.format.container ?? 'audio').toUpperCase()}, ${a.format.sampleRate / 1000} kHz, ${depth}${ch}, ${clock(a.format.durationSec)}, ${formatSize(Number(u.sizeBytes))}`);
    lines.push(`  Loudness ${a.loudness.integratedLufs} LUFS, true peak ${a.peaks.truePeakDbtp} dBTP`);
  }
  lines.push(`  Stored safely (checksum ${u.sha256.slice(0, 12)}…).`);
  if (o.warnings.length) lines.push('', 'Worth knowing:', ...o.warnings.map((w) => `• ${w[0]!.toUpperCase()}${w.slice(1)}.`));
  lines.push('', '/status shows where your booking stands.');
  return { text: lines.join('\n') };
}

const REF = /^MD-[2-9A-Z]{6}$/i;

/** "/upload path with spaces/mix.wav MD-7K2Q9A" → path and optional booking reference. */
export function parseUploadArgs(args: string): { path: string; ref?: string } {
  const parts = args.trim().split(/\s+/);
  const last = parts.at(-1) ?? '';
  const ref = parts.length > 1 && REF.test(last) ? last.toUpperCase() : undefined;
  const raw = (ref ? parts.slice(0, -1).join(' ') : args.trim()).replace(/^(["'])(.*)\1$/, '$2');
  return ref ? { path: raw, ref } : { path: raw };
}

export function describeAny(o: UploadOutcome | ArchiveOutcome, zone: string): Reply[] {
  if (!('archive' in o)) return [describeUpload(o, zone)];
  const fresh = o.received.filter((r) => !r.duplicate);
  const again = o.received.filter((r) => r.duplicate);
  const ref = o.received[0]?.booking.reference;
  const lines = [`From ${o.archive}: ${fresh.length} file${fresh.length === 1 ? '' : 's'} received${ref ? ` for ${ref}` : ''}${again.length ? `, ${again.length} I already had` : ''}.`];
  for (const r of fresh) {
    const a = r.analysis;
    lines.push(`• ${r.upload.fileName}${r.upload.role === 'stem' ? ` (${roleLabel(r.upload.stemTag)})` : ''}${a ? ` — ${a.format.sampleRate / 1000} kHz, ${a.format.bitDepth ? `${a.format.bitDepth}-bit, ` : ''}${clock(a.format.durationSec)}` : ''}`);
    for (const w of r.warnings) lines.push(`    ${w[0]!.toUpperCase()}${w.slice(1)}.`);
  }
  if (o.skipped.length) lines.push('', 'Skipped:', ...o.skipped.map((s) => `• ${s.name}: ${s.reason}`));
  lines.push('', '/status shows where your booking stands.');
  return [{ text: lines.join('\n') }];
}
