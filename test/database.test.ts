// The database layer: migrations compatible with Prisma's own bookkeeping, and the embedded
// database guarded against a second process.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { applyMigrations, MIGRATIONS_DIR, MigrationError, type MigrationSession } from '../prisma/migrate';
import { DatabaseInUseError, openDatabase } from '../prisma/database';
import { tempDir } from './support/omgeving';

function session(db: PGlite): MigrationSession {
  return {
    exec: async (sql) => void (await db.exec(sql)),
    rows: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
  };
}

function kopieVanMigraties(): string {
  const dir = tempDir('migraties');
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

describe('migrations', () => {
  let db: PGlite;
  beforeEach(async () => {
    db = await PGlite.create();
  });
  afterEach(() => db.close());

  test('apply once, in order, recorded the way `prisma migrate` records them', async () => {
    const dir = kopieVanMigraties();
    const bestaande = fs
      .readdirSync(dir)
      .filter((n) => !n.endsWith('.toml'))
      .sort();
    fs.mkdirSync(path.join(dir, '29991231000000_later'));
    fs.writeFileSync(path.join(dir, '29991231000000_later', 'migration.sql'), 'CREATE TABLE later (id int);');
    const alle = [...bestaande, '29991231000000_later'];

    expect(await applyMigrations(session(db), dir)).toEqual(alle);
    expect(await applyMigrations(session(db), dir)).toEqual([]);

    const rows = (
      await db.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      )
    ).rows;
    expect(rows.map((r) => r.migration_name)).toEqual(alle);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at !== null)).toBe(true);
    await expect(db.query('SELECT count(*) FROM zaak')).resolves.toBeDefined();
  });

  test('a migration edited after it ran is refused', async () => {
    const dir = kopieVanMigraties();
    await applyMigrations(session(db), dir);
    const eerste = fs
      .readdirSync(dir)
      .filter((n) => !n.endsWith('.toml'))
      .sort()[0]!;
    fs.appendFileSync(path.join(dir, eerste, 'migration.sql'), '\n-- edited\n');
    await expect(applyMigrations(session(db), dir)).rejects.toThrow(MigrationError);
    await expect(applyMigrations(session(db), dir)).rejects.toThrow(/was edited after it was applied/);
  });
});

describe('the embedded database', () => {
  test('refuses a second opener of the same directory, and reopens after close with the data kept', async () => {
    const dir = path.join(tempDir('pglite'), 'pglite');
    const eerste = await openDatabase({ kind: 'pglite', dir });
    await eerste.migrate();
    await eerste.prisma.zaak.create({ data: { regio: 'Twente', workflowId: 'zaak-bewaard' } });

    await expect(openDatabase({ kind: 'pglite', dir })).rejects.toThrow(DatabaseInUseError);
    await expect(openDatabase({ kind: 'pglite', dir })).rejects.toThrow(/in use by process \d+.*DATABASE_URL/);

    await eerste.close();
    const tweede = await openDatabase({ kind: 'pglite', dir });
    try {
      expect(await tweede.migrate()).toEqual([]);
      expect((await tweede.prisma.zaak.findUniqueOrThrow({ where: { workflowId: 'zaak-bewaard' } })).regio).toBe(
        'Twente',
      );
    } finally {
      await tweede.close();
    }
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const dir = path.join(tempDir('pglite'), 'pglite');
    fs.writeFileSync(`${dir}.lock`, '999999999');
    const db = await openDatabase({ kind: 'pglite', dir });
    expect(fs.readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });
});

test('a lock with this very pid, from an earlier life of the pid (a restarted container), is taken over', async () => {
  const dir = path.join(tempDir('pglite'), 'pglite');
  fs.writeFileSync(`${dir}.lock`, String(process.pid));
  const db = await openDatabase({ kind: 'pglite', dir });
  await db.close();
  expect(fs.existsSync(`${dir}.lock`)).toBe(false);
});
