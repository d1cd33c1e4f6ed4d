// Applies pending migrations to DATABASE_URL (default: the embedded SQLite database under ./data).
import { loadConfig, loadDotEnv } from '../config.js';
import { applyMigrations } from '../db/migrator.js';
import { providerOf } from '../db/adapters.js';

loadDotEnv();
const { DATABASE_URL } = loadConfig();
const applied = await applyMigrations(DATABASE_URL);
const where = providerOf(DATABASE_URL) === 'sqlite' ? DATABASE_URL : DATABASE_URL.replace(/\/\/[^@/]*@/, '//***@');
console.log(applied.length ? `migrated ${where}: ${applied.join(', ')}` : `database ${where} is up to date`);
