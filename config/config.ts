// Configuration is read once at start-up from the environment and validated here; a
// wrong value stops the process with the variable's name, never halfway through a case.
import {
  KORTSTE_BEWAARTERMIJN_DAGEN,
  LANGSTE_BEWAARTERMIJN_DAGEN,
  STANDAARD_BEWAARTERMIJN_DAGEN,
} from './bewaartermijn';
import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const optionalText = z.string().trim().min(1).optional();

const EnvSchema = z.object({
  KRING_DATA_DIR: z.string().trim().min(1).default('.data'),

  // Absent: `npm start` runs a Temporal dev server on TEMPORAL_DEV_PORT; the separate
  // worker and API processes expect one there.
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port, e.g. my-ns.a1b2c.tmprl.cloud:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().trim().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1).default('kring-zaken'),
  TEMPORAL_API_KEY: optionalText,
  TEMPORAL_TLS: flag.optional(),
  TEMPORAL_TLS_CERT: optionalText,
  TEMPORAL_TLS_KEY: optionalText,
  TEMPORAL_TLS_CA: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),

  // How many cases a worker keeps in memory between their steps (about 2 MiB each).
  // Absent: worker/worker.ts's default.
  WORKER_CACHED_CASES: z.coerce.number().int().min(2).max(100_000).optional(),

  // Absent: the embedded PGlite database under KRING_DATA_DIR.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'expected postgresql://user:password@host:5432/database')
    .optional(),

  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port.default(3000),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),

  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, 'expected smtp://user:password@host:587 or smtps://…')
    .optional(),
  MAIL_FROM: optionalText,
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'expected AC followed by 32 hex digits')
    .optional(),
  TWILIO_AUTH_TOKEN: optionalText,
  TWILIO_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  TWILIO_FROM: z
    .string()
    .regex(/^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/, 'expected a +E.164 number or a Messaging Service SID')
    .optional(),

  // Signs one-click links. Absent: a key kept in KRING_DATA_DIR (set it when several API
  // processes must honour each other's links).
  KRING_LINK_SECRET: z.string().min(32, 'at least 32 characters').optional(),

  // Logs: JSON lines by default, readable text under `npm start` (LOG_FORMAT overrides both).
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'leesbaar']).optional(),

  // The proxies in front of the API whose X-Forwarded-For is believed: a number of hops, or
  // their addresses/subnets (e.g. "loopback, 10.0.0.0/8"). Absent: none (the peer's address).
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(\d{1,2}|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/,
      'expected a number of proxies, or addresses/subnets such as "loopback, 10.0.0.0/8"',
    )
    .refine((v) => v.toLowerCase() !== 'true', 'trusting every proxy lets any caller choose its own address; name them')
    .refine(
      (v) => /^\d+$/.test(v) || v === 'false' || proxyAdressenKloppen(v),
      'expected a number of proxies, or addresses/subnets such as "loopback, 10.0.0.0/8"',
    )
    .optional(),

  // On SIGTERM the API says "not ready" (/readyz 503) this many seconds before it stops taking
  // connections, so that a load balancer has stopped sending; set it to the balancer's interval.
  SHUTDOWN_DELAY: z.coerce.number().int().min(0).max(120).default(0),

  // Days a closed case is kept before it is anonymised (AVG: no longer than needed), unless its
  // region sets its own. Set it from the deployment's agreement with the funding municipalities.
  BEWAARTERMIJN_DAGEN: z.coerce
    .number()
    .int()
    .min(KORTSTE_BEWAARTERMIJN_DAGEN)
    .max(LANGSTE_BEWAARTERMIJN_DAGEN)
    .default(STANDAARD_BEWAARTERMIJN_DAGEN),

  // The worker's Temporal SDK metrics for Prometheus at host:port. Absent: not served.
  WORKER_METRICS_ADDRESS: z
    .string()
    .regex(/^[^\s:/]+:\d{1,5}$/, 'expected host:port, e.g. 0.0.0.0:9464')
    .optional(),

  // The bearer token Prometheus sends for GET /metrics. Absent: the API serves no /metrics.
  METRICS_TOKEN: z
    .string()
    .regex(/^\S{16,}$/, 'at least 16 characters, no spaces')
    .optional(),

  // Traces go to this OpenTelemetry collector (OTLP over HTTP; the generic endpoint gets
  // /v1/traces, the traces endpoint is used as is). Absent both: no traces.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().trim().min(1).default('kring'),
});

type Env = z.infer<typeof EnvSchema>;

/** Whether express (proxy-addr) takes these as the proxies to trust, as it will at start. */
function proxyAdressenKloppen(lijst: string): boolean {
  // express's own dependency; required here so a wrong value stops start-up with its name.
  const proxyAddr = require('proxy-addr') as { compile(v: string[]): unknown };
  try {
    proxyAddr.compile(lijst.split(',').map((s) => s.trim()));
    return true;
  } catch {
    return false;
  }
}

const GEHEIM = /(TOKEN|SECRET|KEY|PASSWORD)$|^(DATABASE|SMTP)_URL$/;

