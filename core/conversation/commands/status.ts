// /status [REF]: where the artist's bookings stand, what runs now, the revisions left, and where
// the latest files are (in case a message with them never arrived).
import { isFollowed, isOpen } from '../../booking/status.js';
import { t } from '../../texts.js';
import { describeBooking } from '../format.js';
import { depositAsk } from '../flows/book.js';
import { beforeBalance } from '../../versions/version-messages.js';
import { formatMoney } from '../../catalog.js';
import type { ChatCommand } from './types.js';

export const status: ChatCommand = {
  name: 'status',
  usage: () => '[REF]',
  help: () => t('help-status'),
  menu: () => t('telegram-menu-status'),
  discord: { description: () => t('discord-cmd-status'), option: { name: 'reference', description: () => t('discord-cmd-status-reference') } },
  async run({ args, studio, client }) {
    const list = args
      ? [await studio.bookings.ownedBy(client.id, args.split(/\s+/)[0] ?? '')]
      : (await studio.bookings.listForClient(client.id)).filter((b) => isFollowed(b.status));
    if (list.length === 0) return [{ text: t('status-nothing') }];
    const paid = await studio.payments.linesFor(list, client.timeZone);
    const standings = await studio.standings.of(list, client.timeZone);
    const texts = await Promise.all(
      list.map(async (b) => {
        const standing = standings.get(b.id)!;
        // A version being made for the artist: its step and the time left say more than the table's
        // line (an attended session's starting point is the engineer's, told as the table says).
        const running = b.status === 'in-progress' ? await studio.pipeline.progressOf(b.id) : null;
        const revisions =
          b.status === 'delivered' || b.status === 'in-progress' || b.status === 'revision-requested' ? await studio.revisions.allowance(b) : null;
        const lines = [
          describeBooking(b, client.timeZone, studio.timeZone, standing.artist, await studio.bookings.queuePosition(b)),
          `  ${running ?? standing.next ?? ''}`,
        ];
        if (b.status === 'awaiting-payment') lines.push(`  ${(await depositAsk({ studio }, b)).text}`);
        else lines.push(...(paid.get(b.id) ?? []).map((l) => `  ${l}`));
        const mixTime = isOpen(b.status) ? await studio.mixTime.of(b) : null;
        if (mixTime) lines.push(`  ${t('status-mix-estimate', { hours: String(mixTime.hours), ref: b.reference })}`);
        if (revisions) lines.push(`  ${t('status-revisions', { used: revisions.used, free: revisions.freeLeft, price: revisions.price })}`);
        const latest = await studio.versions.latestReady(b.id);
        if (latest) {
          lines.push(`  ${t('status-latest-delivery', { version: latest.version })}`);
          // Waiting for the balance: the preview only, and the link that releases the rest.
          for (const f of latest.files.filter((x) => x.kind !== 'report' && (!latest.awaitsBalance || beforeBalance(x))))
            lines.push(`    ${f.fileName}: ${studio.downloads.url(f.storageKey, f.fileName) ?? t('download-link-unavailable')}`);
          const balance = latest.awaitsBalance ? await studio.payments.openBalance(b.id) : null;
          if (balance)
            lines.push(
              `    ${t('status-files-after-balance', { amount: formatMoney(balance.amountCents, balance.currency), url: studio.payments.payUrl(balance) })}`,
            );
        }
        return lines.join('\n').trimEnd();
      }),
    );
    return [{ text: texts.join('\n\n') }];
  },
};
