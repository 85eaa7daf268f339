// Durability: stopping kring mid-case and starting it again on the same data loses nothing;
// the case is where it was and its timer still fires.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../prisma/database';
import { freePort, opPostgres, tempDir, testDatabase, verbindt } from './support/omgeving';
import { binnen, gebruikToken, liveZaak, startStack, vraag, type Stack } from './support/stack';
import { npmStart } from './support/npmstart';
import { tokenVoor } from './support/toegang';
import { TERMIJNEN } from '../workflows/termijnen';
import { bekendeRegio, geldigeAanvraag } from './support/zaken';

test('worker and Temporal stopped mid-case and started again: the case continues and its timer fires', async () => {
  const dir = tempDir('herstart');
  const dbFile = path.join(dir, 'temporal', 'dev-server.sqlite');
  const pgliteDir = path.join(dir, 'pglite');
  const temporalPort = await freePort();
  // Seconds instead of days, so the deadline falls after the restart within this test,
  // with room for a slow machine to stop and start everything before it.
  const termijnenVoor = () => ({ ...TERMIJNEN.standaard, contact: '30 seconds', contactHerhaling: '1 hour' });

  let db: Database = await testDatabase(pgliteDir);
  await bekendeRegio(db.prisma);
  let stack: Stack = await startStack({ database: db, temporalPort, dbFile, termijnenVoor });
  gebruikToken(await tokenVoor(db.prisma, 'operations'));
  const { body: aangemaakt } = await vraag(`${stack.api}/cases`, { body: geldigeAanvraag() });
  const zaak = await liveZaak(stack.api, aangemaakt.id);
  expect(zaak).toMatchObject({ fase: 'intake', escalaties: 0, termijn: { soort: 'contact' } });
  const deadline = zaak.termijn.op as string;

  await stack.stop();
  await db.close();
  // Everything stopped before the deadline: if the escalation comes, it comes after the restart.
  expect(Date.now()).toBeLessThan(Date.parse(deadline));

  db = await testDatabase(pgliteDir);
  stack = await startStack({ database: db, temporalPort, dbFile, termijnenVoor });
  try {
    const terug = await vraag(`${stack.api}/cases/${zaak.id}`);
    expect(terug.body).toMatchObject({ id: zaak.id, fase: 'intake' });
    // The workflow answers once a worker has picked it up again (the first answer may
    // wait for the old worker's sticky queue to time out).
    const live = await liveZaak(stack.api, zaak.id);
    expect(live.termijn).toEqual({ soort: 'contact', op: deadline });
    expect(live.escalaties).toBe(0);

    const na = await binnen(90_000, async () => {
      const { body } = await vraag(`${stack.api}/cases/${zaak.id}`);
      return body.escalaties === 1 ? body : undefined;
    });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(deadline));
    expect(na.fase).toBe('intake');
    const escalaties = await db.prisma.gebeurtenis.findMany({ where: { zaakId: zaak.id, soort: 'escalatie' } });
    expect(escalaties.map((e) => e.details)).toEqual([{ termijn: 'contact', keer: 1 }]);
    expect(escalaties[0]!.op.getTime()).toBeGreaterThanOrEqual(Date.parse(deadline));
  } finally {
    await stack.stop();
    await db.close();
  }
});

// ---- npm start itself ----------------------------------------------------------------

