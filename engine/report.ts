// The mastering report: the numbers as text, and a picture for the chat (short-term loudness
// over time and the spectrum, before and after), drawn with @napi-rs/canvas — loaded when the first
// picture is drawn (Skia's library takes ~25 ms to load, which a command that draws none, or draws
// it while waiting for other work, should not pay at start).
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Analysis } from './analysis/analyze.js';
import { eqResponseDb, type EqBand, type MasterResult } from './master.js';
import { presets, type PresetDef } from './presets.js';
import { turnDownLine } from './platforms.js';

const fmt = (v: number, unit: string, digits = 1) => (Number.isFinite(v) ? `${v.toFixed(digits)} ${unit}` : `-inf ${unit}`);
const signed = (v: number, digits = 1) => `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;

function rows(a: Analysis): [string, string][] {
  return [
    ['Integrated loudness', fmt(a.loudness.integratedLufs, 'LUFS')],
    ['Loudness range', fmt(a.loudness.rangeLu, 'LU')],
    ['Max short-term', fmt(a.loudness.shortTermMaxLufs, 'LUFS')],
    ['True peak', fmt(a.peaks.truePeakDbtp, 'dBTP', 2)],
    ['Sample peak', fmt(a.peaks.samplePeakDbfs, 'dBFS', 2)],
    ['DC offset (max)', fmt(a.dcOffset.maxDbfs, 'dBFS')],
    ['Phase correlation', `${a.phase.correlation.toFixed(2)} (worst 1 s: ${a.phase.worstCorrelation.toFixed(2)} at ${a.phase.worstAtSec} s)`],
    ['Stereo width (S/M)', a.stereoWidth.toFixed(2)],
    [
      'Clipped runs',
      a.clipping.runs === 0 ? 'none' : `${a.clipping.runs} (${a.clipping.clippedSamples} samples, first at ${a.clipping.firstAtSec?.toFixed(2)} s)`,
    ],
  ];
}

export function analysisText(a: Analysis, name: string): string {
  const f = a.format;
  const head = `${name}: ${f.container ?? 'audio'}, ${f.sampleRate} Hz, ${f.bitDepth ? `${f.bitDepth}-bit, ` : ''}${f.channels === 1 ? 'mono' : f.channels === 2 ? 'stereo' : `${f.channels} channels`}, ${f.durationSec.toFixed(1)} s`;
  const width = Math.max(...rows(a).map(([k]) => k.length));
  return [
    head,
    ...rows(a).map(([k, v]) => `  ${k.padEnd(width)}  ${v}`),
    `  ${'Silence'.padEnd(width)}  ${a.silence.leadingSec.toFixed(2)} s at the start, ${a.silence.trailingSec.toFixed(2)} s at the end`,
  ].join('\n');
}

/**
 * Where matching a reference moves the ends of the range, which is where it can hurt: sub-bass the
 * limiter then has to hold, air that turns harsh. The EQ's largest move in each, at the third-octave
 * centres (31.5–50 Hz, 8–16 kHz below Nyquist).
 */
function endsOfRange(eq: EqBand[], fs: number): string {
  const largest = (centres: number[]) => {
    const moves = centres.filter((hz) => hz < fs / 2.2).map((hz) => ({ hz, db: eqResponseDb(eq, fs, hz) }));
    return moves.reduce((a, b) => (Math.abs(b.db) > Math.abs(a.db) ? b : a), { hz: centres[0]!, db: 0 });
  };
  const lows = largest([31.5, 40, 50]);
  const highs = largest([8000, 10000, 12500, 16000]);
  const hz = (f: number) => (f >= 1000 ? `${f / 1000} kHz` : `${f} Hz`);
  return `Ends of the range: sub-bass ${signed(lows.db)} dB at most (${hz(lows.hz)}), highs ${signed(highs.db)} dB at most (${hz(highs.hz)})`;
}

/** `checks`: the destination's lines (destinations.ts), measured on the files as delivered. */
export function reportText(r: MasterResult, name: string, checks: readonly string[] = []): string {
  const before = rows(r.before);
  const after = rows(r.after);
  const width = Math.max(...before.map(([k]) => k.length));
  const col = Math.max(...before.map(([, v]) => v.length), 6);
  const c = r.chain;
  const bands = (eq: EqBand[]) =>
    eq.map((b) => `${b.type === 'peaking' ? 'bell' : b.type === 'lowshelf' ? 'low shelf' : 'high shelf'} ${b.hz} Hz ${signed(b.gainDb)} dB`).join(', ');
  const eq = c.eq.length ? bands(c.eq) : 'none needed';
  const lines = [
    `Master of ${name} — ${presets[r.settings.preset].label}: target ${r.settings.targetLufs} LUFS, ceiling ${r.settings.ceilingDbtp} dBTP`,
    `  ${''.padEnd(width)}  ${'before'.padEnd(col)}  after`,
    ...before.map(([k, v], i) => `  ${k.padEnd(width)}  ${v.padEnd(col)}  ${after[i]![1]}`),
    '',
    'Chain:',
    `  DC removed (${c.dcRemoved.map((d) => d.toFixed(5)).join(', ')}), high-pass ${c.highpassHz} Hz`,
    `  EQ${r.settings.reference ? ' (matched to the reference)' : ''}: ${eq}`,
    r.settings.reference && c.eq.length ? `  ${endsOfRange(c.eq, r.after.format.sampleRate)}` : '',
    c.sideEq.length ? `  Side EQ (width matched to the reference): ${bands(c.sideEq)}` : '',
    c.sideHighpassHz
      ? `  Low end mono below ${c.sideHighpassHz} Hz`
      : c.lowEnd
        ? `  Low end left in stereo: mono would lose ${c.lowEnd.monoLossDb < -40 ? 'more than 40' : (-c.lowEnd.monoLossDb).toFixed(1)} dB below 120 Hz (correlation ${c.lowEnd.correlation.toFixed(2)})`
        : '',
    `  Compressor ${c.compressor.ratio.toFixed(2)}:1 at ${c.compressor.thresholdDb} dB: ${c.compressor.averageReductionDb.toFixed(1)} dB average, ${c.compressor.maxReductionDb.toFixed(1)} dB at most`,
    c.clipper
      ? `  Soft clipper: the highest peaks shaved by up to ${c.clipper.deepestDb.toFixed(1)} dB (${(c.clipper.share * 100).toFixed(2)}% of the samples)`
      : '',
    `  Gain ${signed(c.gainDb)} dB, true-peak limiter at ${c.limiter.ceilingDbtp} dBTP: ${c.limiter.maxReductionDb.toFixed(1)} dB at most, over 1 dB on ${(c.limiter.busyShare * 100).toFixed(1)}% of the track`,
    c.peakDips
      ? `  Inter-sample peaks still over the ceiling at 16x: ${c.peakDips.count} brought down where they were, by up to ${c.peakDips.deepestDb.toFixed(2)} dB`
      : '',
    '',
    r.targetMet && (presets[r.settings.preset] as PresetDef).loudnessUpTo && r.after.loudness.integratedLufs < r.settings.targetLufs - 0.3
      ? `Up to ${r.settings.targetLufs} LUFS, within the limiting bound: ${r.after.loudness.integratedLufs} LUFS, ${r.after.peaks.truePeakDbtp} dBTP.`
      : r.targetMet
        ? `Target met: ${r.after.loudness.integratedLufs} LUFS, ${r.after.peaks.truePeakDbtp} dBTP.`
        : `Target NOT met: ${r.after.loudness.integratedLufs} LUFS, ${r.after.peaks.truePeakDbtp} dBTP.`,
    ...checks,
    turnDownLine(r.after.loudness.integratedLufs),
    ...r.warnings.map((w) => `Note: ${w}`),
  ];
  return lines.filter((l, i) => l !== '' || lines[i - 1] !== '').join('\n');
}

const BLUE = '#2f7de1';
const GREY = '#9aa3ad';
const INK = '#1d2329';

function axes(g: SKRSContext2D, x: number, y: number, w: number, h: number, title: string): void {
  g.fillStyle = '#f6f8fa';
  g.fillRect(x, y, w, h);
  g.strokeStyle = '#d0d7de';
  g.strokeRect(x + 0.5, y + 0.5, w, h);
  g.fillStyle = INK;
  g.font = 'bold 18px sans-serif';
  g.fillText(title, x, y - 10);
}

function line(g: SKRSContext2D, pts: [number, number][], color: string, width: number): void {
  g.strokeStyle = color;
  g.lineWidth = width;
  g.beginPath();
  pts.forEach(([px, py], i) => (i ? g.lineTo(px, py) : g.moveTo(px, py)));
  g.stroke();
}

/**
 * The words on the picture, in the reader's language (the service words them from its locale
 * files; `{...}` marks where the numbers go). The command line uses these English ones.
 */
export interface ReportLabels {
  /** "{name}" is the file's name. */
  title: string;
  loudness: string;
  truePeak: string;
  /** "{lufs}", "{dbtp}": the target. */
  targetMet: string;
  /** "{lufs}": the target. */
  targetMissed: string;
  shortTerm: string;
  spectrum: string;
  before: string;
  after: string;
}

export const englishReportLabels: ReportLabels = {
  title: 'mixdesk master — {name}',
  loudness: 'Loudness',
  truePeak: 'true peak',
  targetMet: '✓ target {lufs} LUFS / {dbtp} dBTP met',
  targetMissed: '✗ target {lufs} LUFS not met — see the report',
  shortTerm: 'Short-term loudness (LUFS)',
  spectrum: 'Spectrum (dB, third-octave bands)',
  before: 'before',
  after: 'after',
};

const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/**
 * A 1200×800 PNG: headline numbers, short-term loudness over time, and the spectrum. The drawing
 * is quick (~15 ms); the PNG compression runs on libuv's thread pool.
 */
export async function reportPng(r: MasterResult, name: string, words: ReportLabels = englishReportLabels): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const W = 1200,
    H = 800;
  const canvas = createCanvas(W, H);
  const g = canvas.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  g.fillStyle = INK;
  g.font = 'bold 26px sans-serif';
  g.fillText(fill(words.title, { name }).slice(0, 70), 40, 50);
  g.font = '18px sans-serif';
  const b = r.before,
    a = r.after;
  g.fillText(
    `${words.loudness} ${fmt(b.loudness.integratedLufs, 'LUFS')} → ${fmt(a.loudness.integratedLufs, 'LUFS')}  ·  ${words.truePeak} ${fmt(b.peaks.truePeakDbtp, 'dBTP')} → ${fmt(a.peaks.truePeakDbtp, 'dBTP')}  ·  LRA ${fmt(b.loudness.rangeLu, 'LU')} → ${fmt(a.loudness.rangeLu, 'LU')}`,
    40,
    85,
  );
  g.fillStyle = r.targetMet ? '#1a7f37' : '#cf222e';
  g.fillText(
    r.targetMet
      ? fill(words.targetMet, { lufs: r.settings.targetLufs, dbtp: r.settings.ceilingDbtp })
      : fill(words.targetMissed, { lufs: r.settings.targetLufs }),
    40,
    115,
  );

  // Short-term loudness over time.
  const px = 80,
    py = 170,
    pw = 1080,
    ph = 260;
  axes(g, px, py, pw, ph, words.shortTerm);
  const lo = -40,
    hi = 0;
  const yOf = (v: number) => py + ph - ((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo)) * ph;
  g.font = '14px sans-serif';
  g.fillStyle = '#57606a';
  for (let v = lo; v <= hi; v += 10) {
    g.fillText(`${v}`, px - 40, yOf(v) + 5);
    line(
      g,
      [
        [px, yOf(v)],
        [px + pw, yOf(v)],
      ],
      '#e1e4e8',
      1,
    );
  }
  const series = (st: number[]) => st.map((v, i) => [px + (i / Math.max(1, st.length - 1)) * pw, yOf(v)] as [number, number]);
  line(
    g,
    [
      [px, yOf(r.settings.targetLufs)],
      [px + pw, yOf(r.settings.targetLufs)],
    ],
    '#d4a72c',
    1.5,
  );
  line(g, series(b.shortTermLufs), GREY, 2);
  line(g, series(a.shortTermLufs), BLUE, 2);
  g.fillStyle = '#57606a';
  g.fillText(`0 s`, px, py + ph + 20);
  g.fillText(`${a.format.durationSec.toFixed(0)} s`, px + pw - 40, py + ph + 20);

  // Spectrum, third-octave bands on a log-frequency axis.
  const sx = 80,
    sy = 500,
    sw = 1080,
    sh = 240;
  axes(g, sx, sy, sw, sh, words.spectrum);
  const hz = a.spectrum.hz;
  const all = [...b.spectrum.db, ...a.spectrum.db].filter((v) => v > -139);
  const top = Math.ceil(Math.max(...all) / 10) * 10;
  const bottom = top - 70;
  const xOf = (f: number) => sx + (Math.log10(f / 20) / Math.log10(20000 / 20)) * sw;
  const yS = (v: number) => sy + sh - ((Math.max(bottom, Math.min(top, v)) - bottom) / (top - bottom)) * sh;
  g.fillStyle = '#57606a';
  for (let v = bottom; v <= top; v += 20) g.fillText(`${v}`, sx - 40, yS(v) + 5);
  for (const f of [31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000]) {
    line(
      g,
      [
        [xOf(f), sy],
        [xOf(f), sy + sh],
      ],
      '#e1e4e8',
      1,
    );
    g.fillText(f >= 1000 ? `${f / 1000}k` : `${f}`, xOf(f) - 10, sy + sh + 20);
  }
  line(
    g,
    hz.map((f, i) => [xOf(f), yS(b.spectrum.db[i]!)] as [number, number]),
    GREY,
    2,
  );
  line(
    g,
    hz.map((f, i) => [xOf(f), yS(a.spectrum.db[i]!)] as [number, number]),
    BLUE,
    2.5,
  );

  g.font = '16px sans-serif';
  g.fillStyle = GREY;
  g.fillText(`■ ${words.before}`, 980, 140);
  g.fillStyle = BLUE;
  g.fillText(`■ ${words.after}`, 1070, 140);
  return canvas.encode('png');
}
