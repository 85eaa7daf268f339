// Prisma CLI configuration: the WebAssembly engines with a driver adapter, so that
// generate and migrate need no engine binary from Prisma's CDN.
// DATABASE_URL set: a PostgreSQL server. Absent: the embedded PGlite under KRING_DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { defineConfig } from 'prisma/config';
import { lockDirectory } from './prisma/lock';

// The CLI asks for the adapter more than once per command; two PGlite instances on one
// data directory corrupt it, so every call shares the first.
let embedded: PGlite | undefined;

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  experimental: { adapter: true },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) return new PrismaPg({ connectionString: url });
    if (!embedded) {
      const dir = path.resolve(process.env.KRING_DATA_DIR ?? '.data', 'pglite');
      // Refuses while `npm start` has it open; the CLI exits without releasing, which the
      // next opener sees as a lock of a process that is gone.
      lockDirectory(dir);
      fs.mkdirSync(dir, { recursive: true });
      embedded = new PGlite(dir);
    }
    return new PrismaPGlite(embedded);
  },
});
