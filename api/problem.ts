// Errors as application/problem+json (RFC 9457), in Dutch unless the caller prefers English.
// Every error is classified here and mapped to its HTTP status in one place.
import type { ErrorRequestHandler, Request } from 'express';
import { BeheerFout } from '../beheer/fouten';
import { logboek } from '../service/logboek';
import { Geweigerd, PersoonOnbekend, ProcesNietGestart, ProcesOnbereikbaar } from '../zaakproces';

export type Taal = 'nl' | 'en';
export type Tekst = Record<Taal, string>;

export function taalVan(req: Request): Taal {
  return req.acceptsLanguages('nl', 'en') === 'en' ? 'en' : 'nl';
}

export interface Fout {
  veld: string;
  regel: string;
  melding: Tekst;
}

const SOORTEN = {
  'ongeldig-verzoek': { status: 400, titel: { nl: 'Ongeldig verzoek', en: 'Bad request' } },
  'ongeldige-json': { status: 400, titel: { nl: 'Ongeldige JSON', en: 'Malformed JSON' } },
  'ongeldige-invoer': { status: 422, titel: { nl: 'Ongeldige invoer', en: 'Invalid input' } },
  'niet-aangemeld': { status: 401, titel: { nl: 'Niet aangemeld', en: 'Not authenticated' } },
  verboden: { status: 403, titel: { nl: 'Niet toegestaan', en: 'Forbidden' } },
  'niet-gevonden': { status: 404, titel: { nl: 'Niet gevonden', en: 'Not found' } },
  methode: { status: 405, titel: { nl: 'Methode niet toegestaan', en: 'Method not allowed' } },
  conflict: { status: 409, titel: { nl: 'Niet mogelijk in deze situatie', en: 'Not possible in this situation' } },
  'te-groot': { status: 413, titel: { nl: 'Verzoek te groot', en: 'Request too large' } },
  mediatype: { status: 415, titel: { nl: 'Verkeerd mediatype', en: 'Unsupported media type' } },
  'te-vaak': { status: 429, titel: { nl: 'Te veel pogingen', en: 'Too many attempts' } },
  onbereikbaar: { status: 503, titel: { nl: 'Tijdelijk niet beschikbaar', en: 'Temporarily unavailable' } },
  intern: { status: 500, titel: { nl: 'Interne fout', en: 'Internal error' } },
} as const satisfies Record<string, { status: number; titel: Tekst }>;

export type Soort = keyof typeof SOORTEN;

export class Probleem extends Error {
  constructor(
    readonly soort: Soort,
    readonly uitleg: Tekst,
    readonly fouten: Fout[] = [],
    readonly extra: Record<string, unknown> = {},
    /** For 429 and 503: when the caller may try again (Retry-After). */
    readonly opnieuwNaSeconden?: number,
  ) {
    super(uitleg.en);
    this.name = 'Probleem';
  }

  get status(): number {
    return SOORTEN[this.soort].status;
  }
}

export const niemandGevonden = (wat: Tekst) =>
  new Probleem('niet-gevonden', { nl: `${wat.nl} bestaat niet.`, en: `${wat.en} does not exist.` });

/** body-parser's own errors, by their `type`. */
function vanBodyParser(err: { type?: string; limit?: number; status?: number }): Probleem | undefined {
  switch (err.type) {
    case 'parameters.too.many':
      return new Probleem('te-groot', {
        nl: 'Het formulier heeft te veel velden.',
        en: 'The form has too many fields.',
      });
    case 'entity.parse.failed':
      return new Probleem('ongeldige-json', {
        nl: 'De inhoud van het verzoek is geen geldige JSON.',
        en: 'The request body is not valid JSON.',
      });
    case 'entity.too.large': {
      const kB = Math.floor((err.limit ?? 0) / 1024);
      return new Probleem('te-groot', {
        nl: `Het verzoek is groter dan toegestaan (${kB} kB).`,
        en: `The request is larger than allowed (${kB} kB).`,
      });
    }
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new Probleem('mediatype', {
        nl: 'Stuur JSON in UTF-8.',
        en: 'Send JSON encoded as UTF-8.',
      });
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new Probleem('ongeldige-json', {
        nl: 'Het verzoek kwam niet volledig aan.',
        en: 'The request did not arrive completely.',
      });
    default:
      // Express's own refusals (a malformed %-escape in the address, …) are the caller's to fix.
      return err.status !== undefined && err.status >= 400 && err.status < 500
        ? new Probleem('ongeldig-verzoek', {
            nl: 'Het verzoek is niet goed gevormd.',
            en: 'The request is malformed.',
          })
        : undefined;
  }
}

