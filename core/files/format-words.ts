// A delivery format as people read it, in their language: "WAV 24-bit", "WAV a 24 bits".
import { formats, isOutputFormat } from '../../engine/formats.js';
import { t } from '../texts.js';

export function formatInWords(format: string): string {
  if (!isOutputFormat(format)) return format.toUpperCase();
  const spec = formats[format];
  // MP3's names (320k, V0) are the same in every language.
  if (spec.container === 'mp3') return spec.label;
  return t('format-words', { container: spec.container.toUpperCase(), bits: spec.bits, float: 'float' in spec && spec.float ? 'yes' : 'no' });
}
