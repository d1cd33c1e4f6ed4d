import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has working embedded defaults', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBe('file:./data/mixdesk.db');
    expect(c.STUDIO_TIMEZONE).toBe('Europe/London');
    expect(c.PRICE_MASTER).toBe(6000);
    expect(c.STORAGE_DRIVER).toBe('local');
    expect(c.QUEUE_DRIVER).toBe('inprocess');
    expect(c.STUDIO_HOURS.filter((w) => w.weekday === 6)).toEqual([{ weekday: 6, startMinute: 660, endMinute: 960 }]);
  });

  it('reads values, treating empty ones as unset', () => {
    const c = loadConfig({
      PRICE_MIX: '199.99',
      DATA_DIR: '/srv/md/',
      BOOKING_AUTO_CONFIRM: 'no',
      STUDIO_CLOSED_DATES: '2026-12-25, 2026-12-26',
      CURRENCY: '',
    });
    expect(c.PRICE_MIX).toBe(19999);
    expect(c.DATABASE_URL).toBe('file:/srv/md/mixdesk.db');
    expect(c.BOOKING_AUTO_CONFIRM).toBe(false);
    expect(c.STUDIO_CLOSED_DATES.map((d) => d.date)).toEqual(['2026-12-25', '2026-12-26']);
    expect(c.CURRENCY).toBe('GBP');
  });

  it('names the variable, its value and what it expects', () => {
    expect(problems({ STUDIO_TIMEZONE: 'Mars/Base' })).toEqual([
      'STUDIO_TIMEZONE="Mars/Base": expected an IANA time zone such as Europe/London or America/New_York',
    ]);
    expect(problems({ DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL="mysql:\/\/x": expected file:/);
    expect(problems({ BOOKING_SLOT_STEP_MINUTES: '50' })).toEqual(['BOOKING_SLOT_STEP_MINUTES="50": expected a multiple of 15 minutes']);
    expect(problems({ BOOKING_HORIZON_DAYS: 'soon' })).toEqual(['BOOKING_HORIZON_DAYS="soon": expected a whole number from 1 to 365']);
    expect(problems({ STUDIO_HOURS: 'mon-fri 9-5' })[0]).toMatch(/^STUDIO_HOURS="mon-fri 9-5": "9" is not a time of day/);
    expect(problems({ STUDIO_CLOSED_DATES: '2026-02-30' })[0]).toMatch(/"2026-02-30" is not a date/);
    expect(problems({ BOOKING_AUTO_CONFIRM: 'maybe' })[0]).toMatch(/^BOOKING_AUTO_CONFIRM="maybe": expected true or false/);
    expect(problems({ QUEUE_DRIVER: 'redis' })).toEqual(['REDIS_URL=(unset): required when QUEUE_DRIVER=redis']);
    expect(problems({ PRICE_MIX: '-5', CURRENCY: 'pounds' })).toHaveLength(2);
    // Files the engine would not master are not taken in the first place.
    expect(problems({ UPLOAD_MAX_MINUTES: '90' })).toEqual([
      'UPLOAD_MAX_MINUTES="90": longer than MASTER_MAX_MINUTES=60: files would be taken that the engine will not master (raise MASTER_MAX_MINUTES or lower this)',
    ]);
    expect(loadConfig({ UPLOAD_MAX_MINUTES: '90', MASTER_MAX_MINUTES: '120' }).MASTER_MAX_MINUTES).toBe(120);
  });
});

describe('.env.example', () => {
  it('never shows a secret in a message: tokens and secrets hidden, passwords in URLs masked', () => {
    let message = '';
    try {
      loadConfig({
        DISCORD_BOT_TOKEN: 'short',
        TELEGRAM_BOT_TOKEN: 'not-a-token-abcdef',
        UPLOAD_LINK_SECRET: 'tiny',
        DATABASE_URL: 'mysql://admin:hunter2@db:3306/x',
      });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('DISCORD_BOT_TOKEN=(hidden, 5 characters)');
    expect(message).toContain('TELEGRAM_BOT_TOKEN=(hidden, 18 characters)');
    expect(message).toContain('UPLOAD_LINK_SECRET=(hidden, 4 characters)');
    expect(message).toContain('DATABASE_URL="mysql://admin:***@db:3306/x"');
    for (const secret of ['short', 'not-a-token-abcdef', 'tiny', 'hunter2']) expect(message).not.toContain(secret);
  });

  it('documents every setting, and its values are the defaults', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseEnv } = await import('node:util');
    const { settingNames } = await import('../../config.js');
    const example = parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8'));
    for (const name of settingNames) expect(Object.keys(example), `${name} missing from .env.example`).toContain(name);
    expect(loadConfig(example)).toEqual(loadConfig({}));
  });
});

describe('retention settings', () => {
  it('validates the cron expression', () => {
    expect(loadConfig({}).RETENTION_CRON).toBe('17 3 * * *');
    expect(problems({ RETENTION_CRON: 'every night' })).toEqual([
      'RETENTION_CRON="every night": expected a cron expression, e.g. "17 3 * * *" (03:17 every day)',
    ]);
  });
});
