// Prometheus metrics of an API process (GET /metrics, behind METRICS_TOKEN): its HTTP
// requests, the commands the case process took or refused, the sweep; and, read from the
// database at each scrape, what is the same whichever API process is asked (messages,
// deadlines and escalations, open cases). Labels carry route patterns, command names, codes,
// phases and channels only: never an id, a token or anything of a person.
import crypto from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { Berichtstatus, Fase, Kanaal, Prisma, type PrismaClient } from '@prisma/client';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { Geweigerd, ProcesNietGestart, ProcesOnbereikbaar, type Herstel, type Zaakproces } from '../zaakproces';
import { logboek } from './logboek';

export interface Metrieken {
  register: Registry;
  /** Early middleware: each request counted and timed by its route pattern once answered. */
  verzoeken: RequestHandler;
  /** The process client, counting every command's outcome (API, staff screens and link pages alike). */
  geteld(proces: Zaakproces): Zaakproces;
  /** Whether the request carries the metrics token (compared in constant time). */
  toegelaten(req: Request, token: string): boolean;
}

export function maakMetrieken({ prisma, herstel }: { prisma: PrismaClient; herstel?: Pick<Herstel, 'tellingen'> }) {
  // Per app, not prom-client's global registry: tests run several apps in one process.
  const register = new Registry();
  collectDefaultMetrics({ register });
  const registers = [register];

  const verzoekenTotaal = new Counter({
    name: 'kring_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    registers,
  });
  const verzoekduur = new Histogram({
    name: 'kring_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
    // Up to the process's 15 s command wait and the server's 30 s request timeout.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers,
  });
  const opdrachten = new Counter({
    name: 'kring_opdrachten_total',
    help: 'Commands given to the case process, by name and outcome (aanvaard, geweigerd, onbeantwoord, fout) with the reason code.',
    labelNames: ['opdracht', 'uitkomst', 'reden'],
    registers,
  });
  const databasefouten = new Counter({
    name: 'kring_metrieken_databasefouten_total',
    help: 'Scrapes in which a figure from the database could not be read (that figure is then left out).',
    registers,
  });

  /** A figure read from the database at scrape time; left out (and counted) when the database does not answer. */
  function uitDatabase(
    name: string,
    help: string,
    labelNames: string[],
    lees: () => Promise<Array<[Record<string, string>, number]>>,
  ) {
    new Gauge({
      name,
      help,
      labelNames,
      registers,
      async collect() {
        const rijen = await lees().catch((err: unknown) => {
          databasefouten.inc();
          logboek.warn({ err, metriek: name }, 'metriek niet gelezen');
          return undefined;
        });
        this.reset();
        for (const [labels, waarde] of rijen ?? []) this.set(labels, waarde);
      },
    });
  }

  const openFasen = Object.values(Fase).filter((f) => f !== 'afgesloten');
  uitDatabase('kring_zaken_open', 'Open cases by phase.', ['fase'], async () => {
    const rijen = await prisma.zaak.groupBy({
      by: ['fase'],
      where: { fase: { in: openFasen } },
      _count: { _all: true },
    });
    // Every phase, zero included, so a phase that empties shows 0 rather than vanishing.
    return openFasen.map((fase) => [{ fase }, rijen.find((r) => r.fase === fase)?._count._all ?? 0]);
  });
  uitDatabase(
    'kring_berichten',
    'Messages by channel and status (the outbox, all time).',
    ['kanaal', 'status'],
    async () => {
      const rijen = await prisma.bericht.groupBy({ by: ['kanaal', 'status'], _count: { _all: true } });
      return Object.values(Kanaal).flatMap((kanaal) =>
        Object.values(Berichtstatus).map((status): [Record<string, string>, number] => [
          { kanaal, status },
          rijen.find((r) => r.kanaal === kanaal && r.status === status)?._count._all ?? 0,
        ]),
      );
    },
  );
  // The process records each deadline that fires as an event: a reminder when a deadline
  // comes due, an escalation to staff when it passed unmet (workflows/intake.ts, voorbereiding.ts, uitvoering.ts).
  const termijnen = (soort: 'escalatie' | 'herinnering') => async () => {
    const rijen = await prisma.$queryRaw<Array<{ termijn: string | null; aantal: number }>>(
      Prisma.sql`SELECT "details"->>'termijn' AS "termijn", count(*)::int AS "aantal"
                 FROM "gebeurtenis" WHERE "soort" = ${soort} GROUP BY 1`,
    );
    return rijen.map(({ termijn, aantal }): [Record<string, string>, number] => [
      { termijn: woord(termijn) },
      Number(aantal),
    ]);
  };
  uitDatabase(
    'kring_escalaties',
    'Escalations fired (a deadline passed unmet), by deadline, all time.',
    ['termijn'],
    termijnen('escalatie'),
  );
  uitDatabase(
    'kring_herinneringen',
    'Deadline reminders fired, by deadline, all time.',
    ['termijn'],
    termijnen('herinnering'),
  );
  uitDatabase(
    'kring_termijnen_verlopen',
    'Open cases whose running deadline has passed now, by deadline.',
    ['termijn'],
    async () => {
      const rijen = await prisma.zaak.groupBy({
        by: ['termijnSoort'],
        where: { fase: { in: openFasen }, termijnOp: { lt: new Date() } },
        _count: { _all: true },
      });
      return rijen.map((r): [Record<string, string>, number] => [{ termijn: woord(r.termijnSoort) }, r._count._all]);
    },
  );

  // The sweep runs in this process beside the API (zaakproces/herstel.ts); it keeps its own tally.
  const herstelteller = (name: string, help: string, wat: 'rondes' | 'gestart') =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        this.reset();
        this.inc(herstel?.tellingen()[wat] ?? 0);
      },
    });
  herstelteller('kring_herstel_rondes_total', 'Sweeps run for requests stored while Temporal was away.', 'rondes');
  herstelteller('kring_herstel_zaken_total', 'Cases whose workflow the sweep started.', 'gestart');

  const verzoeken: RequestHandler = (req, res, next) => {
    const begin = process.hrtime.bigint();
    res.on('finish', () => {
      const labels = { method: req.method, route: req.routePatroon ?? 'onbekend', status: String(res.statusCode) };
      verzoekenTotaal.inc(labels);
      verzoekduur.observe(labels, Number(process.hrtime.bigint() - begin) / 1e9);
    });
    next();
  };

  function geteld(proces: Zaakproces): Zaakproces {
    return {
      start: (...a) => proces.start(...a),
      status: (...a) => proces.status(...a),
      nietBezorgd: (...a) => proces.nietBezorgd(...a),
      regiomanagersGewijzigd: (...a) => proces.regiomanagersGewijzigd(...a),
      bereikbaar: () => proces.bereikbaar(),
      async opdracht(zaakId, naam, arg, opdrachtId) {
        try {
          const resultaat = await proces.opdracht(zaakId, naam, arg, opdrachtId);
          opdrachten.inc({ opdracht: naam, uitkomst: 'aanvaard', reden: '' });
          return resultaat;
        } catch (err) {
          opdrachten.inc({ opdracht: naam, ...uitkomstVan(err) });
          throw err;
        }
      },
    };
  }

  return { register, verzoeken, geteld, toegelaten } satisfies Metrieken;
}

/** The outcome of a command that did not go through, by the code its problem answer carries. */
function uitkomstVan(err: unknown): { uitkomst: string; reden: string } {
  if (err instanceof Geweigerd) return { uitkomst: 'geweigerd', reden: woord(err.code) };
  if (err instanceof ProcesNietGestart) return { uitkomst: 'onbeantwoord', reden: 'proces-niet-gestart' };
  if (err instanceof ProcesOnbereikbaar) return { uitkomst: 'onbeantwoord', reden: 'onbereikbaar' };
  return { uitkomst: 'fout', reden: 'intern' };
}

function toegelaten(req: Request, token: string): boolean {
  const gegeven = /^Bearer (\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
  // Hashed first, so the comparison takes as long whatever the length of what was sent.
  const hash = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(hash(gegeven), hash(token)) && gegeven.length > 0;
}

/** A code or a deadline's name from the process; anything else is not a label. */
function woord(waarde: string | null | undefined): string {
  return waarde && /^[a-z][a-z0-9.-]{0,47}$/.test(waarde) ? waarde : 'overig';
}
