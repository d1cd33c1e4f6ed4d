// Release metadata written into delivered files, the way distributors and players read it: WAV
// gets a LIST/INFO chunk (INAM, IART, ICRD, ISRC, ISFT — the fields ffmpeg and DAWs read) and a
// BWF `bext` chunk (description, originator, date, and the loudness it measured); AIFF gets NAME
// and AUTH chunks and an `ID3 ` chunk; FLAC a Vorbis comment block; MP3 an ID3v2.4 tag.

export interface ReleaseTags {
  title?: string;
  artist?: string;
  /** International Standard Recording Code, 12 characters (CC-XXX-YY-NNNNN without the hyphens). */
  isrc?: string;
  year?: number;
  /** Measured loudness for the BWF chunk (EBU Tech 3285 v2). */
  loudness?: { integratedLufs: number; truePeakDbtp: number; lraLu?: number };
}

const ISRC = /^[A-Z]{2}[A-Z0-9]{3}\d{2}\d{5}$/;

/** "gb-abc-26-00001" → "GBABC2600001", or null when it is not an ISRC. */
export function normalIsrc(typed: string): string | null {
  const s = typed.replace(/[-\s]/g, '').toUpperCase();
  return ISRC.test(s) ? s : null;
}

export const hasTags = (t?: ReleaseTags): t is ReleaseTags => Boolean(t && (t.title || t.artist || t.isrc || t.year));

const utf8 = (s: string) => new TextEncoder().encode(s);
const ascii = (s: string) => Uint8Array.from([...s].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 0x3f)));

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  þ: 'th',
  Þ: 'Th',
  ð: 'd',
  Ð: 'D',
  ı: 'i',
};

/**
 * Text for fields that hold ASCII only (BWF `bext`, AIFF's NAME and AUTH): "Zoë Ångström" becomes
 * "Zoe Angstrom" rather than "Zo? ?ngstr?m"; what has no Latin spelling is still "?". The UTF-8
 * fields beside them (LIST/INFO, ID3) keep the name as typed.
 */
export function asciiSpelling(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{ASCII}]/gu, (c) => LETTERS[c] ?? '?');
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A chunk: its id, its size (little-endian in RIFF, big-endian in AIFF's IFF), its body padded to an even length. */
function chunk(id: string, body: Uint8Array, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length & 1));
  out.set(ascii(id), 0);
  new DataView(out.buffer).setUint32(4, body.length, littleEndian);
  out.set(body, 8);
  return out;
}
const riffChunk = (id: string, body: Uint8Array) => chunk(id, body, true);
const iffChunk = (id: string, body: Uint8Array) => chunk(id, body, false);

const zeroTerminated = (s: string) => concat([utf8(s), new Uint8Array(1)]);

/** A fixed-width ASCII field of a `bext` chunk. */
function field(s: string, width: number): Uint8Array {
  const out = new Uint8Array(width);
  out.set(ascii(asciiSpelling(s)).subarray(0, width));
  return out;
}

/** The LIST/INFO and `bext` chunks of a WAV file, to sit before its data chunk. */
export function wavChunks(t: ReleaseTags, now = new Date()): Uint8Array {
  const info: [string, string][] = [
    ['INAM', t.title ?? ''],
    ['IART', t.artist ?? ''],
    ['ICRD', t.year ? String(t.year) : ''],
    ['ISRC', t.isrc ?? ''],
    ['ISFT', 'mixdesk'],
  ];
  const list = riffChunk('LIST', concat([ascii('INFO'), ...info.filter(([, v]) => v).map(([id, v]) => riffChunk(id, zeroTerminated(v)))]));
  const bext = new Uint8Array(602);
  const view = new DataView(bext.buffer);
  const description = [t.artist, t.title].filter(Boolean).join(' - ') + (t.isrc ? ` (ISRC ${t.isrc})` : '');
  bext.set(field(description, 256), 0);
  bext.set(field('mixdesk', 32), 256);
  bext.set(field(t.isrc ?? '', 32), 288);
  const iso = now.toISOString();
  bext.set(field(iso.slice(0, 10), 10), 320);
  bext.set(field(iso.slice(11, 19), 8), 330);
  // Time reference 0 (the file starts the programme); version 2: the loudness fields are used.
  view.setUint16(346, 2, true);
  const hundredths = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? 0x7fff : Math.round(v * 100));
  view.setInt16(412, hundredths(t.loudness?.integratedLufs), true);
  view.setInt16(414, hundredths(t.loudness?.lraLu), true);
  view.setInt16(416, hundredths(t.loudness?.truePeakDbtp), true);
  view.setInt16(418, 0x7fff, true); // max momentary loudness: not measured here
  view.setInt16(420, 0x7fff, true); // max short-term loudness: not reported here
  // bext first: ffmpeg names its origination date "date" and the LIST/INFO ICRD too, the later one
  // winning, so the release year (ICRD) is what ffprobe and the tools built on it show.
  return concat([riffChunk('bext', bext), list]);
}

