// Opens the case database: a PostgreSQL server when a URL is given, otherwise the
// embedded PGlite (PostgreSQL compiled to WebAssembly) in a directory of its own.
// Both run the same schema and migrations through Prisma's driver adapters.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import { lockDirectory } from './lock';
import { applyMigrations, type MigrationSession } from './migrate';
import { logboek } from '../service/logboek';

export { DatabaseInUseError } from './lock';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  /** `dir` undefined: in memory, gone when closed. */
  | { kind: 'pglite'; dir?: string };

export interface Database {
  readonly prisma: PrismaClient;
  /**
   * Applies pending migrations, all in one transaction (so `CREATE INDEX CONCURRENTLY` and
   * the like do not belong in a migration); safe when several processes start at once.
   */
  migrate(): Promise<string[]>;
  /** true when a trivial query answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export function databaseTarget(databaseUrl: string | undefined, dataDir: string): DatabaseTarget {
  return databaseUrl ? { kind: 'postgres', url: databaseUrl } : { kind: 'pglite', dir: path.join(dataDir, 'pglite') };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'postgres' ? openPostgres(target.url) : openPGlite(target.dir);
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', (err) => logboek.error({ err }, 'databaseverbinding verbroken'));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const ran = await applyMigrations({
          exec: async (sql) => void (await client.query(sql)),
          rows: async (sql, params) => (await client.query(sql, params)).rows,
        });
        await client.query('COMMIT');
        return ran;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    ping: () => ping(prisma),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPGlite(dir: string | undefined): Promise<Database> {
  const releaseLock = dir ? lockDirectory(dir) : () => undefined;
  let db: PGlite;
  try {
    if (dir) fs.mkdirSync(dir, { recursive: true });
    db = await PGlite.create(dir ?? 'memory://');
  } catch (err) {
    releaseLock();
    throw err;
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  return {
    prisma,
    migrate: () =>
      db.transaction(async (tx) => {
        const session: MigrationSession = {
          exec: async (sql) => void (await tx.exec(sql)),
          rows: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
        };
        return applyMigrations(session);
      }),
    ping: () => ping(prisma),
    async close() {
      try {
        await prisma.$disconnect();
        await db.close();
      } finally {
        releaseLock();
      }
    },
  };
}

async function ping(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRawUnsafe('SELECT 1');
    return true;
  } catch {
    return false;
  }
}
