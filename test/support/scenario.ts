// Scenarios on Temporal's time-skipping test server: a fresh server per test, a worker on
// it, a seeded region, and the common ways a case gets to a phase.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Verzender } from '../../activities/verzenders';
import type { Database } from '../../prisma/database';
import { amsterdamVerschuiving } from '../../workflows/stilte';
import { workflowBundle } from './omgeving';
import { tijdsprongOmgeving } from './tijdsprong';
import { maakWorker, nieuweZaak, testproces, wereld, type Proces, type Wereld, type ZaakInTest } from './proces';

export const DAG = 24 * 60 * 60 * 1000;
export const WEEK = 7 * DAG;

export interface Omgeving {
  p: Proces;
  w: Wereld;
  env: TestWorkflowEnvironment;
  nieuweZaak: (opties?: Parameters<typeof nieuweZaak>[2]) => Promise<ZaakInTest>;
  /** A moment `ms` from now in skipped time, at 19:00 UTC (conferences are often evenings). */
  over: (ms: number) => Promise<string>;
  /** Skips to the next 12:00 Amsterdam time: outside the quiet hours, whenever the test runs. */
  naarMiddag: () => Promise<void>;
}

/** The next moment after `nu` that it is `uur`:00 in Amsterdam. */
export function volgendAmsterdamsUur(nu: number, uur: number): number {
  const lokaal = new Date(nu + amsterdamVerschuiving(nu));
  for (let dag = 0; dag < 3; dag++) {
    const wandklok = Date.UTC(lokaal.getUTCFullYear(), lokaal.getUTCMonth(), lokaal.getUTCDate() + dag, uur);
    const moment = wandklok - amsterdamVerschuiving(wandklok - 3_600_000);
    if (moment > nu) return moment;
  }
  throw new Error('unreachable');
}

/** Where the recorded histories for the replay test live. */
export const HISTORIES = path.join(__dirname, '..', 'histories');

/**
 * The rules new runs follow (the newest `patched()` marker that changes what a case does):
 * each scenario is recorded once per generation of rules, as `<naam>@<generatie>.runN.history`
 * (the first generation has no suffix).
 */
export const GENERATIE = 'een-stap';

/**
 * Runs a scenario with a worker. A named scenario returns its case; with
 * KRING_HISTORIES_OPNEMEN=1 that case's history is written for the replay test.
 */
export async function scenario(
  db: Database,
  fn: (o: Omgeving) => Promise<ZaakInTest | void>,
  naam?: string,
  /** Where messages go; by default a local outbox. */
  bezorger?: Verzender,
): Promise<void> {
  const env = await tijdsprongOmgeving();
  // The Java test server refuses gRPC keepalive pings more often than every 5 minutes and
  // drops the connection of a client that sends them (the SDK's default is every 30 s).
  const connection = await Connection.connect({
    address: env.address,
    channelArgs: { 'grpc.keepalive_time_ms': 6 * 60_000, 'grpc.keepalive_permit_without_calls': 0 },
  });
  try {
    const taskQueue = `proces-${crypto.randomUUID()}`;
    const client = new Client({ connection });
    const p: Proces = {
      client,
      taskQueue,
      prisma: db.prisma,
      proces: testproces(client, taskQueue),
      nu: () => env.currentTimeMs(),
    };
    const w = await wereld(db.prisma);
    const worker = await maakWorker(env.nativeConnection, taskQueue, await workflowBundle(), db.prisma, bezorger);
    await worker.runUntil(async () => {
      const zaak = await binnenDeTijd(
        fn({
          p,
          w,
          env,
          nieuweZaak: (opties) => nieuweZaak(p, w, opties),
          naarMiddag: async () => {
            const nu = await env.currentTimeMs();
            await env.sleep(volgendAmsterdamsUur(nu, 12) - nu);
          },
          over: async (ms) => {
            const d = new Date((await env.currentTimeMs()) + ms);
            d.setUTCHours(19, 0, 0, 0);
            return d.toISOString();
          },
        }),
      );
      if (naam && zaak && process.env.KRING_HISTORIES_OPNEMEN === '1') await neemOp(env, zaak, naam);
    });
  } finally {
    await connection.close();
    await env.teardown();
  }
}

/** Bounded, so a scenario that hangs still fails here and stops its servers, before jest gives up on it. */
function binnenDeTijd<T>(werk: Promise<T>, ms = 150_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const grens = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`scenario not finished within ${ms / 1000} s`)), ms);
  });
  return Promise.race([werk, grens]).finally(() => clearTimeout(timer));
}

/**
 * Writes every run of the case's workflow (continue-as-new included), in protobuf encoding,
 * for a scenario that has no recorded history yet. A recorded history is never replaced: it
 * stands for the cases that ran on the code of its day, which must keep replaying.
 */
