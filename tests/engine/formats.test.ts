// Presets and formats are defined once (engine/presets.ts, engine/formats.ts); everything that
// lists them — encoders, content types, the setting, Discord's choices, the CLI, the docs — agrees.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../bots/discord/commands/index.js';
import { loadConfig } from '../../config.js';
import { containers, contentTypeOf, deliveryFormats, extensionOf, formats, outputFormats } from '../../engine/formats.js';
import { detectContainer } from '../../engine/io/container.js';
import { decodeAudio, encodeAudio } from '../../engine/io/index.js';
import { presetChoice, presetIds, presets } from '../../engine/presets.js';
import { makeTrack } from '../helpers/music.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('formats', () => {
  it('each format is written as the container, bit depth and extension its entry says', async () => {
    const audio = makeTrack(0.5, 48000);
    for (const f of outputFormats) {
      const bytes = await encodeAudio(audio, f);
      const spec = formats[f];
      expect(detectContainer(bytes), f).toBe(spec.container);
      expect(extensionOf[f], f).toBe(containers[spec.container].extension);
      expect(contentTypeOf(f), f).toBe(containers[spec.container].mime);
      const back = await decodeAudio(bytes, f);
      expect(back.bitDepth, f).toBe(spec.bits);
    }
    expect(contentTypeOf('png')).toBe('image/png');
    expect(contentTypeOf('../etc')).toBe('application/octet-stream');
  });

  it("artists are offered a subset, and Discord's /format lists exactly it", () => {
    expect(deliveryFormats).toEqual(['wav24', 'wav16', 'aiff24', 'flac24', 'mp3']);
    const format = commands
      .find((c) => c.define().name === 'format')!
      .define()
      .toJSON();
    expect(format.description).toContain(deliveryFormats.join(', '));
  });
});

describe('presets', () => {
  it('the setting accepts exactly the presets', () => {
    for (const p of presetIds) expect(loadConfig({ MASTER_PRESET: p }).MASTER_PRESET).toBe(p);
    expect(() => loadConfig({ MASTER_PRESET: 'louder' })).toThrow(/MASTER_PRESET/);
  });

  it("the engineer's /master offers every preset with its numbers, and .env.example documents them", () => {
    const master = commands
      .find((c) => c.define().name === 'master')!
      .define()
      .toJSON();
    const choices = master.options?.find((o) => o.name === 'preset') as { choices?: { name: string; value: string }[] };
    expect(choices.choices).toEqual(presetIds.map((p) => ({ name: presetChoice(p), value: p })));
    expect(presetChoice('streaming')).toBe(`streaming (${presets.streaming.targetLufs} LUFS, ${presets.streaming.ceilingDbtp} dBTP)`);
    const env = readFileSync(path.join(root, '.env.example'), 'utf8');
    expect(env).toContain(`# The engine preset for automatic masters: ${presetIds.map(presetChoice).join(', ')}.`);
  });
});
