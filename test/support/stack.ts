// The whole of kring for end-to-end tests: a real Temporal dev server on loopback, the
// run's database, and worker + API in this process, exactly as `npm start` composes them.
import type { TemporalConfig } from '../../config/config';
import { startDevServer, type DevServer } from '../../launcher/dev-server';
import { startKring, type RunningKring } from '../../launcher/kring';
import type { Database } from '../../prisma/database';
import type { Termijnen } from '../../workflows/termijnen';
import { freePort, temporalCliPath, workflowBundle } from './omgeving';

export interface Stack {
  api: string;
  temporal: TemporalConfig;
  devServer: DevServer;
  kring: RunningKring;
  /** Stops worker and API; the dev server stays unless `metTemporal`. */
  stop(metTemporal?: boolean): Promise<void>;
}

export async function startDevServerForTest(port: number, dbFile?: string): Promise<DevServer> {
  return startDevServer({ binary: temporalCliPath(), port, dbFile, namespace: 'default' });
}

export async function startStack(options: {
  database: Database;
  devServer?: DevServer;
  temporalPort?: number;
  dbFile?: string;
  termijnenVoor?: (noodsituatie: boolean) => Termijnen;
}): Promise<Stack> {
  const port = options.temporalPort ?? (await freePort());
  const devServer = options.devServer ?? (await startDevServerForTest(port, options.dbFile));
  const temporal: TemporalConfig = {
    address: devServer.address,
    namespace: 'default',
    taskQueue: 'kring-e2e',
    devPort: port,
    uiPort: 0,
  };
  const kring = await startKring({
    temporal,
    database: options.database,
    http: { host: '127.0.0.1', port: 0 },
    workflowCode: { workflowBundle: await workflowBundle() },
    termijnenVoor: options.termijnenVoor,
  });
  return {
    api: kring.apiUrl,
    temporal,
    devServer,
    kring,
    async stop(metTemporal = true) {
      await kring.stop();
      if (metTemporal) await devServer.stop();
    },
  };
}

/** JSON over HTTP, as an API client sends it. */
export async function vraag(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body !== undefined && { 'content-type': 'application/json' }), ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
