// mixdesk: the command line. `mixdesk start` runs the service (npm start).
// The service's modules (database, bots) load only for the commands that need them, so the
// engine commands start quickly.
import path from 'node:path';
import { analyzeCommand, compareCommand, isEngineError, masterCommand, mixdownCommand, UsageError } from './engine/cli.js';
import { outputFormats } from './engine/formats.js';
import { presetIds } from './engine/presets.js';

const usage = `mixdesk — the front desk of a mixing & mastering studio

usage:
  mixdesk start [--no-bots]     run the service (console chat when no bot token is set; --no-bots: web and jobs only)
  mixdesk analyze FILE [--json] loudness, peaks, DC, phase, clipping, silence of an audio file
  mixdesk master IN -o OUT [--target LUFS] [--ceiling dBTP] [--preset ${presetIds.join('|')}]
                 [--reference REF [--match-loudness]] [--intensity 0..1]
                 [--format ${outputFormats.join('|')}]
                                master a stereo mix; writes OUT and OUT-report.png
  mixdesk compare A B [--json]  how far B's tonal balance is from A's (third-octave RMS distance,
                                e.g. a master against its reference), and their loudness
  mixdesk worker                take pipeline jobs (masters) and send due reminders; run as many as
                                you like on any machines sharing PostgreSQL, S3 and Redis
  mixdesk mixdown STEMS... -o DIR [--balance auto|flat] [--format F] [--title NAME]
                 [--role FILE=ROLE] [--gain FILE=dB] [--pan FILE=-1..1] [--master [--target LUFS]]
                                full mix, instrumental and a cappella from stems (roles: lead-vocal,
                                backing-vocal, drums, bass, keys, guitars, fx, other)
  mixdesk desk [COMMAND …]      the engineer's commands from the terminal (the same as Discord's), e.g.
                                mixdesk desk queue, mixdesk desk booking confirm MD-7K2Q9A;
                                mixdesk desk alone lists them
  mixdesk client export REF|ID  a zip of everything the studio holds about an artist (sent to them if they asked)
  mixdesk client forget REF|ID  erase an artist's personal data and files (bookings, payments kept nameless)
  mixdesk dashboard-link        a sign-in link to the studio dashboard (good once, for 15 minutes)
  mixdesk migrate               apply database migrations (npm run db:migrate)
  mixdesk backup [DIR]          a consistent copy of the running studio (database, files, link secret) into
                                DIR (BACKUP_DIR, ./backups); files already backed up are not copied again
  mixdesk restore DIR           a backup (DIR or one snapshot in it) into an empty DATA_DIR, then npm start
  mixdesk retention             remove raw uploads of bookings finished RETENTION_UPLOAD_DAYS ago, now
  mixdesk help                  this text

Configuration comes from the environment and ./.env; see .env.example.`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'start';
  if (command === 'help' || command === '--help') {
    console.log(usage);
    return 0;
  }
  // The engine commands need no configuration or database.
  const print = (s: string) => console.log(s);
  if (command === 'analyze') return analyzeCommand(argv.slice(1), print);
  if (command === 'compare') return compareCommand(argv.slice(1), print);
  if (command === 'master') return masterCommand(argv.slice(1), print, (s) => process.stderr.write(s));
  if (command === 'mixdown') return mixdownCommand(argv.slice(1), print, (s) => process.stderr.write(s));
  // Configuration (zod and friends) loads only for the service's commands: the engine's start faster.
  const { loadConfig, loadDotEnv, ConfigError } = await import('./config.js');
  loadDotEnv();
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const { applyMigrations } = await import('./db/migrator.js');
      const applied = await applyMigrations(config.DATABASE_URL);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'backup': {
      const { backupCommand } = await import('./ops/backup-cli.js');
      return backupCommand(config, argv.slice(1), print);
    }
    case 'restore': {
      const { restoreCommand } = await import('./ops/backup-cli.js');
      return restoreCommand(config, argv.slice(1), print);
    }
    case 'retention': {
      const { createApp } = await import('./app.js');
      const { createLogger } = await import('./log.js');
      const { purgeExpiredUploads } = await import('./core/files/retention.js');
      const app = await createApp(config, createLogger(config.LOG_LEVEL ?? 'warn'));
      try {
        const r = await purgeExpiredUploads(app.db, app.studio.store, new Date(), config.RETENTION_UPLOAD_DAYS, app.log);
        console.log(`removed ${r.purged} raw upload(s), ${(r.freedBytes / 2 ** 20).toFixed(1)} MB`);
      } finally {
        await app.close();
      }
      return 0;
    }
    case 'start': {
      const { consoleChatWanted, createApp, startService, unsupportedSettings } = await import('./app.js');
      const { createLogger, logFileDestination } = await import('./log.js');
      const problems = unsupportedSettings(config);
      if (problems.length) throw new ConfigError(problems);
      // The console chat owns the terminal: on one, the log goes to a file, said once before the chat opens.
      const logFile = config.LOG_FILE ?? (consoleChatWanted(config) && process.stderr.isTTY ? path.join(config.DATA_DIR, 'mixdesk.log') : undefined);
      if (logFile && consoleChatWanted(config)) process.stderr.write(`mixdesk: the log goes to ${logFile} while the console chat runs.\n`);
      const log = createLogger(config.LOG_LEVEL ?? 'warn', logFile ? logFileDestination(logFile) : undefined);
      const app = await createApp(config, log);
      exitOnSecondSignal(log);
      try {
        await startService(app, { bots: !argv.includes('--no-bots') });
      } finally {
        await app.close();
      }
      return 0;
    }
    case 'desk': {
      const { runDeskCommand } = await import('./desk-cli.js');
      return runDeskCommand(config, argv.slice(1), print, (s) => process.stderr.write(`${s}\n`));
    }
    case 'client': {
      // The same as `mixdesk desk client …` (and Discord's /client): audited as the engineer's.
      const { runDeskCommand } = await import('./desk-cli.js');
      return runDeskCommand(config, argv, print, (s) => process.stderr.write(`${s}\n`));
    }
    case 'dashboard-link': {
      // The studio's terminal is the studio: the same link as the engineer's /dashboard.
      const { runDeskCommand } = await import('./desk-cli.js');
      return runDeskCommand(config, ['dashboard'], print, (s) => process.stderr.write(`${s}\n`));
    }
    case 'worker': {
      const { createApp, runWorker } = await import('./app.js');
      const { createLogger } = await import('./log.js');
      const log = createLogger(config.LOG_LEVEL ?? 'info');
      const app = await createApp(config, log);
      exitOnSecondSignal(log);
      try {
        await runWorker(app);
      } finally {
        await app.close();
      }
      return 0;
    }
    default:
      console.error(`unknown command "${command}"\n\n${usage}`);
      return 2;
  }
}

