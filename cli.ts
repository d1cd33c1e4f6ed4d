// mixdesk: the command line. `mixdesk start` runs the service (npm start).
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { createApp, startService, unsupportedSettings } from './app.js';
import { createLogger } from './log.js';
import { applyMigrations } from './db/migrator.js';

const usage = `mixdesk — the front desk of a mixing & mastering studio

usage:
  mixdesk start      run the service (console chat when no bot token is set)
  mixdesk migrate    apply database migrations (npm run db:migrate)
  mixdesk help       this text

Configuration comes from the environment and ./.env; see .env.example.`;

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, strict: false });
  const command = positionals[0] ?? 'start';
  if (command === 'help' || command === '--help') {
    console.log(usage);
    return 0;
  }
  loadDotEnv();
  const config = loadConfig();
  switch (command) {
    case 'migrate': {
      const applied = await applyMigrations(config.DATABASE_URL);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return 0;
    }
    case 'start': {
      const problems = unsupportedSettings(config);
      if (problems.length) throw new ConfigError(problems);
      const log = createLogger(config.LOG_LEVEL ?? 'warn');
      const app = await createApp(config, log);
      const stop = () => void app.close().finally(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await startService(app);
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    // Configuration mistakes are the operator's to fix: say what and where, without a stack trace.
    if (err instanceof ConfigError) console.error(`mixdesk cannot start.\n${err.message}\nSee .env.example for every setting.`);
    else console.error(`mixdesk stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
