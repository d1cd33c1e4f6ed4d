// The mastering chain on material made here, checked by our own meter and by ffmpeg's ebur128.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../engine/analysis/analyze.js';
import { averageSpectrum } from '../../engine/analysis/spectrum.js';
import { encodeAudio, outputFormats, readAudioFile } from '../../engine/io/index.js';
import { measureLoudness } from '../../engine/analysis/loudness.js';
import { master } from '../../engine/master.js';
import { reportPng, reportText } from '../../engine/report.js';
import { makeTrack } from '../helpers/music.js';
import { ffmpegEbur128, hasFfmpeg, hasSox, run, skipNotice } from '../helpers/tools.js';
import { fluidsynthNotice, hasFluidsynth, renderMidi, writeSong } from '../helpers/midi.js';
import { projectRoot } from '../../db/schemas.js';
import { mixdeskArgs } from '../helpers/run-script.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-master-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
if (!hasFfmpeg) skipNotice('ffmpeg');
if (!hasFluidsynth) fluidsynthNotice();

describe('master()', () => {
  const track = makeTrack(20, 48000, { dc: 0.01 });

  it('lands on the default target (-14 LUFS, under -1 dBTP), removes DC, keeps the low end mono', () => {
    const r = master(track);
    expect(Math.abs(r.after.loudness.integratedLufs + 14)).toBeLessThanOrEqual(0.1);
    expect(r.after.peaks.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(r.targetMet).toBe(true);
    expect(r.before.dcOffset.maxDbfs).toBeGreaterThan(-45);
    expect(r.after.dcOffset.maxDbfs).toBeLessThan(-70);
    expect(r.warnings.join(' ')).toMatch(/DC offset .* removed/);
    // Nothing below 120 Hz in the side signal: L-R there is far below L+R.
    const [l, rr] = r.audio.channels as [Float32Array, Float32Array];
    const side = l.map((v, i) => (v - rr[i]!) / 2);
    const mid = l.map((v, i) => (v + rr[i]!) / 2);
    const low = (x: Float32Array) => averageSpectrum([x], 48000).db.slice(0, 8); // 20–100 Hz bands
    const gap = low(mid).map((m, i) => m - low(side)[i]!);
    expect(Math.min(...gap.slice(2))).toBeGreaterThan(20);
  });

  it.each([
    ['loud', -9, -2],
    ['apple', -16, -1],
  ] as const)('preset %s lands on %i LUFS under %i dBTP (or says why not)', (preset, lufs, ceiling) => {
    const r = master(track, { preset });
    expect(r.after.peaks.truePeakDbtp).toBeLessThanOrEqual(ceiling);
    if (r.targetMet) expect(Math.abs(r.after.loudness.integratedLufs - lufs)).toBeLessThanOrEqual(0.1);
    else expect(r.warnings.join(' ')).toMatch(/would need about \d+\.\d dB more limiting than the \d+ dB allowed/);
  });

  it('leaves no DC after loud limiting of a lopsided waveform (it came back at -43 dBFS); the parts still sum to the master', () => {
    const fs = 48000;
    const n = fs * 8;
    // Peaks far taller on one side (a fundamental with in-phase cosine harmonics), swelling slowly.
    const lopsided = () =>
      Float32Array.from({ length: n }, (_, i) => {
        const t = i / fs;
        const swell = 0.6 + 0.4 * Math.sin(2 * Math.PI * 0.5 * t);
        return swell * (0.35 * Math.sin(2 * Math.PI * 110 * t) + 0.45 * Math.cos(2 * Math.PI * 220 * t) + 0.3 * Math.cos(2 * Math.PI * 330 * t));
      });
    const mix = { sampleRate: fs, channels: [lopsided(), lopsided()] };
    const half = { sampleRate: fs, channels: mix.channels.map((ch) => ch.map((v) => v / 2)) };
    const r = master(mix, { preset: 'loud', targetLufs: -6, parts: [half, half] });
    expect(r.chain.limiter.maxReductionDb).toBeGreaterThan(6); // it really limited hard
    expect(r.after.dcOffset.maxDbfs).toBeLessThan(-80);
    expect(r.after.peaks.truePeakDbtp).toBeLessThanOrEqual(r.settings.ceilingDbtp);
    // The report's loudness is the last limiting round's, read before the offset came off: the
    // same as a fresh reading of the master (K-weighting takes a constant out).
    expect(Math.abs(r.after.loudness.integratedLufs - measureLoudness(r.audio.channels, fs).integrated)).toBeLessThanOrEqual(0.01);
    const [a, b] = r.parts;
    const worst = Math.max(...r.audio.channels.map((ch, c) => ch.reduce((m, v, i) => Math.max(m, Math.abs(a!.channels[c]![i]! + b!.channels[c]![i]! - v)), 0)));
    expect(20 * Math.log10(worst)).toBeLessThan(-100);
  });

  it('out-of-phase bass left in stereo gets no bass boost: the house EQ reads what left and right hold, not what survives in mono', () => {
    const fs = 48000;
    const n = fs * 8;
    const l = new Float32Array(n);
    const r = new Float32Array(n);
    const tones = [220, 330, 440, 660, 880, 1320, 1760, 2640, 3520, 5280, 7040];
    for (let i = 0; i < n; i++) {
      const t = i / fs;
      // Everything above the bass in phase; the bass (a note a second) in opposite polarity: mono holds none of it.
      const mid = tones.reduce(
        (sum, hz, k) => sum + (0.06 / Math.sqrt(k + 1)) * Math.sin(2 * Math.PI * hz * t + k) * (0.6 + 0.4 * Math.sin(2 * Math.PI * (0.3 + k * 0.07) * t)),
        0,
      );
      const bass = 0.3 * Math.sin(2 * Math.PI * (55 + 10 * Math.floor(t)) * t);
      l[i] = mid + bass;
      r[i] = mid - bass;
    }
    const result = master({ sampleRate: fs, channels: [l, r] });
    expect(result.notes.map((x) => x.code)).toContain('lows-out-of-phase');
    // Reading the mono remainder as a mix without bass, the house curve boosted it +4 dB.
    const lowBoost = result.chain.eq.filter((b) => b.hz < 200).reduce((sum, b) => sum + b.gainDb, 0);
    expect(lowBoost).toBeLessThan(0.5);
  });

  it('refuses to crush: a target far too loud for the material stops short and says so', () => {
    const r = master(track, { targetLufs: -4, ceilingDbtp: -1 });
    expect(r.targetMet).toBe(false);
    expect(r.chain.limiter.maxReductionDb).toBeLessThanOrEqual(8.1);
    expect(r.chain.limiter.maxReductionDb).toBeGreaterThan(7.5); // as loud as the bound allows, not short of it
    expect(r.warnings.join(' ')).toMatch(/Reaching -4 LUFS would need about \d+\.\d dB more limiting than the 8 dB allowed/);
    // The clipper took what it may (3 dB in all) off the highest peaks first, and said so.
    expect(r.chain.clipper!.deepestDb).toBeLessThanOrEqual(3.5);
    expect(r.warnings.join(' ')).toMatch(/soft clipper shaved the highest peaks by up to \d+\.\d dB/);
    expect(reportText(r, 'song.wav')).toMatch(/Target NOT met/);
    expect(r.after.peaks.truePeakDbtp).toBeLessThanOrEqual(-1);
  });

  it('reports a polarity problem instead of hiding it', () => {
    const r = master(makeTrack(8, 48000, { invertRight: true }));
    expect(r.before.phase.correlation).toBeLessThan(0);
    expect(r.warnings.join(' ')).toMatch(/out of phase .* polarity-inverted/);
  });

  describe('the low end made mono only where mono keeps it', () => {
    const fs = 48000;
    /** The track with something added to the low end of each channel. */
    const withLows = (left: (i: number) => number, right: (i: number) => number) => {
      const t = makeTrack(10, fs, { level: 0.3 });
      const [l, r] = t.channels as [Float32Array, Float32Array];
      for (let i = 0; i < l.length; i++) {
        l[i]! += left(i);
        r[i]! += right(i);
      }
      return t;
    };
    const tone = (i: number) => 0.35 * Math.sin((2 * Math.PI * 40 * i) / fs);
    let seed = 12345;
    const noise = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296) * 2 - 1;
    /** Independent low rumble in each channel (a wide synth's low end): one-pole low-passed noise. */
    const rumble = () => {
      let y = 0;
      return () => (y += 0.01 * (noise() - y)) * 4;
    };
    const [lowL, lowR] = [rumble(), rumble()];
    const cases = {
      'in phase': withLows(tone, tone),
      'out of phase': withLows(tone, (i) => -tone(i)),
      wide: withLows(
        () => lowL(),
        () => lowR(),
      ),
    };
    /** Energy of both channels in a band, dB. */
    const band = (channels: Float32Array[], lo: number, hi: number) => {
      const power = channels.flatMap((c) => {
        const s = averageSpectrum([c], fs);
        return s.hz.map((hz, i) => (hz >= lo && hz <= hi ? 10 ** (s.db[i]! / 10) : 0));
      });
      return 10 * Math.log10(power.reduce((a, b) => a + b, 0));
    };
    /** The low end against the mids: what mono-ing the lows would change (the EQ is off: intensity 0). */
    const lowEnd = (channels: Float32Array[]) => band(channels, 25, 120) - band(channels, 250, 4000);

    for (const [name, input] of Object.entries(cases)) {
      it(`${name}: the energy below 120 Hz stays within 1 dB, and the report says what was done`, () => {
        const r = master(input, { intensity: 0 });
        expect(Math.abs(lowEnd(r.audio.channels) - lowEnd(input.channels)), name).toBeLessThan(1);
        const report = reportText(r, 'mix.wav');
        if (name === 'in phase') {
          expect(r.chain.sideHighpassHz).toBe(120);
          expect(report).toContain('Low end mono below 120 Hz');
        } else {
          expect(r.chain.sideHighpassHz).toBeNull();
          expect(r.warnings.join(' ')).toMatch(
            name === 'wide' ? /low end \(below 120 Hz\) is wide .* left in stereo/ : /low end \(below 120 Hz\) is out of phase .* left in stereo/,
          );
          expect(report).toMatch(/Low end left in stereo: mono would lose (\d+\.\d|more than 40) dB below 120 Hz/);
        }
      });
    }
  });

  it('moves the tonal balance towards a reference track', () => {
    const dull = makeTrack(12, 48000);
    // A bright reference: the same music with a strong high shelf (differentiated).
    const bright = makeTrack(12, 48000);
    for (const ch of bright.channels) for (let i = ch.length - 1; i > 0; i--) ch[i] = ch[i]! - 0.7 * ch[i - 1]!;
    const r = master(dull, { reference: bright, intensity: 1 });
    // The matching EQ works band by band: up in the highs, down in the lows.
    const gain = (lo: number, hi: number) => r.chain.eq.filter((b) => b.hz >= lo && b.hz <= hi).reduce((s, b) => s + b.gainDb, 0);
    expect(gain(6000, 16000)).toBeGreaterThan(3);
    expect(gain(30, 130)).toBeLessThan(-3);
    expect(r.settings.reference).toBe(true);
  });

  it('hands the final samples to onFinal once, before its closing analysis — not the matching probe pass', () => {
    const mix = makeTrack(12, 48000);
    const ref = makeTrack(12, 48000);
    for (const ch of ref.channels) for (let i = ch.length - 1; i > 0; i--) ch[i] = ch[i]! - 0.5 * ch[i - 1]!;
    const seen: Float32Array[][] = [];
    const r = master(mix, { reference: ref, onFinal: (a) => seen.push(a.channels.map((c) => c.slice())) });
    expect(seen).toHaveLength(1);
    // What it was handed is what is delivered (nothing changes the samples after it).
    expect(seen[0]).toEqual(r.audio.channels);
  });

  it("matches a stereo reference's width per band with side-only EQ", () => {
    const track = makeTrack(12, 48000);
    // The reference: the same music with its side made much brighter (differentiated side only).
    const ref = makeTrack(12, 48000);
    const [rl, rr] = ref.channels as [Float32Array, Float32Array];
    let prev = 0;
    for (let i = 0; i < rl.length; i++) {
      const m = (rl[i]! + rr[i]!) / 2,
        side = (rl[i]! - rr[i]!) / 2;
      const bright = 2 * (side - 0.8 * prev);
      prev = side;
      rl[i] = m + bright;
      rr[i] = m - bright;
    }
    const widthHigh = (chs: Float32Array[]) => {
      const mid = averageSpectrum(chs, 48000),
        side = averageSpectrum(chs, 48000, undefined, undefined, 'side');
      const idx = mid.hz
        .map((f, i) => [f, i] as const)
        .filter(([f]) => f >= 8000 && f <= 16000)
        .map(([, i]) => i);
      return idx.reduce((s, i) => s + side.db[i]! - mid.db[i]!, 0) / idx.length;
    };
    const before = widthHigh(track.channels);
    const r = master({ ...track, channels: track.channels.map((c) => c.slice()) }, { reference: ref, intensity: 1 });
    const shelf = r.chain.sideEq.find((b) => b.type === 'highshelf');
    expect(shelf?.gainDb).toBeGreaterThan(1);
    // The mid signals already match: the tonal EQ only gives back what compression and limiting take (broad, small).
    expect(Math.max(...r.chain.eq.map((b) => Math.abs(b.gainDb)))).toBeLessThan(1.5);
    expect(widthHigh(r.audio.channels) - before).toBeGreaterThan(1); // wider highs, as in the reference
    expect(reportText(r, 'song.wav')).toMatch(/Side EQ \(width matched to the reference\): .*high shelf 9000 Hz \+/);
    // Nothing to match against the same track, a mono reference, or no reference at all.
    expect(master(makeTrack(12, 48000), { reference: makeTrack(12, 48000), intensity: 1 }).chain.sideEq).toEqual([]);
    const mono = makeTrack(12, 48000);
    expect(master(makeTrack(12, 48000), { reference: { ...mono, channels: [mono.channels[0]!] }, intensity: 1 }).chain.sideEq).toEqual([]);
    expect(master(makeTrack(12, 48000)).chain.sideEq).toEqual([]);
  });

  it('reports progress through every stage, ending at verify', () => {
    const stages: string[] = [];
    master(makeTrack(5), { progress: (s) => stages.push(s) });
    expect([...new Set(stages)]).toEqual(['analyse', 'eq', 'compress', 'limit', 'verify']);
  });

  it('draws a PNG report', async () => {
    const png = await reportPng(master(makeTrack(5)), 'song.wav');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    writeFileSync(path.join(dir, 'report.png'), png);
  });

  it('refuses silence with a clear error', () => {
    expect(() => master({ sampleRate: 48000, channels: [new Float32Array(48000), new Float32Array(48000)] })).toThrow(/silent/);
  });
});

