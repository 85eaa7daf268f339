// The embedded default keeps children's data on this machine (database, outbox, Temporal's
// SQLite file): only the account that runs kring may read it. Files are made 0600 and
// folders 0700 (a umask for this process and the servers it starts), and what an earlier
// version left more open is closed now.
import fs from 'node:fs';
import path from 'node:path';

export function datamapBeschermen(dataDir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  dichtmaken(dataDir);
}

function dichtmaken(pad: string): void {
  const stat = fs.lstatSync(pad);
  if (stat.isSymbolicLink() || stat.isSocket()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(pad, 0o700);
    for (const naam of fs.readdirSync(pad)) dichtmaken(path.join(pad, naam));
  } else if ((stat.mode & 0o077) !== 0) {
    fs.chmodSync(pad, stat.mode & 0o700);
  }
}