async function neemOp(env: TestWorkflowEnvironment, zaak: ZaakInTest, naam: string): Promise<void> {
  const { firstExecutionRunId } = await zaak.handle
    .describe()
    .then((d) => ({ firstExecutionRunId: d.raw.workflowExecutionInfo?.firstRunId }));
  let runId: string | undefined = firstExecutionRunId ?? undefined;
  let run = 1;
  fs.mkdirSync(HISTORIES, { recursive: true });
  const opgenomen = `${naam}@${GENERATIE}`;
  if (fs.readdirSync(HISTORIES).some((f) => f.startsWith(`${opgenomen}.`))) return;
  while (runId) {
    const history = await env.client.workflow.getHandle(zaak.handle.workflowId, runId).fetchHistory();
    fs.writeFileSync(
      path.join(HISTORIES, `${opgenomen}.run${run}.history`),
      temporal.api.history.v1.History.encode(history).finish(),
    );
    const laatste = history.events?.at(-1);
    runId = laatste?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    run++;
  }
}

// ---- The common ways to a phase ----------------------------------------------------------

/** Coordinator chosen and accepted, contact made: the case is in voorbereiding. */
export async function totVoorbereiding(zaak: ZaakInTest): Promise<void> {
  const { anna } = zaak.w.coordinatoren;
  await zaak.opdracht('coordinatorKiezen', { door: zaak.door.regiomanager, coordinatorId: anna });
  await zaak.opdracht('opdrachtBeantwoorden', { door: { persoonId: anna, rol: 'coordinator' }, aanvaard: true });
  await zaak.opdracht('contactVastleggen', { door: zaak.door.coordinator });
}

export interface Kring {
  tante: string;
  /** Professionals by name, with the number of conditions each set (0: none). */
  professionals: string[];
}

/**
 * Question, circle, conditions, date; then the conference starts and the circle goes into
 * besloten tijd. `voorwaarden`: per professional, how many conditions they set.
 */
export async function totBeslotenTijd(o: Omgeving, zaak: ZaakInTest, voorwaarden: number[] = [2]): Promise<Kring> {
  const door = zaak.door.coordinator;
  await totVoorbereiding(zaak);
  await zaak.opdracht('vraagVastleggen', {
    door,
    tekstId: await zaak.tekst('vraag', 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?'),
  });
  const tante = await zaak.deelnemer('Tante Fatima', 'netwerk');
  const professionals: string[] = [];
  for (const [i, aantal] of voorwaarden.entries()) {
    const id = await zaak.deelnemer(
      `Professional ${i + 1}`,
      'professional',
      aantal > 0 ? 'jeugdbescherming' : undefined,
    );
    professionals.push(id);
  }
  for (const persoonId of [tante, ...professionals]) {
    await zaak.opdracht('deelnemerBijwerken', { door, persoonId, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
  }
  for (const [i, aantal] of voorwaarden.entries()) {
    if (aantal > 0) {
      await zaak.voorwaarden(
        professionals[i]!,
        Array.from({ length: aantal }, (_, n) => `Voorwaarde ${n + 1}`),
      );
    }
  }
  const voorstelId = crypto.randomUUID();
  await zaak.opdracht('datumVoorstellen', { door, voorstelId, op: await o.over(2 * DAG) });
  await zaak.opdracht('datumBevestigen', { door, voorstelId });
  await zaak.opdracht('kringCompleet', { door, compleet: true });
  await o.env.sleep(2 * DAG);
  await zaak.opdracht('conferentieStarten', { door });
  for (const professionalId of professionals) {
    await zaak.opdracht('bijdrageVastleggen', { door, professionalId, aanwezig: true });
  }
  await zaak.opdracht('beslotenTijdStarten', { door });
  return { tante, professionals };
}

/** Through the conference with every condition met, agreements made: uitvoering. */
export async function totUitvoering(
  o: Omgeving,
  zaak: ZaakInTest,
): Promise<Kring & { planId: string; evaluatie: string; gesprek: string }> {
  const kring = await totBeslotenTijd(o, zaak, [1]);
  const door = zaak.door.coordinator;
  const planId = await zaak.plan({ [kring.professionals[0]!]: 'Begeleiding van vader' });
  await zaak.opdracht('planPresenteren', { door, planId });
  await zaak.toetsen(kring.professionals[0]!, [true]);
  const gesprek = await o.over(6 * WEEK);
  const evaluatie = await o.over(26 * WEEK);
  await zaak.opdracht('afsprakenVastleggen', {
    door,
    aangewezen: [kring.tante],
    eersteVoortgangsgesprek: gesprek,
    evaluatie,
  });
  return { ...kring, planId, evaluatie, gesprek };
}