/** What the case process answered, for an HTTP caller. */
function vanProces(err: unknown): Probleem | undefined {
  if (err instanceof Geweigerd) {
    return new Probleem('conflict', { nl: err.tekst('nl'), en: err.tekst('en') }, [], { code: err.code });
  }
  if (err instanceof BeheerFout) {
    const soort = (
      { ongeldig: 'ongeldige-invoer', bestaat: 'conflict', onbekend: 'niet-gevonden', conflict: 'conflict' } as const
    )[err.soort];
    const fouten =
      err.soort === 'ongeldig' && err.veld
        ? [
            {
              veld: err.veld,
              regel: 'bekend',
              melding: { nl: `${err.veld} ${err.tekst.nl}.`, en: `${err.veld} ${err.tekst.en}.` },
            },
          ]
        : [];
    const uitleg = fouten[0]?.melding ?? err.tekst;
    return new Probleem(soort, uitleg, fouten, err.soort === 'bestaat' ? { code: 'bestaat' } : {});
  }
  if (err instanceof PersoonOnbekend) {
    const melding = err.gewist
      ? {
          nl: 'Deze persoon is op verzoek of na de bewaartermijn gewist en kan niet aan een zaak worden toegevoegd; voeg de persoon opnieuw toe met naam en contactgegevens.',
          en: 'This person was erased (on request or after the retention period) and cannot join a case; add them again with name and contact details.',
        }
      : { nl: 'persoonId is geen persoon die kring kent.', en: 'persoonId is not a person kring knows.' };
    return new Probleem('ongeldige-invoer', melding, [
      { veld: 'persoonId', regel: err.gewist ? 'gewist' : 'onbekend', melding },
    ]);
  }
  if (err instanceof ProcesOnbereikbaar) {
    return new Probleem(
      'onbereikbaar',
      {
        nl: 'Het processysteem antwoordde niet op tijd; misschien is het verzoek nog niet uitgevoerd. Probeer het zo opnieuw, met dezelfde Idempotency-Key.',
        en: 'The process engine did not answer in time; the request may not have been carried out. Try again shortly, with the same Idempotency-Key.',
      },
      [],
      {},
      err.opnieuwNaSeconden,
    );
  }
  if (err instanceof ProcesNietGestart) {
    return new Probleem(
      'onbereikbaar',
      {
        nl: 'Het proces van deze zaak start zo: de aanvraag is opgeslagen. Probeer het straks opnieuw.',
        en: "This case's process starts shortly: the request is stored. Please try again in a while.",
      },
      [],
      { code: 'proces-niet-gestart' },
      err.opnieuwNaSeconden,
    );
  }
  return undefined;
}

// Prisma's codes for a database it cannot reach or that went away, and the driver's kinds.
const DATABASE_WEG = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const VERBINDING_WEG = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// PostgreSQL's own: shutting down, restarting, not yet accepting connections, connection lost.
const POSTGRES_WEG = /^(57P0[1-3]|08\d\d\d|53300)$/;

/** The database cannot be reached now (restarting, say): nothing is known to have happened. */
function databaseWeg(err: unknown): boolean {
  const e = err as {
    name?: string;
    code?: string;
    meta?: { driverAdapterError?: { cause?: { kind?: string; code?: string } } };
  };
  if (e?.name === 'PrismaClientInitializationError') return true;
  if (e?.code && DATABASE_WEG.has(e.code)) return true;
  const oorzaak = e?.meta?.driverAdapterError?.cause ?? (err as { cause?: { kind?: string; code?: string } })?.cause;
  return (
    (oorzaak?.kind !== undefined && VERBINDING_WEG.has(oorzaak.kind)) ||
    (oorzaak?.kind === 'postgres' && POSTGRES_WEG.test(oorzaak.code ?? ''))
  );
}

export function probleemVan(err: unknown): Probleem {
  if (err instanceof Probleem) return err;
  if (databaseWeg(err)) {
    return new Probleem(
      'onbereikbaar',
      {
        nl: 'De database is even niet bereikbaar. Probeer het zo opnieuw (met dezelfde Idempotency-Key).',
        en: 'The database cannot be reached right now. Please try again shortly (with the same Idempotency-Key).',
      },
      [],
      {},
      5,
    );
  }
  const vanHetProces = vanProces(err);
  if (vanHetProces) return vanHetProces;
  const fromParser = typeof err === 'object' && err !== null ? vanBodyParser(err) : undefined;
  return (
    fromParser ??
    new Probleem('intern', {
      nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
      en: 'Something went wrong on our side. Please try again later.',
    })
  );
}

export function verstuurProbleem(req: Request, res: import('express').Response, probleem: Probleem): void {
  const taal = taalVan(req);
  const soort = SOORTEN[probleem.soort];
  if (probleem.opnieuwNaSeconden !== undefined) res.set('Retry-After', String(probleem.opnieuwNaSeconden));
  res
    .status(soort.status)
    .type('application/problem+json')
    .set('Content-Language', taal)
    .json({
      type: `/problemen/${probleem.soort}`,
      title: soort.titel[taal],
      status: soort.status,
      detail: probleem.uitleg[taal],
      instance: req.originalUrl,
      ...(probleem.fouten.length > 0 && {
        fouten: probleem.fouten.map((f) => ({ veld: f.veld, regel: f.regel, melding: f.melding[taal] })),
      }),
      ...probleem.extra,
    });
}

/** The last middleware: classifies, logs what is ours to fix, never sends a stack trace. */
export const foutafhandeling: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const probleem = probleemVan(err);
  if (probleem.status >= 500) {
    // pino-http's line for this request carries method, path (keys left out) and status.
    (req.log ?? logboek).error({ err }, 'verzoek mislukt');
  }
  verstuurProbleem(req, res, probleem);
};
