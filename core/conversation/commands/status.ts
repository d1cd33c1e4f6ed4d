// /status [REF]: where the artist's bookings stand, what runs now, the revisions left, and where
// the latest files are (in case a message with them never arrived).
import { isFollowed, isOpen } from '../../booking/status.js';
import type { BookingWithService } from '../../booking/bookings.js';
import type { Studio } from '../../studio.js';
import { sessionAhead } from '../../versions/holds.js';
import { formatWhen } from '../format.js';
import { t } from '../../texts.js';
import { describeBooking } from '../format.js';
import { depositAsk } from '../flows/book.js';
import { paymentLines } from '../../payments/summary.js';
import { beforeBalance } from '../../versions/version-messages.js';
import { formatMoney } from '../../catalog.js';
import type { ChatCommand } from './types.js';

/** What comes next for a booking in each status the artist follows (resolved when asked). */
const nextStepTexts: Record<string, () => string> = {
  requested: () => t('status-next-requested'),
  confirmed: () => t('status-next-confirmed'),
  'awaiting-files': () => t('status-next-awaiting-files'),
  'in-progress': () => t('status-next-in-progress'),
  'revision-requested': () => t('status-next-revision-requested'),
  delivered: () => t('status-next-delivered'),
};
/** Unattended work has no session: its files are sent for studio downtime. */
const unattendedNextStepTexts: Record<string, () => string> = {
  confirmed: () => t('status-next-confirmed-unattended'),
  'awaiting-files': () => t('status-next-awaiting-files-unattended'),
};
const nextStep = (b: { status: string; kind: string }): string | undefined =>
  ((b.kind === 'unattended' ? unattendedNextStepTexts[b.status] : undefined) ?? nextStepTexts[b.status])?.();

/**
 * What waits on the engineer rather than on the artist: a version under review, or files in for
 * an attended session still ahead (the engine's starting point is the engineer's, not delivered).
 */
async function waitingOnEngineer(studio: Studio, b: BookingWithService): Promise<string | null> {
  const held = (await studio.versions.held(b.id))[0];
  if (held?.hold === 'review') return t('status-next-review', { version: held.version });
  // Confirmed and waiting for its session (a requested one waits for the engineer's confirmation first).
  if (!['confirmed', 'awaiting-files'].includes(b.status) || !sessionAhead(b, studio.clock.now())) return null;
  const files = await studio.uploads.files.all(b.id);
  return files.some((f) => f.role === 'mix' || f.role === 'stem') ? t('status-next-session-prepared', { when: formatWhen(b.startsAt!, b.timeZone) }) : null;
}

export const status: ChatCommand = {
  name: 'status',
  usage: '[REF]',
  help: () => t('help-status'),
  menu: () => t('telegram-menu-status'),
  discord: { description: () => t('discord-cmd-status'), option: { name: 'reference', description: () => t('discord-cmd-status-reference') } },
  async run({ args, studio, client }) {
    const list = args
      ? [await studio.bookings.ownedBy(client.id, args.split(/\s+/)[0] ?? '')]
      : (await studio.bookings.listForClient(client.id)).filter((b) => isFollowed(b.status));
    if (list.length === 0) return [{ text: t('status-nothing') }];
    const paid = await paymentLines(studio.db, list, client.timeZone);
    const texts = await Promise.all(
      list.map(async (b) => {
        const running = b.status === 'in-progress' ? await studio.pipeline.progressOf(b.id) : null;
        const waiting = running ? null : await waitingOnEngineer(studio, b);
        const revisions =
          b.status === 'delivered' || b.status === 'in-progress' || b.status === 'revision-requested' ? await studio.revisions.allowance(b) : null;
        const lines = [
          describeBooking(
            b,
            client.timeZone,
            studio.timeZone,
            await studio.bookings.queuePosition(b),
            (await studio.uploads.files.workFilesIn([b.id])).has(b.id),
          ),
          `  ${running ?? waiting ?? nextStep(b) ?? ''}`,
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