describe.runIf(hasFfmpeg)('as measured by ffmpeg ebur128', () => {
  const materials: [string, () => Promise<string>][] = [
    [
      'a synthesised band track (48 kHz)',
      async () => {
        const f = path.join(dir, 'band.wav');
        writeFileSync(f, await encodeAudio(makeTrack(30, 48000), 'wav24'));
        return f;
      },
    ],
    [
      'a quiet, bright 44.1 kHz track',
      async () => {
        // (A much peakier version, 18 dB from peak to loudness, cannot reach -14 LUFS within the
        // limiting bound; the "refuses to crush" test covers that case.)
        const t = makeTrack(30, 44100, { level: 0.12 });
        for (const ch of t.channels) for (let i = ch.length - 1; i > 0; i--) ch[i] = ch[i]! - 0.3 * ch[i - 1]!;
        const f = path.join(dir, 'bright.wav');
        writeFileSync(f, await encodeAudio(t, 'wav24'));
        return f;
      },
    ],
    ...(hasSox
      ? ([
          [
            'sox tones and noise',
            async () => {
              const f = path.join(dir, 'sox.wav');
              run('sox', [
                '-D',
                '-n',
                '-r',
                '48000',
                '-c',
                '2',
                '-b',
                '24',
                f,
                'synth',
                '20',
                'pluck',
                'C2',
                'pinknoise',
                'sine',
                '440',
                'tremolo',
                '3',
                '60',
                'vol',
                '0.3',
              ]);
              return f;
            },
          ],
        ] as [string, () => Promise<string>][])
      : []),
    ...(hasFluidsynth
      ? ([
          [
            'a General MIDI song rendered by fluidsynth (FluidR3 GM)',
            async () => {
              const f = path.join(dir, 'gm-song.wav');
              renderMidi(writeSong(path.join(dir, 'gm-song.mid'), 12), f);
              return f;
            },
          ],
        ] as [string, () => Promise<string>][])
      : []),
  ];

  it.each(materials)('`mixdesk master` on %s: within ±0.3 LU of -14 LUFS and at or below -1 dBTP', async (_name, make) => {
    const input = await make();
    const out = path.join(dir, `${path.basename(input, '.wav')}-master.wav`);
    const cli = spawnSync(process.execPath, mixdeskArgs('master', input, '-o', out), { cwd: projectRoot, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Target met/);
    const m = ffmpegEbur128(out);
    expect(Math.abs(m.integrated + 14)).toBeLessThanOrEqual(0.3);
    expect(m.truePeak).toBeLessThanOrEqual(-1);
    expect(
      readFileSync(out.replace(/\.wav$/, '-report.png'))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    // Our own meter agrees with ffmpeg's on the result.
    const ours = analyze(await readAudioFile(out));
    expect(Math.abs(ours.loudness.integratedLufs - m.integrated)).toBeLessThanOrEqual(0.1);
  });

  it('our analysis of the unmastered material agrees with ffmpeg (integrated ±0.1 LU, LRA ±1 LU, true peak +0.2/-0.4 dB)', async () => {
    const f = path.join(dir, 'agree.wav');
    writeFileSync(f, await encodeAudio(makeTrack(30, 48000, { level: 0.3 }), 'wav24'));
    const ours = analyze(await readAudioFile(f));
    const m = ffmpegEbur128(f);
    expect(Math.abs(ours.loudness.integratedLufs - m.integrated)).toBeLessThanOrEqual(0.1);
    expect(Math.abs(ours.loudness.rangeLu - m.range)).toBeLessThanOrEqual(1);
    expect(ours.peaks.truePeakDbtp - m.truePeak).toBeLessThanOrEqual(0.2);
    expect(ours.peaks.truePeakDbtp - m.truePeak).toBeGreaterThanOrEqual(-0.4);
  });
});

describe('CLI errors', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, mixdeskArgs(...args), { cwd: projectRoot, encoding: 'utf8' });
  it('names the file and the problem, without a stack trace', () => {
    const txt = path.join(dir, 'lyrics.wav');
    writeFileSync(txt, 'not audio at all');
    const r = cli('master', txt, '-o', path.join(dir, 'x.wav'));
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('lyrics.wav: not an audio file we can read (expected WAV, AIFF, FLAC or MP3)');
    const a = cli('analyze', path.join(dir, 'missing.flac'));
    expect(a.status).toBe(1);
    expect(a.stderr.trim()).toBe('missing.flac: no such file');
  });
  it('explains bad options', () => {
    expect(cli('master', 'a.wav', '-o', 'b.wav', '--target', 'loud').stderr.trim()).toBe('--target expects a number from -40 to -3, got "loud"');
    expect(cli('master', 'a.wav', '-o', 'b.wav', '--format', 'ogg').stderr.trim()).toBe(`--format expects one of ${outputFormats.join(', ')}, got "ogg"`);
    expect(cli('master', 'a.wav').status).toBe(2);
  });
  it('takes negative numbers after a space, as the usage shows them', async () => {
    const f = path.join(dir, 'neg.wav');
    writeFileSync(f, await encodeAudio(makeTrack(3), 'wav24'));
    const r = cli('master', f, '-o', path.join(dir, 'neg-out.wav'), '--target', '-12', '--ceiling', '-1.5', '--json');
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).settings).toMatchObject({ targetLufs: -12, ceilingDbtp: -1.5 });
  });
  it('silence and files too short to measure get one line each, not a stack trace', async () => {
    const silence = path.join(dir, 'silence.wav');
    writeFileSync(silence, await encodeAudio({ sampleRate: 48000, channels: [new Float32Array(96000), new Float32Array(96000)] }, 'wav24'));
    const s = cli('master', silence, '-o', path.join(dir, 's-out.wav'));
    expect(s.status).toBe(1);
    expect(s.stderr.trim()).toBe('silence.wav: it is silent (or nearly): there is nothing to master');
    // 50 ms of a -20 dBFS tone: not silent, but shorter than one 400 ms loudness block.
    const tone = Float32Array.from({ length: 2400 }, (_, i) => 0.1 * Math.sin((2 * Math.PI * 1000 * i) / 48000));
    const short = path.join(dir, 'blip.wav');
    writeFileSync(short, await encodeAudio({ sampleRate: 48000, channels: [tone, tone] }, 'wav24'));
    const b = cli('master', short, '-o', path.join(dir, 'b-out.wav'));
    expect(b.status).toBe(1);
    expect(b.stderr.trim()).toBe('blip.wav: it is too short to master (50 ms; at least 0.4 s is needed)');
  });
  it('analyze --json has the documented fields', async () => {
    const f = path.join(dir, 'json.wav');
    writeFileSync(f, await encodeAudio(makeTrack(4), 'wav24'));
    const r = cli('analyze', f, '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['format', 'loudness', 'peaks', 'dcOffset', 'phase', 'stereoWidth', 'clipping', 'silence', 'shortTermLufs', 'spectrum']);
    expect(Object.keys(j.loudness)).toEqual(['integratedLufs', 'rangeLu', 'momentaryMaxLufs', 'shortTermMaxLufs']);
    expect(j.format).toMatchObject({ container: 'wav', sampleRate: 48000, channels: 2, bitDepth: 24, durationSec: 4 });
  });
});
