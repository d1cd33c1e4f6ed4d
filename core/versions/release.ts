// A booking's release: the title, artist, ISRC and year its delivered files carry (inside, as tags,
// and in their names: "Artist - Title (Master).wav"), as the artist gave them with /release.
import type { ReleaseTags } from '../../engine/index.js';
import { normalIsrc } from '../../engine/index.js';
import { UserError } from '../errors.js';
import { cleanName } from '../clean-text.js';
import { t } from '../texts.js';

export interface Release {
  title?: string;
  artist?: string;
  isrc?: string;
  year?: number;
}

/** Names keep to one line without path characters (they become file names). */
const clean = (s: string) => cleanName(s.replace(/[\\/:*?"<>|]+/g, ' ')).slice(0, 120);

/**
 * "Mara - Night Drive GB-ABC-26-00001 2026": the artist and title around " - " (the title alone
 * without one), then an ISRC and a year in any order at the end.
 */
export function parseRelease(typed: string): Release {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  const release: Release = {};
  while (words.length) {
    const last = words.at(-1)!;
    const isrc = normalIsrc(last);
    if (isrc && !release.isrc) release.isrc = isrc;
    else if (/^(19|20)\d{2}$/.test(last) && !release.year) release.year = Number(last);
    // A code of letters and digits where an ISRC would be, but not one: said, not taken as the title.
    else if (/^[A-Z0-9-]{10,16}$/i.test(last) && /\d/.test(last) && /[A-Z]/i.test(last)) throw new UserError(t('release-bad-isrc', { typed: last }));
    else break;
    words.pop();
  }
  const text = words.join(' ');
  const dash = text.indexOf(' - ');
  const [artist, title] = dash > 0 ? [clean(text.slice(0, dash)), clean(text.slice(dash + 3))] : ['', clean(text)];
  if (title) release.title = title;
  if (artist) release.artist = artist;
  return release;
}

export const releaseOf = (json: string | null): Release => (json ? (JSON.parse(json) as Release) : {});

export const releaseTags = (r: Release): ReleaseTags => ({ ...r });

/** "Mara - Night Drive (Master)", "… (Master v2)", or null without an artist and title. */
export function releaseFileBase(r: Release, version: number): string | null {
  if (!r.artist || !r.title) return null;
  return `${r.artist} - ${r.title} (Master${version > 1 ? ` v${version}` : ''})`;
}

/** "Mara — Night Drive, ISRC GBABC2600001, 2026" for messages. */
export const releaseLine = (r: Release): string =>
  [[r.artist, r.title].filter(Boolean).join(' — '), r.isrc && `ISRC ${r.isrc}`, r.year].filter(Boolean).join(', ');
