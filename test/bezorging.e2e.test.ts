// Exactly once, the hard way: the worker process (`npm run worker`) is killed after Twilio took
// an SMS and before the worker could record it. Started again, the message is found at Twilio
// and recorded; Twilio has received it once.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { twilioSms, lokaleUitbus } from '../activities/verzenders';
import { startDevServer, type DevServer } from '../launcher/dev-server';
import type { Database } from '../prisma/database';
import { termijnenVoor } from '../workflows/termijnen';
import { runWorker } from '../worker/worker';
import { aanvraagVastleggen, ZaakAanvraag, zaakprocesVia } from '../zaakproces';
import { freePort, opPostgres, tempDir, temporalCliPath, testDatabase, workflowBundle } from './support/omgeving';
import { wereld } from './support/proces';
import { binnen } from './support/stack';
import { ACCOUNT_SID, AUTH_TOKEN, VAN, nepTwilio, type NepTwilio } from './support/twilio-nep';

const TAAKRIJ = 'bezorging-e2e';
const PUBLIEK = 'http://kring.test';

let nep: NepTwilio;
let devServer: DevServer;
let werker: ChildProcess | undefined;

afterEach(async () => {
  werker?.kill('SIGKILL');
  await nep?.stop();
  await devServer?.stop();
});

test('the worker is killed between send and record: after a restart the SMS is found at Twilio, sent once', async () => {
  nep = await nepTwilio();
  const dataDir = tempDir('bezorging');
  const pgliteDir = path.join(dataDir, 'pglite');

  // The request as POST /cases stores it; the regiomanager hears of it by SMS.
  let db: Database = await testDatabase(pgliteDir);
  const w = await wereld(db.prisma);
  const nummer = `+316${String(crypto.randomInt(10_000_000, 99_999_999))}`;
  await db.prisma.persoon.update({ where: { id: w.regiomanager }, data: { telefoon: nummer, kanaal: 'sms' } });
  const zaak = await aanvraagVastleggen(
    db.prisma,
    ZaakAanvraag.parse({
      aanvrager: { relatie: 'hoofdpersoon' },
      hoofdpersoon: { naam: 'Samira El Amrani', email: `samira.${crypto.randomUUID().slice(0, 8)}@example.org` },
      regio: w.regio,
    }),
  );
  const zaakId = zaak.id;
  // The embedded database serves one process: the worker process gets it for now.
  if (!opPostgres) await db.close();

  const temporalPort = await freePort();
  devServer = await startDevServer({ binary: temporalCliPath(), port: temporalPort, namespace: 'default' });

  werker = spawn(process.execPath, [path.join(__dirname, '..', 'launcher', 'bootstrap.js'), 'worker'], {
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: devServer.address,
      TEMPORAL_TASK_QUEUE: TAAKRIJ,
      KRING_DATA_DIR: dataDir,
      DATABASE_URL: opPostgres ? process.env.KRING_TEST_DATABASE_URL : '',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: VAN,
      TWILIO_API_BASE: nep.url,
      PUBLIC_BASE_URL: PUBLIEK,
    },
    stdio: 'ignore',
  });
  const gestopt = new Promise<NodeJS.Signals | null>((r) => werker!.once('exit', (_code, signal) => r(signal)));
  // Twilio takes the message; before its answer reaches the worker, the worker dies.
  nep.naOntvangst = () => {
    werker!.kill('SIGKILL');
    return new Promise(() => undefined);
  };

  // A contact deadline of seconds: its escalation to the regiomanager is urgent, so an SMS
  // goes out whatever the hour (the request's own SMS may wait for the morning).
  const termijnen = { ...termijnenVoor(false), contact: '2 seconds', contactHerhaling: '1 hour' };
  const client = new Client({ connection: await Connection.connect({ address: devServer.address }) });
  await zaakprocesVia(client, { taskQueue: TAAKRIJ, termijnenVoor }).start(zaak, { termijnen });
  expect(await gestopt).toBe('SIGKILL');
  const onderbroken = nep.ontvangen[0]!;
  nep.naOntvangst = undefined;

  // Started again (here, in this process), the interrupted delivery is retried.
  db = opPostgres ? db : await testDatabase(pgliteDir);
  const connection = await NativeConnection.connect({ address: devServer.address });
  const worker = await runWorker({
    temporal: {
      address: devServer.address,
      namespace: 'default',
      taskQueue: TAAKRIJ,
      devPort: temporalPort,
      uiPort: 0,
    },
    connection,
    workflowCode: { workflowBundle: await workflowBundle() },
    activiteiten: {
      prisma: db.prisma,
      verzender: {
        ...lokaleUitbus(path.join(dataDir, 'uitbus'), 'Eigen Kracht <test@kring.test>'),
        ...twilioSms({
          accountSid: ACCOUNT_SID,
          authToken: AUTH_TOKEN,
          van: VAN,
          statusCallback: `${PUBLIEK}/twilio/status`,
          apiBase: nep.url,
        }),
      },
      publicBaseUrl: PUBLIEK,
    },
  });
  try {
    const bericht = await binnen(90_000, async () =>
      db.prisma.bericht
        .findFirst({ where: { providerId: onderbroken.sid, status: 'verstuurd' } })
        .then((b) => b ?? undefined),
    );
    expect(bericht).toMatchObject({ zaakId, adres: nummer, inhoud: onderbroken.Body, pogingen: 1 });
    expect(nep.opzoekingen).toBeGreaterThanOrEqual(1);
    expect(nep.ontvangen.filter((s) => s.Body === onderbroken.Body)).toHaveLength(1);
  } finally {
    await worker.stop();
    await connection.close();
    await client.connection.close();
    await db.close();
  }
}, 180_000);
