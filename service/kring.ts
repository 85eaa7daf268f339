// kring's processes, composed from their parts: `npm start` runs worker and API together in
// one process; `npm run worker` and `npm run api` run one each. Tests start them the same way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { startApi } from '../api/server';
import { verzender, type Kanaalinstellingen } from '../activities/verzenders';
import type { Config, TemporalConfig } from '../config/config';
import { temporalConnectionOptions } from '../config/temporal';
import type { Database } from '../prisma/database';
import { termijnenVoor as standaardTermijnen, type Termijnen } from '../workflows/termijnen';
import { bewaarschemaInstellen } from '../worker/bewaarschema';
import { logboek } from './logboek';
import { runWorker, type RunningWorker, type WorkflowCode } from '../worker/worker';
import { clientInterceptors } from './sporen';
import { startHerstel, zaakprocesVia, type Zaakproces } from '../zaakproces';

export interface KringOptions {
  temporal: TemporalConfig;
  database: Database;
  /** How messages leave, and where staff open a case (links in messages, Twilio's callback). */
  berichten: { kanalen: Kanaalinstellingen; publicBaseUrl: string };
  /** Where the API listens; absent: no API in this process. */
  http?: { host: string; port: number };
  /** false: no worker in this process. */
  worker?: boolean;
  workflowCode?: WorkflowCode;
  /** For tests and demos that need deadlines of seconds rather than days. */
  termijnenVoor?: (noodsituatie: boolean) => Termijnen;
  /** The key that signs one-click links; absent: no links. */
  linkGeheim?: Buffer;
  /** The bearer token for GET /metrics (METRICS_TOKEN); absent: no /metrics. */
  metricsToken?: string;
  /** Express's `trust proxy` (TRUST_PROXY). */
  vertrouwdeProxy?: number | string | false;
  /** Days a closed case is kept (BEWAARTERMIJN_DAGEN); absent: the default. */
  bewaartermijnDagen?: number;
  /** With a worker: make the daily retention sweep's Schedule (not on the time-skipping test server). */
  bewaarschema?: boolean;
}

export interface RunningKring {
  apiUrl?: string;
  worker?: RunningWorker;
  /** The process client the API uses (with the API only). */
  proces?: Zaakproces;
  /** The API says it is not ready (/readyz 503) and keeps serving: the first step of a stop. */
  nietGereed(): void;
  /** API first (no new commands), then the worker, then the connections. */
  stop(): Promise<void>;
}

export async function startKring(options: KringOptions): Promise<RunningKring> {
  const connectionOptions = temporalConnectionOptions(options.temporal);
  const { prisma } = options.database;
  const cleanup: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  };
  try {
    const running: RunningKring = { stop, nietGereed: () => undefined };
    if (options.worker !== false) {
      const workerConnection = await NativeConnection.connect(connectionOptions);
      cleanup.push(() => workerConnection.close());
      running.worker = await runWorker({
        temporal: options.temporal,
        activiteiten: {
          prisma,
          verzender: verzender(options.berichten.kanalen),
          publicBaseUrl: options.berichten.publicBaseUrl,
          linkGeheim: options.linkGeheim,
          afzender: options.berichten.kanalen.smtp?.from ?? options.berichten.kanalen.van,
          bewaartermijnDagen: options.bewaartermijnDagen,
        },
        connection: workerConnection,
        workflowCode: options.workflowCode,
      });
      cleanup.push(() => running.worker!.stop());
      if (options.bewaarschema) {
        // Cases go on without it: a worker that cannot set the sweep's schedule says so and works.
        await bewaarschemaInstellen(workerConnection, options.temporal).catch((err: Error) =>
          logboek.error({ err }, 'het dagelijkse bewaarschema kon niet worden ingesteld; de bewaartermijn loopt niet'),
        );
      }
    }
    if (options.http) {
      const clientConnection = await Connection.connect(connectionOptions);
      cleanup.push(() => clientConnection.close());
      const temporal = new Client({
        connection: clientConnection,
        namespace: options.temporal.namespace,
        // With tracing on: the request's trace goes along into the workflow.
        interceptors: clientInterceptors(),
      });
      const proces = zaakprocesVia(temporal, {
        taskQueue: options.temporal.taskQueue,
        termijnenVoor: options.termijnenVoor ?? standaardTermijnen,
      });
      running.proces = proces;
      const herstel = startHerstel(prisma, proces);
      cleanup.push(async () => herstel.stop());
      const { kanalen, publicBaseUrl } = options.berichten;
      const api = await startApi(
        {
          prisma,
          proces,
          databaseBereikbaar: () => options.database.ping(),
          twilio: kanalen.twilio && { authToken: kanalen.twilio.authToken, publicBaseUrl },
          links: options.linkGeheim && { geheim: options.linkGeheim, publicBaseUrl },
          uitnodigingen: { verzender: verzender(kanalen), apiUrl: publicBaseUrl },
          metrieken: options.metricsToken ? { token: options.metricsToken, herstel } : undefined,
          vertrouwdeProxy: options.vertrouwdeProxy,
          bewaartermijnDagen: options.bewaartermijnDagen,
        },
        options.http,
      );
      cleanup.push(() => api.stop());
      running.nietGereed = () => api.nietGereed();
      running.apiUrl = api.url;
    }
    return running;
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The key for one-click links: configured, or made once and kept with the data. */
export function linkGeheim(config: Config): Buffer {
  if (config.linkSecret) return Buffer.from(config.linkSecret);
  const bestand = path.join(config.dataDir, 'link-geheim');
  if (!fs.existsSync(bestand)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    // 'wx': when two processes start at once, the first one's key stays.
    try {
      fs.writeFileSync(bestand, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return Buffer.from(fs.readFileSync(bestand, 'utf8').trim());
}

/** The message channels and links as the configuration has them. */
export function berichtinstellingen(config: Config): KringOptions['berichten'] {
  const { publicBaseUrl } = config.http;
  return {
    publicBaseUrl,
    kanalen: {
      uitbus: config.uitbus,
      van: config.mailFrom,
      smtp: config.smtp,
      twilio: config.twilio && {
        accountSid: config.twilio.accountSid,
        authToken: config.twilio.authToken,
        van: config.twilio.from,
        statusCallback: `${publicBaseUrl}/twilio/status`,
        apiBase: config.twilio.apiBase,
      },
    },
  };
}
