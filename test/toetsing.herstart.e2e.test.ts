// A worker killed between the presentation of the plan and its toetsing, and started again
// at once: the professional's verdict is taken, or she is asked to try again shortly (503
// with Retry-After). Never a refusal that is not one ("no plan presented").
// Worker and API run as separate processes here, so they share a PostgreSQL database: the
// embedded database serves one process only, and on an embedded run this test is skipped.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startDevServer, type DevServer } from '../launcher/dev-server';
import type { Database } from '../prisma/database';
import { startKring, type RunningKring } from '../service/kring';
import { opPostgres, freePort, tempDir, temporalCliPath, testDatabase, workflowBundle } from './support/omgeving';
import { wereld } from './support/proces';
import { binnen, liveZaak, vraag } from './support/stack';
import { tokenVoor, totPresentatieViaApi, zaakInVoorbereiding } from './support/toegang';

const TAAKRIJ = 'toetsing-herstart';
const metPostgres = opPostgres ? test : test.skip;

let devServer: DevServer | undefined;
let db: Database | undefined;
let kring: RunningKring | undefined;
const werkers: ChildProcess[] = [];

afterEach(async () => {
  for (const w of werkers) w.kill('SIGKILL');
  await kring?.stop();
  await db?.close();
  await devServer?.stop();
});

/** `npm run worker` in a process of its own, on this test's Temporal and database. */
function werker(address: string): ChildProcess {
  const proces = spawn(process.execPath, [path.join(__dirname, '..', 'launcher', 'bootstrap.js'), 'worker'], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TASK_QUEUE: TAAKRIJ,
      KRING_DATA_DIR: tempDir('werker'),
      DATABASE_URL: process.env.KRING_TEST_DATABASE_URL,
    },
    stdio: 'ignore',
  });
  werkers.push(proces);
  return proces;
}

metPostgres(
  'the worker killed after the presentation: the first toetsing succeeds or says try again, never 409',
  async () => {
    devServer = await startDevServer({ binary: temporalCliPath(), port: await freePort(), namespace: 'default' });
    db = await testDatabase();
    const w = await wereld(db.prisma);
    const tokens = {
      operations: await tokenVoor(db.prisma, 'operations'),
      regiomanager: await tokenVoor(db.prisma, 'regiomanager', w.regiomanager),
      coordinator: await tokenVoor(db.prisma, 'coordinator', w.coordinatoren.anna),
    };
    kring = await startKring({
      temporal: { address: devServer.address, namespace: 'default', taskQueue: TAAKRIJ, devPort: 0, uiPort: 0 },
      database: db,
      http: { host: '127.0.0.1', port: 0 },
      worker: false,
      workflowCode: { workflowBundle: await workflowBundle() },
      berichten: { publicBaseUrl: 'http://kring.test', kanalen: { uitbus: tempDir('uitbus'), van: 'test@kring.test' } },
    });
    const api = kring.apiUrl!;
    const eerste = werker(devServer.address);

    const zaakId = await zaakInVoorbereiding(api, w, tokens);
    const { professionalToken } = await totPresentatieViaApi(api, zaakId, tokens.coordinator, (persoonId) =>
      tokenVoor(db!.prisma, 'professional', persoonId),
    );

    const gestopt = new Promise((r) => eerste.once('exit', r));
    eerste.kill('SIGKILL');
    await gestopt;
    werker(devServer.address);

    const toetsing = { oordelen: [{ nummer: 1, voldaan: true, reden: 'Oma woont zonder geweld; geregeld.' }] };
    const antwoorden: number[] = [];
    const aanvaard = await binnen(120_000, async () => {
      const a = await vraag(`${api}/cases/${zaakId}/toetsen`, {
        body: toetsing,
        token: professionalToken,
        headers: { 'Idempotency-Key': `toetsing-${zaakId}` },
      });
      antwoorden.push(a.status);
      if (a.status === 503) expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
      return a.status === 200 ? a.body : undefined;
    });
    expect(antwoorden.every((s) => s === 200 || s === 503)).toBe(true);
    expect(aanvaard).toMatchObject({ fase: 'conferentie' });
    // Recorded once, against the presented plan, in the first round.
    const vastgelegd = await db.prisma.toetsing.findMany({ where: { zaakId, status: 'vastgelegd' } });
    expect(vastgelegd).toHaveLength(1);
    expect(vastgelegd[0]).toMatchObject({ ronde: 1 });
    const plan = await db.prisma.plan.findFirstOrThrow({ where: { zaakId } });
    expect(vastgelegd[0]!.planId).toBe(plan.id);
    expect(plan.status).toBe('geaccepteerd');
    expect((await liveZaak(api, zaakId, tokens.coordinator)).fase).toBe('conferentie');
  },
  240_000,
);
