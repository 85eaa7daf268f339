// Applies prisma/migrations in-process, keeping Prisma's own `_prisma_migrations` table so
// that `prisma migrate status|deploy` agree with what ran here.
//
// Why not the Prisma CLI at start-up: on PGlite it opens the data directory twice (which
// corrupts it) and it idles ~10 s after finishing; here it reuses the open connection.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** One connection, inside a transaction, that runs multi-statement SQL. */
export interface MigrationSession {
  exec(sql: string): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

// The key Prisma itself locks on, so that this and `prisma migrate deploy` never interleave.
const PRISMA_MIGRATE_LOCK = 72707369;

interface Applied {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Runs the pending migrations in name order; returns the names it applied. */
export async function applyMigrations(session: MigrationSession, dir = MIGRATIONS_DIR): Promise<string[]> {
  await session.exec(`SELECT pg_advisory_xact_lock(${PRISMA_MIGRATE_LOCK})`);
  await session.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  const applied = new Map(
    (
      await session.rows<Applied>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
      )
    )
      .filter((m) => m.rolled_back_at === null)
      .map((m) => [m.migration_name, m]),
  );

  const ran: string[] = [];
  for (const name of migrationNames(dir)) {
    const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
    const checksum = crypto.createHash('sha256').update(sql).digest('hex');
    const before = applied.get(name);
    if (before?.finished_at === null) {
      throw new MigrationError(
        `migration ${name} failed earlier and was never resolved; see \`npx prisma migrate resolve --help\``,
      );
    }
    if (before) {
      if (before.checksum !== checksum) {
        throw new MigrationError(`migration ${name} was edited after it was applied; add a new migration instead`);
      }
      continue;
    }
    await session.exec(sql);
    await session.rows(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), 1)`,
      [crypto.randomUUID(), checksum, name],
    );
    ran.push(name);
  }
  return ran;
}

function migrationNames(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}