/** Settings that must be given together, or not at all. */
const TOGETHER: Array<Array<keyof Env>> = [
  ['TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_KEY'],
  ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'],
];

export interface TemporalConfig {
  /** host:port, or undefined when the launcher is to run a dev server. */
  address: string | undefined;
  namespace: string;
  taskQueue: string;
  apiKey?: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string; serverName?: string };
  devPort: number;
  uiPort: number;
  /** The worker's workflow cache (maxCachedWorkflows); absent: worker/worker.ts's default. */
  cachedCases?: number;
}

export interface Config {
  dataDir: string;
  temporal: TemporalConfig;
  /** undefined: embedded PGlite in `${dataDir}/pglite`. */
  databaseUrl: string | undefined;
  http: { host: string; port: number; publicBaseUrl: string };
  /** Without SMTP or Twilio settings, messages go to this local outbox instead. */
  uitbus: string;
  mailFrom: string;
  smtp?: { url: string; from: string };
  twilio?: { accountSid: string; authToken: string; from: string; apiBase?: string };
  linkSecret?: string;
  log: { niveau: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent'; vorm?: 'json' | 'leesbaar' };
  /** Express's `trust proxy` (TRUST_PROXY); false: the connection's own address counts. */
  vertrouwdeProxy: number | string | false;
  /** Seconds between "not ready" and closing the API on SIGTERM. */
  stopVertragingSeconden: number;
  /** Where the worker serves the Temporal SDK's Prometheus metrics; absent: nowhere. */
  workerMetricsAddress?: string;
  /** The bearer token for GET /metrics; absent: no /metrics. */
  metricsToken?: string;
  /** Where traces go (OTLP over HTTP) and the service they are from; absent: no traces. */
  sporen?: { url: string; serviceName: string };
  /** Days a closed case is kept before the daily sweep anonymises it (a region may set its own). */
  bewaartermijnDagen: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as it does in most shells' `VAR= cmd`.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        // A secret's value is not repeated where the terminal (or a log collector) shows it.
        const gegeven = GEHEIM.test(name) ? '(niet getoond)' : JSON.stringify(given[name] ?? '');
        return `${name}: ${issue.message} (got ${gegeven})`;
      }),
    );
  }
  const e = parsed.data;
  const problems = TOGETHER.flatMap((names) => {
    const set = names.filter((n) => e[n] !== undefined);
    return set.length > 0 && set.length < names.length
      ? [`${names.join(', ')}: set all of these or none (missing ${names.filter((n) => !set.includes(n)).join(', ')})`]
      : [];
  });
  if (problems.length > 0) throw new ConfigError(problems);

  const useTls = e.TEMPORAL_TLS ?? Boolean(e.TEMPORAL_API_KEY || e.TEMPORAL_TLS_CERT || e.TEMPORAL_TLS_CA);
  return {
    dataDir: path.resolve(e.KRING_DATA_DIR),
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      apiKey: e.TEMPORAL_API_KEY,
      tls: useTls
        ? {
            certPath: e.TEMPORAL_TLS_CERT,
            keyPath: e.TEMPORAL_TLS_KEY,
            caPath: e.TEMPORAL_TLS_CA,
            serverName: e.TEMPORAL_TLS_SERVER_NAME,
          }
        : undefined,
      devPort: e.TEMPORAL_DEV_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      cachedCases: e.WORKER_CACHED_CASES,
    },
    databaseUrl: e.DATABASE_URL,
    http: {
      host: e.HOST,
      port: e.PORT,
      publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`,
    },
    uitbus: path.join(path.resolve(e.KRING_DATA_DIR), 'uitbus'),
    mailFrom: e.MAIL_FROM ?? 'Eigen Kracht <noreply@localhost>',
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM ?? 'Eigen Kracht <noreply@localhost>' } : undefined,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
        ? {
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            from: e.TWILIO_FROM,
            apiBase: e.TWILIO_API_BASE,
          }
        : undefined,
    linkSecret: e.KRING_LINK_SECRET,
    log: { niveau: e.LOG_LEVEL, vorm: e.LOG_FORMAT },
    vertrouwdeProxy:
      e.TRUST_PROXY === undefined || e.TRUST_PROXY === 'false'
        ? false
        : /^\d+$/.test(e.TRUST_PROXY)
          ? Number(e.TRUST_PROXY)
          : e.TRUST_PROXY,
    workerMetricsAddress: e.WORKER_METRICS_ADDRESS,
    stopVertragingSeconden: e.SHUTDOWN_DELAY,
    metricsToken: e.METRICS_TOKEN,
    sporen: sporenVan(e),
    bewaartermijnDagen: e.BEWAARTERMIJN_DAGEN,
  };
}

/** The traces endpoint as OpenTelemetry's exporters read these variables. */
function sporenVan(e: Env): Config['sporen'] {
  const url =
    e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    (e.OTEL_EXPORTER_OTLP_ENDPOINT && `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`);
  return url ? { url, serviceName: e.OTEL_SERVICE_NAME } : undefined;
}

/** For entry points: load, or print what is wrong and exit. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
}
