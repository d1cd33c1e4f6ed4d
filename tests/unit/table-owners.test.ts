// One owner per table: each database model is queried by exactly one module, its repository, so a
// rule about money or bookings is written once and a change to a table touches one file. The
// source is read as text (any `<receiver>.<model>.<operation>(`, on the client or a transaction),
// so a query that bypasses the owner fails here whoever writes it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const skipped = new Set(['node_modules', 'generated', 'dist', 'tests', 'bench', '.git']);

function sources(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skipped.has(e.name) ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Each model (as the client names it) and the one module that queries it. */
export const owners: Record<string, string> = {
  booking: 'core/booking/booking-repository.ts',
  slotHold: 'core/booking/booking-repository.ts',
  bookingEvent: 'core/booking/booking-repository.ts',
  service: 'core/booking/schedule.ts',
  availabilityRule: 'core/booking/schedule.ts',
  availabilityOverride: 'core/booking/schedule.ts',
  quote: 'core/booking/mix-time.ts',
  client: 'core/clients.ts',
  clientIdentity: 'core/clients.ts',
  engineer: 'core/engineer/engineers.ts',
  engineerIdentity: 'core/engineer/engineers.ts',
  engineerAction: 'core/engineer/audit.ts',
  dashboardPass: 'core/engineer/dashboard-access.ts',
  conversationState: 'core/conversation/state.ts',
  processedEvent: 'core/conversation/state.ts',
  upload: 'core/files/stored-files.ts',
  uploadLink: 'core/files/upload-links.ts',
  stagedUpload: 'core/files/staged-uploads.ts',
  listeningLink: 'core/listening/links.ts',
  reviewComment: 'core/listening/comment-repository.ts',
  guildSettings: 'core/guild-settings.ts',
  notification: 'core/messaging/outbox.ts',
  payment: 'core/payments/payment-repository.ts',
  checkoutPage: 'core/payments/payment-repository.ts',
  stripeEvent: 'core/payments/payment-repository.ts',
  delivery: 'core/versions/versions.ts',
  deliveryFile: 'core/versions/versions.ts',
  revision: 'core/versions/revision-repository.ts',
  reminder: 'core/sessions/reminders.ts',
  keycode: 'core/sessions/keycodes.ts',
  sessionNote: 'core/sessions/live-notes.ts',
  calendarFeed: 'core/calendar/feeds.ts',
};

const operations = [
  'findMany',
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'create',
  'createMany',
  'update',
  'updateMany',
  'upsert',
  'delete',
  'deleteMany',
  'count',
  'aggregate',
  'groupBy',
];

/** Every `<model>.<operation>(` in the file, as "model" per query. */
function queriedModels(text: string, models: readonly string[]): string[] {
  const re = new RegExp(`\\.\\s*(${models.join('|')})\\s*\\.\\s*(${operations.join('|')})\\s*\\(`, 'g');
  return [...text.matchAll(re)].map((m) => m[1]!);
}

describe('table owners', () => {
  const schema = readFileSync(path.join(root, 'prisma/models.prisma'), 'utf8');
  const models = [...schema.matchAll(/^model (\w+)/gm)].map((m) => m[1]![0]!.toLowerCase() + m[1]!.slice(1));

  it('every model in the schema has an owner, and every owner exists', () => {
    expect(models.filter((m) => !owners[m])).toEqual([]);
    expect(Object.keys(owners).filter((m) => !models.includes(m))).toEqual([]);
    const files = new Set(sources().map((f) => path.relative(root, f)));
    expect(Object.values(owners).filter((f) => !files.has(f))).toEqual([]);
  });

  it('no module queries a table it does not own', () => {
    const strays: string[] = [];
    for (const file of sources()) {
      const rel = path.relative(root, file);
      const counts = new Map<string, number>();
      for (const m of queriedModels(readFileSync(file, 'utf8'), models)) if (owners[m] !== rel) counts.set(m, (counts.get(m) ?? 0) + 1);
      for (const [m, n] of counts) strays.push(`${rel} queries ${m} ×${n} (owner: ${owners[m]})`);
    }
    expect(strays).toEqual([]);
  });

  it('reads a query however it is written', () => {
    const text = 'await tx.booking.findMany({}); this.db . payment . update ( {} ); db.client.$count; x.upload.create(';
    expect(queriedModels(text, models)).toEqual(['booking', 'payment', 'upload']);
  });
});
