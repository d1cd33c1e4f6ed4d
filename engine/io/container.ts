// Which audio container a file is, from its first bytes (never from its name).
export type Container = 'wav' | 'aiff' | 'flac' | 'mp3';

export function detectContainer(b: Uint8Array): Container | undefined {
  const s = (o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));
  if (b.length >= 12 && s(0, 4) === 'RIFF' && s(8, 4) === 'WAVE') return 'wav';
  if (b.length >= 12 && s(0, 4) === 'FORM' && (s(8, 4) === 'AIFF' || s(8, 4) === 'AIFC')) return 'aiff';
  if (b.length >= 4 && s(0, 4) === 'fLaC') return 'flac';
  if (b.length >= 10 && s(0, 3) === 'ID3') return 'mp3';
  // An MPEG audio frame header: 11 sync bits, layer III, a valid bitrate and sample rate index.
  if (b.length >= 4 && b[0] === 0xff && (b[1]! & 0xe6) === 0xe2 && (b[2]! & 0xf0) !== 0xf0 && (b[2]! & 0x0c) !== 0x0c) return 'mp3';
  return undefined;
}
