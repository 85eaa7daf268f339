// The bench's PostgreSQL database: a fresh database on the server DATABASE_URL names (dropped
// at the end), or else a private cluster on loopback, made as .ci/run makes one (initdb and
// pg_ctl from Debian's packages, as user postgres when running as root) and removed at the end.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../test/support/omgeving';
import { onCleanup } from './cleanup';

export interface BenchDatabase {
  url: string;
  /** The postmaster of a private cluster, whose backends' CPU counts as kring's; undefined on DATABASE_URL. */
  postmasterPid?: number;
  /** Where it runs, for the report. */
  description: string;
}

const run = promisify(execFile);

export async function startDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const given = process.env.DATABASE_URL;
  return given ? freshDatabaseOn(given) : privateCluster(log);
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function freshDatabaseOn(serverUrl: string): Promise<BenchDatabase> {
  const name = `kring_bench_${Date.now()}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  onCleanup(`dropping database ${name}`, () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), description: `database ${name} on DATABASE_URL's server (its CPU not counted)` };
}

/** The newest Debian PostgreSQL's bin directory, or undefined when none is installed. */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest && path.join(root, newest, 'bin');
}

async function privateCluster(log: (line: string) => void): Promise<BenchDatabase> {
  const bin = postgresBin();
  if (!bin) {
    throw new Error(
      'No PostgreSQL found (looked for /usr/lib/postgresql/*/bin/initdb). Install it (apt-get install postgresql), ' +
        'or set DATABASE_URL to a PostgreSQL server the bench may create a database on.',
    );
  }
  const asRoot = process.getuid?.() === 0;
  // As root the server must run as postgres, which initdb insists on.
  const asPostgres = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kring-bench-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    fs.chownSync(dir, Number(stdout.trim()), -1);
  }
  const removeDir = onCleanup(`removing ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pgCtl = path.join(bin, 'pg_ctl');
  await asPostgres(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres']).catch((err: Error) => {
    throw new Error(`initdb failed: ${err.message}`);
  });
  await asPostgres(pgCtl, [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]).catch((err: Error) => {
    const tail = fs.existsSync(path.join(dir, 'server.log'))
      ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8')
      : '';
    throw new Error(`pg_ctl start failed: ${err.message}\n${tail.slice(-2000)}`);
  });
  onCleanup('stopping PostgreSQL', async () => {
    await asPostgres(pgCtl, ['-D', data, '-m', 'fast', 'stop']).catch(() => undefined);
    await removeDir();
  });
  const postmasterPid = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const { stdout: version } = await run(path.join(bin, 'postgres'), ['--version']);
  log(`PostgreSQL ${/\d+\.\d+/.exec(version)?.[0] ?? '?'} on 127.0.0.1:${port} (private cluster in ${dir})`);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    postmasterPid,
    description: `private PostgreSQL cluster on 127.0.0.1:${port}`,
  };
}
