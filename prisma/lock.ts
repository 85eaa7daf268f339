// PGlite serves one process only: a second process on the same data directory corrupts it.
// A lock file beside the directory holds the owner's pid; one left by a process that is
// gone is taken over. No dependencies: prisma.config.ts uses it before the client exists.
import fs from 'node:fs';
import path from 'node:path';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

/** Directories this process holds: its own pid in a lock file means "in use" only for these. */
const heldHere = new Set<string>();

/** Locks `dir` for this process; returns the release. */
export function lockDirectory(dir: string): () => void {
  const lockFile = `${dir}.lock`;
  if (heldHere.has(lockFile)) throw inUse(dir, process.pid);
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });

  // Written whole under another name and linked in: no reader ever sees an empty lock.
  const mine = `${lockFile}.${process.pid}`;
  fs.writeFileSync(mine, String(process.pid));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        fs.linkSync(mine, lockFile);
        heldHere.add(lockFile);
        return () => {
          heldHere.delete(lockFile);
          fs.rmSync(lockFile, { force: true });
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = Number(fs.readFileSync(lockFile, 'utf8'));
        // Our own pid here is a lock from an earlier life of this pid (a restarted container).
        if (owner !== process.pid && isAlive(owner)) throw inUse(dir, owner);
        takeOverStale(lockFile, owner);
      }
    }
    throw new DatabaseInUseError(`could not lock ${lockFile}: other processes keep taking it`);
  } finally {
    fs.rmSync(mine, { force: true });
  }
}

/**
 * Moves the stale lock aside; if what was moved is not the stale lock any more (another
 * process took it over in between), puts it back for its new owner.
 */
function takeOverStale(lockFile: string, staleOwner: number): void {
  const aside = `${lockFile}.stale.${process.pid}`;
  try {
    fs.renameSync(lockFile, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  if (Number(fs.readFileSync(aside, 'utf8')) !== staleOwner) {
    try {
      fs.linkSync(aside, lockFile);
    } catch {
      // Someone else holds it now; the next attempt reads their pid.
    }
  }
  fs.rmSync(aside, { force: true });
}

function inUse(dir: string, owner: number): DatabaseInUseError {
  return new DatabaseInUseError(
    `the embedded database in ${dir} is in use by process ${owner}. ` +
      'Run worker and API together with `npm start`, or give both DATABASE_URL (PostgreSQL).',
  );
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
