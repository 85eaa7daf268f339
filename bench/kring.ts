// kring as production runs it: the worker and the API as separate processes
// (`node launcher/bootstrap.js worker|api`) on PostgreSQL and the bench's Temporal, mail over
// SMTP to the bench's sink. Plus the world they need (a region whose regiomanager has an
// email address and a token) and the ways the bench makes cases: POST /cases, or the
// process client as the API uses it.
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import { regioMaken, uitnodigen } from '../beheer';
import type { Wie } from '../prisma/audit';
import { termijnenVoor, type Termijnen } from '../workflows/termijnen';
import { aanvraagVastleggen, ZaakAanvraag, zaakprocesVia, type Zaakproces, type Zaakrecord } from '../zaakproces';
import { startChild, type Child } from './child';
import { freePort } from '../test/support/omgeving';
import { geldigeAanvraag } from '../test/support/zaken';
import type { Sink } from './sink';
import { waitFor } from './wait';

const BOOTSTRAP = path.join(__dirname, '..', 'launcher', 'bootstrap.js');
/** The node flags `npm run worker` starts a worker with (its heap bound), so the bench's has them too. */
const WORKER_NODE_FLAGS: string[] = require('../package.json')
  .scripts.worker.split(/\s+/)
  .filter((word: string) => word.startsWith('--'));
const BENCH: Wie = { actor: 'beheer', via: 'bench' };

export const REGION = 'Benchland';
/** The subject of a new case's email to the regiomanager (activities/berichten/nl.ts). */
export const INTAKE_SUBJECT = `Nieuwe aanvraag, regio ${REGION}`;
/** The subject of the contact escalation, for a case reference (its id's first 8 characters, upper case). */
export const escalationSubject = (zaakId: string) =>
  `Zaak ${zaakId.slice(0, 8).toUpperCase()}: nog geen contact met het gezin`;

export interface KringWorld {
  /** The regiomanager's API token: she may file requests (api/rechten.ts, zaak.aanvragen). */
  token: string;
}

/** The region and its regiomanager, made as an administrator makes them (beheer/). */
export async function makeWorld(prisma: PrismaClient): Promise<KringWorld> {
  const { account, token } = await uitnodigen(prisma, BENCH, {
    naam: 'Regiomanager Bench',
    email: 'regiomanager.bench@kring.test',
    rol: 'regiomanager',
    taal: 'nl',
    dagen: 2,
  });
  await regioMaken(prisma, BENCH, { naam: REGION, gemeenten: [], regiomanagers: [account.persoonId] });
  return { token };
}

/** A request as an API caller sends it, with addresses of its own (the tests' own, in this region). */
export const newRequest = () => geldigeAanvraag({ regio: REGION });

export interface KringSettings {
  databaseUrl: string;
  temporalAddress: string;
  smtpUrl: string;
  dataDir: string;
}

/** The environment of a kring process: ours only, whatever the caller's shell has set. */
function kringEnv(settings: KringSettings, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !/^(TEMPORAL_|TWILIO_|OTEL_|KRING_|SMTP_|MAIL_|LOG_)/.test(name) &&
        !/^(DATABASE_URL|HOST|PORT|PUBLIC_BASE_URL|TRUST_PROXY|SHUTDOWN_DELAY|BEWAARTERMIJN_DAGEN|METRICS_TOKEN|WORKER_METRICS_ADDRESS)$/.test(
          name,
        ),
    ),
  );
  return {
    ...env,
    DATABASE_URL: settings.databaseUrl,
    TEMPORAL_ADDRESS: settings.temporalAddress,
    SMTP_URL: settings.smtpUrl,
    MAIL_FROM: 'Eigen Kracht <noreply@kring.test>',
    KRING_DATA_DIR: settings.dataDir,
    // Worker and API must sign and check the same links.
    KRING_LINK_SECRET: 'bench-link-secret-bench-link-secret-0123456789',
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

export function startKringWorker(settings: KringSettings, taskQueue: string, name = 'kring worker'): Child {
  return startChild(
    name,
    [...WORKER_NODE_FLAGS, BOOTSTRAP, 'worker'],
    kringEnv(settings, { TEMPORAL_TASK_QUEUE: taskQueue }),
  );
}

export async function startKringApi(
  settings: KringSettings,
  taskQueue: string,
): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startChild(
    'kring API',
    [BOOTSTRAP, 'api'],
    kringEnv(settings, {
      TEMPORAL_TASK_QUEUE: taskQueue,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_BASE_URL: url,
    }),
  );
  await Promise.race([
    waitFor(
      'kring API',
      async () => {
        const status = await fetch(`${url}/readyz`).then(
          (res) => res.status,
          () => 0,
        );
        return { done: status === 200, status: status ? `GET /readyz answers ${status}` : 'not listening' };
      },
      { timeoutMs: 120_000, everyMs: 250 },
    ),
    child.died,
  ]);
  return { child, url };
}

/** POST /cases as an API caller makes it; anything but 201 is an error of the run. */
export async function postCase(apiUrl: string, token: string): Promise<void> {
  const res = await fetch(`${apiUrl}/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(newRequest()),
  });
  const body = await res.text();
  if (res.status !== 201) throw new Error(`POST /cases answered ${res.status}: ${body.slice(0, 500)}`);
}

/** The process client as kring's API makes it (service/kring.ts), on the bench's own connection. */
export function processClient(client: Client, taskQueue: string): Zaakproces {
  return zaakprocesVia(client, { taskQueue, termijnenVoor });
}

/**
 * Stores a request and starts its case, as POST /cases does without the HTTP. `timings`
 * gives the case other deadlines (the storm's contact deadline at one moment).
 */
export async function openCase(
  prisma: PrismaClient,
  proces: Zaakproces,
  timings?: (requestedAt: Date) => Termijnen,
): Promise<Zaakrecord> {
  const zaak = await aanvraagVastleggen(prisma, ZaakAanvraag.parse(newRequest()));
  await proces.start(zaak, timings ? { termijnen: timings(zaak.aangevraagdOp) } : undefined);
  return zaak;
}

/** Every case's contact deadline `at` (epoch ms), whenever it was requested. */
export const contactAt =
  (at: number) =>
  (requestedAt: Date): Termijnen => ({ ...termijnenVoor(false), contact: at - requestedAt.getTime() });

/** Intake emails that have arrived (one per case: to the region's one regiomanager). */
export const intakeEmails = (sink: Sink) => sink.arrivals.filter((a) => a.subject === INTAKE_SUBJECT).length;

/**
 * Waits until every case in the database has been taken in (phase past 'aanvraag') and its
 * intake email has arrived: kring's work for the cases made so far is done.
 */
export async function kringDrained(
  prisma: PrismaClient,
  sink: Sink,
  what: string,
  report?: (status: string) => void,
  stallMs = 120_000,
): Promise<void> {
  await waitFor(
    what,
    async () => {
      const [total, waiting] = await Promise.all([
        prisma.zaak.count(),
        prisma.zaak.count({ where: { fase: 'aanvraag' } }),
      ]);
      const mails = intakeEmails(sink);
      return {
        done: waiting === 0 && mails >= total,
        status: `${total - waiting} of ${total} cases taken in, ${mails} intake emails`,
        progress: total - waiting + mails,
      };
    },
    { stallMs, everyMs: 200, report },
  );
}