/** A syncsafe integer (7 bits per byte), as ID3v2.4 writes sizes. */
function syncsafe(n: number): Uint8Array {
  return Uint8Array.from([3, 2, 1, 0].map((k) => (n >> (7 * k)) & 0x7f));
}

/** An ID3v2.4 tag with UTF-8 text frames (TSRC is read as the ISRC by ffmpeg and players). */
export function id3v2(t: ReleaseTags): Uint8Array {
  const text = (id: string, value: string) => {
    const body = concat([Uint8Array.of(3), utf8(value)]); // 3: UTF-8
    return concat([ascii(id), syncsafe(body.length), new Uint8Array(2), body]);
  };
  const frames = concat(
    (
      [
        ['TIT2', t.title],
        ['TPE1', t.artist],
        ['TSRC', t.isrc],
        ['TDRC', t.year ? String(t.year) : undefined],
        ['TSSE', 'mixdesk'],
      ] as const
    ).flatMap(([id, v]) => (v ? [text(id, v)] : [])),
  );
  return concat([ascii('ID3'), Uint8Array.of(4, 0, 0), syncsafe(frames.length), frames]);
}

/** An MP3 with its ID3v2 tag in front (players skip it to the first frame, whose info tag stays first). */
export const mp3WithTags = (mp3: Uint8Array, t: ReleaseTags): Uint8Array => concat([id3v2(t), mp3]);

/** A FLAC stream with a Vorbis comment block after its STREAMINFO. */
export function flacWithTags(flac: Uint8Array, t: ReleaseTags): Uint8Array {
  if (String.fromCharCode(...flac.subarray(0, 4)) !== 'fLaC') throw new Error('not a FLAC stream');
  const comments = [
    ['TITLE', t.title],
    ['ARTIST', t.artist],
    ['ISRC', t.isrc],
    ['DATE', t.year ? String(t.year) : undefined],
  ].flatMap(([k, v]) => (v ? [utf8(`${k}=${v}`)] : []));
  const vendor = utf8('mixdesk');
  const le32 = (n: number) => {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, n, true);
    return b;
  };
  const body = concat([le32(vendor.length), vendor, le32(comments.length), ...comments.flatMap((c) => [le32(c.length), c])]);
  const streamInfoEnd = 4 + 4 + ((flac[5]! << 16) | (flac[6]! << 8) | flac[7]!);
  const wasLast = (flac[4]! & 0x80) !== 0;
  const block = new Uint8Array(4 + body.length);
  block[0] = (wasLast ? 0x80 : 0) | 4; // VORBIS_COMMENT, last if STREAMINFO was
  block[1] = (body.length >> 16) & 0xff;
  block[2] = (body.length >> 8) & 0xff;
  block[3] = body.length & 0xff;
  block.set(body, 4);
  const head = flac.slice(0, streamInfoEnd);
  head[4] = head[4]! & 0x7f;
  return concat([head, block, flac.subarray(streamInfoEnd)]);
}

/** An AIFF file with NAME, AUTH and `ID3 ` chunks after its own (the FORM size follows). */
export function aiffWithTags(aiff: Uint8Array, t: ReleaseTags): Uint8Array {
  const chunks = concat([
    ...(t.title ? [iffChunk('NAME', ascii(asciiSpelling(t.title)))] : []),
    ...(t.artist ? [iffChunk('AUTH', ascii(asciiSpelling(t.artist)))] : []),
    iffChunk('ID3 ', id3v2(t)),
  ]);
  const out = concat([aiff, chunks]);
  const view = new DataView(out.buffer);
  view.setUint32(4, view.getUint32(4, false) + chunks.length, false);
  return out;
}
