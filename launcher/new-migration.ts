// `npm run migration -- <name>`: writes the SQL that takes the database from the schema of
// the latest migration (its schema.snapshot.prisma) to prisma/schema.prisma as it is now,
// as a new migration folder with its own snapshot.
// (Prisma's own `migrate dev` needs a shadow database its WebAssembly engine cannot make.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const MIGRATIONS = path.join(ROOT, 'prisma', 'migrations');
const SCHEMA = path.join(ROOT, 'prisma', 'schema.prisma');
const SNAPSHOT = 'schema.snapshot.prisma';

function latestSnapshot(): string {
  const latest = fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .at(-1);
  const snapshot = latest && path.join(MIGRATIONS, latest, SNAPSHOT);
  if (!snapshot || !fs.existsSync(snapshot)) throw new Error(`the latest migration (${latest}) has no ${SNAPSHOT}`);
  return snapshot;
}

function main(): void {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error('usage: npm run migration -- <name in lower_snake_case>');
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kring-migration-'));
  try {
    const sql = execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules', 'prisma', 'build', 'index.js'),
        'migrate',
        'diff',
        '--from-schema-datamodel',
        latestSnapshot(),
        '--to-schema-datamodel',
        SCHEMA,
        '--script',
      ],
      // The CLI opens its adapter even for a pure diff: give it a scratch database.
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', KRING_DATA_DIR: scratch, CHECKPOINT_DISABLE: '1' } },
    ).toString();
    if (!/^\s*[A-Z]/m.test(sql.replace(/^--.*$/gm, ''))) {
      console.log('prisma/schema.prisma has no changes since the latest migration: none written.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS, `${stamp}_${name}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql);
    fs.copyFileSync(SCHEMA, path.join(dir, SNAPSHOT));
    console.log(`Wrote ${path.relative(ROOT, dir)}/migration.sql — read it, then commit it with the schema.`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
