// The whole of kring for end-to-end tests: a real Temporal dev server on loopback, the
// run's database, and worker + API in this process, exactly as `npm start` composes them.
import type { TemporalConfig } from '../../config/config';
import { startDevServer, type DevServer } from '../../launcher/dev-server';
import { startKring, type KringOptions, type RunningKring } from '../../service/kring';
import type { Database } from '../../prisma/database';
import type { Termijnen } from '../../workflows/termijnen';
import { freePort, tempDir, temporalCliPath, workflowBundle } from './omgeving';

export interface Stack {
  api: string;
  /** The local outbox messages go to (no SMTP or Twilio here). */
  uitbus: string;
  temporal: TemporalConfig;
  kring: RunningKring;
  /** Stops API, worker and the dev server (the database stays open). */
  stop(): Promise<void>;
}

export async function startStack(options: {
  database: Database;
  temporalPort?: number;
  /** The dev server's SQLite file; absent: in memory. */
  dbFile?: string;
  termijnenVoor?: (noodsituatie: boolean) => Termijnen;
  linkGeheim?: Buffer;
  /** Serves GET /metrics for this bearer token (METRICS_TOKEN). */
  metricsToken?: string;
  /** Express's `trust proxy` (TRUST_PROXY). */
  vertrouwdeProxy?: KringOptions['vertrouwdeProxy'];
  /** Makes the daily retention sweep's Schedule, as `npm start` does. */
  bewaarschema?: boolean;
}): Promise<Stack> {
  const port = options.temporalPort ?? (await freePort());
  const devServer: DevServer = await startDevServer({
    binary: temporalCliPath(),
    port,
    dbFile: options.dbFile,
    namespace: 'default',
  });
  const temporal: TemporalConfig = {
    address: devServer.address,
    namespace: 'default',
    taskQueue: 'kring-e2e',
    devPort: port,
    uiPort: 0,
  };
  const uitbus = tempDir('uitbus');
  const kring = await startKring({
    temporal,
    database: options.database,
    http: { host: '127.0.0.1', port: 0 },
    workflowCode: { workflowBundle: await workflowBundle() },
    termijnenVoor: options.termijnenVoor,
    linkGeheim: options.linkGeheim,
    berichten: { publicBaseUrl: 'http://kring.test', kanalen: { uitbus, van: 'Eigen Kracht <test@kring.test>' } },
    metricsToken: options.metricsToken,
    vertrouwdeProxy: options.vertrouwdeProxy,
    bewaarschema: options.bewaarschema,
  }).catch(async (err) => {
    await devServer.stop();
    throw err;
  });
  return {
    api: kring.apiUrl!,
    uitbus,
    temporal,
    kring,
    async stop() {
      await kring.stop();
      await devServer.stop();
    },
  };
}

/** JSON over HTTP, as an API client sends it. */
let standaardToken: string | undefined;

/** The bearer token `vraag` sends when a call names none (a test file's main account). */
export function gebruikToken(token: string | undefined): void {
  standaardToken = token;
}

export async function vraag(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string | null } = {},
) {
  const token = init.token === null ? undefined : (init.token ?? standaardToken);
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Polls `check` until it returns a value, at most `ms` long. */
export async function binnen<T>(ms: number, check: () => Promise<T | undefined>): Promise<T> {
  const einde = Date.now() + ms;
  for (;;) {
    const waarde = await check();
    if (waarde !== undefined) return waarde;
    if (Date.now() > einde) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The case as GET shows it once its workflow answers and has taken the request in (a fresh
 * worker may take a moment).
 */
export function liveZaak(api: string, id: string, token?: string) {
  return binnen(30_000, async () => {
    const { body } = await vraag(`${api}/cases/${id}`, { token });
    return body.live && body.fase !== 'aanvraag' ? body : undefined;
  });
}
