// Applies pending migrations to DATABASE_URL (default: the embedded SQLite database under ./data).
import { loadConfig, loadDotEnv } from '../config.js';
import { applyMigrations } from '../db/migrator.js';
import { providerOf } from '../db/adapters.js';

loadDotEnv();
const { DATABASE_URL } = loadConfig();
// npm install migrates only the embedded database: a production PostgreSQL may not be
// reachable where packages are installed (an image build), and is migrated at start-up.
if (process.argv.includes('--embedded-only') && providerOf(DATABASE_URL) !== 'sqlite') {
  console.log('DATABASE_URL is PostgreSQL: not migrating during install (mixdesk start or npm run db:migrate does).');
  process.exit(0);
}
const applied = await applyMigrations(DATABASE_URL);
const where = providerOf(DATABASE_URL) === 'sqlite' ? DATABASE_URL : DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@');
console.log(applied.length ? `migrated ${where}: ${applied.join(', ')}` : `database ${where} is up to date`);
