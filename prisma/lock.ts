// PGlite serves one process only: a second process on the same data directory corrupts it.
// A lock file beside the directory holds the owner's pid; one left by a process that is
// gone is taken over. No dependencies: prisma.config.ts uses it before the client exists.
import fs from 'node:fs';
import path from 'node:path';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/** Locks `dir` for this process; returns the release. */
export function lockDirectory(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(lockFile, 'utf8'));
      if (owner && isAlive(owner)) {
        throw new DatabaseInUseError(
          `the embedded database in ${dir} is in use by process ${owner}. ` +
            'Run worker and API together with `npm start`, or give both DATABASE_URL (PostgreSQL).',
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseInUseError(`could not lock ${lockFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
