// /release [REF] Artist - Title [ISRC] [YEAR]: what the delivered files carry and are named after.
import { isFollowed } from '../../booking/status.js';
import { UserError } from '../../errors.js';
import { t } from '../../texts.js';
import { parseRelease, releaseFileBase, releaseLine, releaseOf } from '../../versions/release.js';
import type { ChatCommand } from './types.js';
import { isReference } from '../../booking/reference.js';

export const release: ChatCommand = {
  name: 'release',
  usage: () => t('usage-release'),
  help: () => t('help-release'),
  menu: () => t('telegram-menu-release'),
  discord: { description: () => t('discord-cmd-release'), option: { name: 'details', description: () => t('discord-cmd-release-details') } },
  async run({ args, studio, client }) {
    const words = args.trim().split(/\s+/).filter(Boolean);
    const named = words[0] && isReference(words[0]) ? words.shift() : undefined;
    const followed = named
      ? [await studio.bookings.ownedBy(client.id, named)]
      : (await studio.bookings.listForClient(client.id)).filter((b) => isFollowed(b.status));
    if (!followed.length) return [{ text: t('release-no-booking') }];
    if (followed.length > 1) throw new UserError(t('release-which-booking', { refs: followed.map((b) => b.reference).join(', ') }));
    const booking = followed[0]!;
    if (!words.length) {
      const current = releaseOf(booking.release);
      return [
        {
          text: releaseLine(current)
            ? t('release-show', { ref: booking.reference, release: releaseLine(current) })
            : t('release-none', { ref: booking.reference }),
        },
      ];
    }
    const given = parseRelease(words.join(' '));
    const merged = { ...releaseOf(booking.release), ...given };
    await studio.bookings.setRelease(booking.id, merged);
    const base = releaseFileBase(merged, 1);
    return [{ text: t('release-set', { ref: booking.reference, release: releaseLine(merged), name: base ? `${base}.wav` : t('release-name-needs-both') }) }];
  },
};
