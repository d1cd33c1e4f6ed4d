// The audio formats the studio writes, defined once: the engine's encoders, the artists' /format
// choices, file names, content types, the CLI's usage and the docs all read this table. A new
// format is a row here (its container's encoder in engine/io/index.ts takes the row as it is).
import type { Container } from './io/container.js';

export const containers: Record<Container, { extension: string; mime: string; name: string }> = {
  wav: { extension: 'wav', mime: 'audio/wav', name: 'WAV' },
  aiff: { extension: 'aif', mime: 'audio/aiff', name: 'AIFF' },
  flac: { extension: 'flac', mime: 'audio/flac', name: 'FLAC' },
  mp3: { extension: 'mp3', mime: 'audio/mpeg', name: 'MP3' },
};

export interface FormatSpec {
  container: Container;
  /** Bits per sample written (0 for MP3). */
  bits: 0 | 16 | 24 | 32;
  float?: boolean;
  /** How it is named to people (reports, delivery messages). */
  label: string;
  /** An artist can choose it for their deliveries (/format); the rest are for the engineer and the CLI. */
  offered?: boolean;
  /** MP3's bitrate mode: constant 320 kbit/s, or LAME's best variable quality. */
  mp3Mode?: 'cbr320' | 'v0';
}

/** In the order artists are offered them. */
export const formats = {
  wav24: { container: 'wav', bits: 24, label: 'WAV 24-bit', offered: true },
  wav16: { container: 'wav', bits: 16, label: 'WAV 16-bit', offered: true },
  wav32f: { container: 'wav', bits: 32, float: true, label: 'WAV 32-bit float' },
  aiff24: { container: 'aiff', bits: 24, label: 'AIFF 24-bit', offered: true },
  aiff16: { container: 'aiff', bits: 16, label: 'AIFF 16-bit' },
  flac24: { container: 'flac', bits: 24, label: 'FLAC 24-bit', offered: true },
  flac16: { container: 'flac', bits: 16, label: 'FLAC 16-bit' },
  mp3: { container: 'mp3', bits: 0, label: 'MP3 320k', offered: true, mp3Mode: 'cbr320' },
  'mp3-v0': { container: 'mp3', bits: 0, label: 'MP3 V0', mp3Mode: 'v0' },
} as const satisfies Record<string, FormatSpec>;

export type OutputFormat = keyof typeof formats;
export const outputFormats = Object.keys(formats) as OutputFormat[];

export type DeliveryFormat = { [F in OutputFormat]: (typeof formats)[F] extends { offered: true } ? F : never }[OutputFormat];
export const deliveryFormats = outputFormats.filter((f): f is DeliveryFormat => (formats[f] as FormatSpec).offered === true);

/** The format artists get unless they choose another. */
export const defaultFormat: DeliveryFormat = 'wav24';

export const isOutputFormat = (v: string): v is OutputFormat => Object.hasOwn(formats, v);
export const isDeliveryFormat = (v: string): v is DeliveryFormat => isOutputFormat(v) && (formats[v] as FormatSpec).offered === true;

export const extensionOf = Object.fromEntries(outputFormats.map((f) => [f, containers[formats[f].container].extension])) as Record<OutputFormat, string>;

/**
 * The format delivered for a destination with its own bit depth (CD: 16-bit): the artist's choice
 * in that depth where the container has it (WAV 24-bit → WAV 16-bit); a lossy choice stays lossy.
 */
export function formatForDepth(chosen: OutputFormat, bitDepth: 16 | 24 | undefined): OutputFormat {
  if (!bitDepth || formats[chosen].bits === 0) return chosen;
  const same = outputFormats.find((f) => formats[f].container === formats[chosen].container && formats[f].bits === bitDepth && !('float' in formats[f]));
  return same ?? chosen;
}

/** The content type of a stored file by its format, its container (an engineer's file: 'wav', 'aiff'…), or 'png' for report pictures. */
export function contentTypeOf(format: string): string {
  if (format === 'png') return 'image/png';
  if (Object.hasOwn(containers, format)) return containers[format as Container].mime;
  return isOutputFormat(format) ? containers[formats[format].container].mime : 'application/octet-stream';
}