function npmUsers(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const uit = spawnSync(process.execPath, [path.join(__dirname, '..', 'launcher', 'bootstrap.js'), 'users', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (uit.status !== 0) throw new Error(`npm run users -- ${args.join(' ')} failed:\n${uit.stdout}${uit.stderr}`);
  return uit.stdout;
}

test('npm start brings everything up; Ctrl-C stops all of it; the next start finds the case', async () => {
  const dataDir = tempDir('npm-start');
  const temporalPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    KRING_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(await freePort()),
    // On a PostgreSQL run the launcher uses this run's database; otherwise the embedded one.
    DATABASE_URL: opPostgres ? process.env.KRING_TEST_DATABASE_URL : '',
  };

  // A region and an account made with the users CLI, as an administrator would before the first start.
  const naam = `ops-${crypto.randomUUID()}@kring.test`;
  const regio = `Regio ${crypto.randomUUID().slice(0, 8)}`;
  expect(npmUsers(env, 'regio', 'add', regio)).toContain(`regio ${regio} aangemaakt`);
  expect(npmUsers(env, 'add', naam, 'operations')).toContain(`toegevoegd: ${naam}`);
  const token = npmUsers(env, 'token', naam).split('\n')[0]!;
  expect(token).toMatch(/^kring_/);
  gebruikToken(token);

  const eerste = npmStart(env);
  const api = await eerste.klaar;
  expect(eerste.uitvoer()).toContain(`Temporal     127.0.0.1:${temporalPort}`);
  expect(eerste.uitvoer()).toMatch(/Temporal UI\s+http:\/\/127\.0\.0\.1:\d+/);
  const { status, body: aangemaakt } = await vraag(`${api}/cases`, { body: geldigeAanvraag({ regio }) });
  expect(status).toBe(201);
  // Its data is its owner's only: the folder, Temporal's SQLite file.
  const modus = (pad: string) => fs.statSync(path.join(dataDir, pad)).mode & 0o777;
  expect(modus('.') & 0o077).toBe(0);
  expect(modus('temporal/dev-server.sqlite') & 0o077).toBe(0);
  if (!opPostgres) expect(modus('pglite') & 0o077).toBe(0);
  // While it runs, the CLI goes through the running process (the embedded database serves one).
  const tweedeRegio = `Regio ${crypto.randomUUID().slice(0, 8)}`;
  expect(npmUsers(env, 'regio', 'add', tweedeRegio)).toContain(`regio ${tweedeRegio} aangemaakt`);
  expect(npmUsers(env, 'regio', 'list')).toContain(tweedeRegio);
  expect(() => npmUsers(env, 'regio', 'add', tweedeRegio)).toThrow(`Regio ${tweedeRegio} bestaat al.`);
  const zaak = await liveZaak(api, aangemaakt.id);

  eerste.proces.kill('SIGINT');
  expect(await eerste.gestopt).toBe(0);
  expect(eerste.uitvoer()).toContain('kring stopped.');
  expect(await verbindt(temporalPort)).toBe(false);
  // The embedded database was closed and released (a PostgreSQL run has no lock to release).
  if (!opPostgres) expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);

  const tweede = npmStart(env);
  try {
    const body = await liveZaak(await tweede.klaar, zaak.id);
    expect(body).toMatchObject({
      id: zaak.id,
      fase: 'intake',
      live: true,
      termijn: zaak.termijn,
    });
  } finally {
    tweede.proces.kill('SIGINT');
    expect(await tweede.gestopt).toBe(0);
  }
});

const opEenLegeDatabase = opPostgres ? test.skip : test;

opEenLegeDatabase('the first start on an empty database makes an administrator, who can set kring up', async () => {
  const env: NodeJS.ProcessEnv = {
    KRING_DATA_DIR: tempDir('eerste-start'),
    PORT: String(await freePort()),
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_UI_PORT: String(await freePort()),
    DATABASE_URL: '',
  };
  const kring = npmStart(env);
  try {
    const api = await kring.klaar;
    const token = /Eerste start[^\n]*\n\s+(kring_\S+)/.exec(kring.uitvoer())?.[1];
    expect(token).toBeDefined();
    const regio = await vraag(`${api}/regios`, { body: { naam: 'Flevoland', gemeenten: ['Almere'] }, token });
    expect(regio.status).toBe(201);
    expect((await vraag(`${api}/regios`, { token })).body.regios).toEqual([
      expect.objectContaining({ naam: 'Flevoland', gemeenten: ['Almere'], regiomanagers: [], openZaken: 0 }),
    ]);
  } finally {
    // Killed outright: its Temporal dev server is left behind …
    kring.proces.kill('SIGKILL');
    await kring.gestopt;
  }
  // … and the next start stops that one, and comes up on the same ports and data.
  const weer = npmStart(env);
  try {
    const api = await weer.klaar;
    expect((await vraag(`${api}/readyz`)).body).toEqual({ temporal: true, database: true });
    expect(weer.uitvoer()).not.toContain('Eerste start');
  } finally {
    weer.proces.kill('SIGINT');
    expect(await weer.gestopt).toBe(0);
  }
});