/** The first SIGINT/SIGTERM stops the service in order (app.ts); a second one ends the process at once. */
function exitOnSecondSignal(log: { warn(obj: object, msg?: string): void }): void {
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++signals < 2) return;
    log.warn({ signal }, 'a second stop signal: exiting at once');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * Ends the process once what was printed has gone: output to a pipe is written asynchronously, and
 * exiting at once cut `mixdesk analyze --json | …` off after 64 KB.
 */
function exit(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (err: unknown) => {
    // Configuration mistakes are the operator's to fix: say what and where, without a stack trace.
    // A refused restore or a busy backup folder: the operator's to act on, said plainly.
    if (err instanceof Error && (err.name === 'RestoreRefused' || err.name === 'BackupBusyError')) console.error(`mixdesk: ${err.message}`);
    else if (err instanceof Error && err.name === 'ConfigError') console.error(`mixdesk cannot start.\n${err.message}\nSee .env.example for every setting.`);
    else if (err instanceof Error && String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
      // A mistyped option: say what, like any usage mistake (no stack trace).
      console.error(err.message.split('\n').slice(0, 3).join('\n'));
      return exit(2);
    } else if (isEngineError(err)) {
      console.error(err.message);
      return exit(err instanceof UsageError ? 2 : 1);
    } else console.error(`mixdesk stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    exit(1);
  },
);
