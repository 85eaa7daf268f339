// Structured logs: one JSON line per event (pino), readable in a terminal under `npm start`.
// Only ids go in: a name, phone number, email address, token or free text never does. What
// could carry one is left out by the serializers below or censored by pino's redaction.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DefaultLogger, type LogLevel } from '@temporalio/worker';
import pino, { type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import pretty from 'pino-pretty';

export type Logvorm = 'json' | 'leesbaar';
export type Logniveau = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';

/**
 * Keys whose values may be personal, at any of the first levels of a log object. Logging
 * code passes ids; this is the net under it (pino-redact has no deep wildcard).
 */
const PERSOONLIJK = [
  'naam',
  'voornaam',
  'email',
  'telefoon',
  'nummer',
  'adres',
  'token',
  'tekst',
  'vraag',
  'zorgen',
  'opmerking',
  'notitie',
  'reden',
  'wie',
  'wat',
  'aanwezigen',
  'organisatie',
  'relatie',
  'geslacht',
  'achtergronden',
  'body',
  'inhoud',
  'onderwerp',
  'plaats',
  'agenda',
  'name',
  'phone',
  'note',
  'text',
  'reason',
  'authorization',
  'cookie',
];
const VERBORGEN = [
  ...PERSOONLIJK,
  ...PERSOONLIJK.map((k) => `*.${k}`),
  ...PERSOONLIJK.map((k) => `*.*.${k}`),
  'req.headers',
  'res.headers',
];

/** The process's logger; entry points set it up once with `logboekInstellen`. */
export let logboek: Logger = maakLogboek({ vorm: 'json', niveau: standaardNiveau() });

export function logboekInstellen(opties: { vorm: Logvorm; niveau?: Logniveau }): Logger {
  logboek = maakLogboek({ ...opties, niveau: opties.niveau ?? standaardNiveau() });
  return logboek;
}

export function maakLogboek(opties: { vorm: Logvorm; niveau: Logniveau; bestemming?: DestinationStream }): Logger {
  const bestemming =
    opties.bestemming ??
    (opties.vorm === 'leesbaar'
      ? pretty({
          sync: true,
          colorize: Boolean(process.stdout.isTTY),
          // One line per event; a request's message already says method, path and status.
          singleLine: true,
          ignore: 'pid,hostname,req,res,bron,sdkComponent',
          translateTime: 'SYS:HH:MM:ss',
        })
      : pino.destination({ sync: true }));
  return pino(
    {
      level: opties.niveau,
      base: { pid: process.pid },
      redact: { paths: VERBORGEN, censor: '[verborgen]' },
      serializers: { err: foutZonderGegevens, error: foutZonderGegevens },
    },
    bestemming,
  );
}

function standaardNiveau(): Logniveau {
  const gegeven = process.env.LOG_LEVEL;
  if (gegeven && ['trace', 'debug', 'info', 'warn', 'error', 'silent'].includes(gegeven)) return gegeven as Logniveau;
  // Tests read their own output; a run's logs are asked for with LOG_LEVEL.
  return process.env.JEST_WORKER_ID ? 'silent' : 'info';
}

/** kring's own errors, whose messages are written to hold ids and reasons only. */
const EIGEN_MELDINGEN = new Set(['Probleem', 'Geweigerd', 'ProcesNietGestart', 'ProcesOnbereikbaar', 'ConfigError']);

/**
 * An error as a log may hold it: its kind, code and where it was thrown. Other libraries'
 * messages may quote data (Prisma's the query's values, a mail server's the address), so only
 * kring's own keep their message.
 */
export function foutZonderGegevens(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const soort = err.constructor?.name ?? err.name;
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .filter((regel) => /^\s+at /.test(regel))
    .join('\n');
  return {
    type: soort,
    ...(EIGEN_MELDINGEN.has(soort) && { message: err.message }),
    ...((typeof code === 'string' || typeof code === 'number') && { code }),
    ...(frames && { stack: frames }),
    ...(err.cause !== undefined && { cause: foutZonderGegevens(err.cause) }),
  };
}

// ---- HTTP requests ----------------------------------------------------------------------

/** A path as a log may hold it: the key in a link's address left out, and no query string. */
export function padZonderSleutels(url: string): string {
  return url
    .replace(/[?#].*$/, '')
    .replace(/^\/+(l|aanmelden)\/+[^/]+/i, '/$1/…')
    .slice(0, 200);
}

function wieEnWaar(req: IncomingMessage & { gebruiker?: { id: string } }) {
  return {
    route: req.routePatroon,
    accountId: req.gebruiker?.id,
    zaakId: req.zaakId ?? ZAAK_IN_PAD.exec(padZonderSleutels(volledigPad(req)))?.[1],
  };
}

/** Express's routers shorten `url` to their own part; `originalUrl` is the whole. */
function volledigPad(req: IncomingMessage): string {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
}

const ZAAK_IN_PAD = /^\/(?:cases|zaken)\/([0-9a-f-]{36})(?:\/|$)/;

declare module 'http' {
  interface IncomingMessage {
    /** Set by routes that know the case without it being in the path (link pages). */
    zaakId?: string;
  }
}

/** One line per request: id, method, path, status, duration, account and case; nothing else. */
export function verzoeklog(logger: Logger = logboek): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const gegeven = req.headers['x-request-id'];
      const id = typeof gegeven === 'string' && /^[\w.:-]{1,64}$/.test(gegeven) ? gegeven : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Load balancers ask these every few seconds; style sheets are not events.
    autoLogging: { ignore: (req) => /^\/(healthz|readyz|metrics|stijl\/)/.test(req.url ?? '') },
    serializers: {
      req: (req: IncomingMessage & { id: unknown }) => ({
        id: req.id,
        method: req.method,
        path: padZonderSleutels(volledigPad(req)),
      }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    wrapSerializers: false,
    // Known once the request is answered: who it was, which route and case.
    customSuccessObject: (req, _res, waarde: object) => ({ ...waarde, ...wieEnWaar(req) }),
    customErrorObject: (req, _res, _err, waarde: object) => ({ ...waarde, ...wieEnWaar(req) }),
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode === 429 ? 'warn' : 'info',
    customSuccessMessage: (req, res) => `${req.method} ${padZonderSleutels(volledigPad(req))} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${padZonderSleutels(volledigPad(req))} ${res.statusCode}`,
    customAttributeKeys: { responseTime: 'ms' },
  });
}

// ---- Temporal ---------------------------------------------------------------------------

/** At TRACE the SDK logs whole activations, payloads included: DEBUG is as far as it goes. */
const SDK_NIVEAU: Record<Logniveau, LogLevel> = {
  trace: 'DEBUG',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  silent: 'ERROR',
};

/**
 * The Temporal SDK's logger (worker, activities, and workflows' `wf.log` through its sink)
 * on this logger. The SDK adds workflow id, run id and activity type as meta.
 */
export function temporalLogger(tenminste?: LogLevel): DefaultLogger {
  const niveau = tenminste ?? SDK_NIVEAU[logboek.level as Logniveau] ?? 'INFO';
  return new DefaultLogger(niveau, ({ level, message, meta }) => {
    const { error, failure: _failure, ...rest } = (meta ?? {}) as Record<string, unknown>;
    const methode = level === 'TRACE' ? 'trace' : (level.toLowerCase() as Lowercase<Exclude<LogLevel, 'TRACE'>>);
    logboek[methode]({ bron: 'temporal', ...rest, ...(error !== undefined && { err: error }) }, message);
  });
}
