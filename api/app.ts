// The HTTP API: a thin layer over the case records and the case workflow.
import crypto from 'node:crypto';
import express from 'express';
import helmet from 'helmet';
import type { PrismaClient } from '@prisma/client';
import { beheerRouter, type BeheerDeps } from './beheer';
import { bewaarplichtRouter } from './bewaarplicht';
import { dossierRouter } from './dossier';
import { inzageRouter } from './inzage';
import { persoonsrechtenRouter } from './persoonsrechten';
import { linkbeheerRouter } from './links';
import { docsPagina, openapiDocument } from './openapi';
import { foutafhandeling, niemandGevonden, Probleem } from './problem';
import { rapportageRouter } from './rapportage';
import type { Herstel, Zaakproces } from '../zaakproces';
import { aanmelding } from './toegang';
import { geenNulTekens } from './validatie';
import { twilioRouter } from './twilio';
import { zaakopdrachtenRouter } from './zaakopdrachten';
import { zakenRouter } from './zaken';
import { schermenRouter } from '../schermen';
import { linkpaginasRouter } from '../schermen/linkpaginas';
import { maakMetrieken } from '../service/metrieken';
import { verzoeklog } from '../service/logboek';
import { routeVolgen } from './routepatroon';
import { verzoekspoor } from '../service/sporen';

export interface ApiDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
  /** true when the database answers; used by /readyz. */
  databaseBereikbaar: () => Promise<boolean>;
  /** One-click links: the key that signs them, and the address they start with. */
  links?: { geheim: Buffer; publicBaseUrl: string };
  /** How account invitations leave; absent: the token comes back in the answer. */
  uitnodigingen?: BeheerDeps['uitnodigingen'];
  /** With Twilio configured: its delivery reports and incoming SMS (STOP/START). */
  twilio?: { authToken: string; publicBaseUrl: string };
  /** With METRICS_TOKEN: GET /metrics for that bearer token, and the sweep's tally to show there. */
  metrieken?: { token: string; herstel?: Pick<Herstel, 'tellingen'> };
  /** true once the process is stopping: /readyz says 503 so that no new traffic comes. */
  stoppend?: () => boolean;
  /** Express's `trust proxy`: the proxies in front of the API (TRUST_PROXY); absent: none. */
  vertrouwdeProxy?: boolean | number | string;
  /** Days a closed case is kept (BEWAARTERMIJN_DAGEN), to show as a region's default; absent: 730. */
  bewaartermijnDagen?: number;
}

const MAX_BODY = '100kb';

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The route pattern for the log line, the metrics and the span, whoever answers.
  app.use(routeVolgen);
  // With tracing on: everything below runs inside the request's span.
  app.use(verzoekspoor());
  // First, so every request is counted, refused ones included.
  const metrieken = deps.metrieken && maakMetrieken({ prisma: deps.prisma, herstel: deps.metrieken.herstel });
  if (metrieken) {
    app.use(metrieken.verzoeken);
    // Every command (API, staff screens, link pages) goes through this client: counted once, here.
    deps = { ...deps, proces: metrieken.geteld(deps.proces) };
  }
  // Which proxies' X-Forwarded-For to believe: the client address decides sign-in limits.
  app.set('trust proxy', deps.vertrouwdeProxy ?? false);
  app.use(verzoeklog());
  app.use((_req, res, next) => {
    if (deps.stoppend?.()) res.set('Connection', 'close');
    next();
  });
  app.use(veiligheidskoppen);
  // Not strict: a body of null or a bare string reaches validation and gets a precise 422.
  app.use(express.json({ limit: MAX_BODY, strict: false }));
  app.use(geenNulTekens);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    if (deps.stoppend?.()) return void res.status(503).json({ status: 'stoppend' });
    const [temporal, database] = await Promise.all([deps.proces.bereikbaar(), deps.databaseBereikbaar()]);
    res.status(temporal && database ? 200 : 503).json({ temporal, database });
  });

  // Not public: only for the metrics token; without one configured, no such address.
  if (metrieken && deps.metrieken) {
    const { token } = deps.metrieken;
    app.get('/metrics', async (req, res) => {
      if (!metrieken.toegelaten(req, token)) {
        res.set('WWW-Authenticate', 'Bearer realm="kring-metrics"');
        throw new Probleem('niet-aangemeld', {
          nl: 'De metrieken zijn er met het metrics-token (Authorization: Bearer …).',
          en: 'Metrics are served for the metrics token (Authorization: Bearer …).',
        });
      }
      res.type(metrieken.register.contentType).send(await metrieken.register.metrics());
    });
  }

  // The document names the regions of the moment, so it is made for each request.
  const openapi = async () =>
    openapiDocument(
      await deps.prisma.regio.findMany({
        where: { opgehevenOp: null },
        select: { naam: true, gemeenten: true },
        orderBy: { naam: 'asc' },
      }),
    );
  app.get('/openapi.json', async (_req, res) => {
    res.json(await openapi());
  });
  app.get('/docs', async (_req, res) => {
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    res.type('html').send(docsPagina(await openapi()));
  });

  // The sign-in counts are keyed under the shared link secret, so that API processes count together.
  const limietGeheim = deps.links?.geheim ?? crypto.randomBytes(32);
  const aangemeld = aanmelding(deps.prisma, limietGeheim);
  app.use(
    '/cases',
    aangemeld,
    zakenRouter({ prisma: deps.prisma, proces: deps.proces }),
    zaakopdrachtenRouter({ prisma: deps.prisma, proces: deps.proces }),
    dossierRouter({ prisma: deps.prisma }),
    bewaarplichtRouter({ prisma: deps.prisma }),
    ...(deps.links ? [linkbeheerRouter({ prisma: deps.prisma, ...deps.links })] : []),
  );
  app.use('/persons', aangemeld, inzageRouter({ prisma: deps.prisma }), persoonsrechtenRouter({ prisma: deps.prisma }));
  app.use(['/regios', '/coordinatoren', '/accounts', '/niet-toegewezen'], aangemeld);
  app.use(beheerRouter(deps));
  app.use('/rapportage', aangemeld, rapportageRouter({ prisma: deps.prisma }));
  if (deps.links) app.use('/l', linkpaginasRouter({ prisma: deps.prisma, proces: deps.proces, ...deps.links }));
  if (deps.twilio) app.use('/twilio', twilioRouter({ prisma: deps.prisma, proces: deps.proces, ...deps.twilio }));
  app.use(
    schermenRouter({
      prisma: deps.prisma,
      proces: deps.proces,
      verzender: deps.uitnodigingen?.verzender,
      publicBaseUrl: deps.uitnodigingen?.apiUrl ?? deps.links?.publicBaseUrl ?? '',
      limietGeheim,
      bewaartermijnDagen: deps.bewaartermijnDagen,
    }),
  );

  // An address kring knows, with a method it does not take there: 405, with what it does take.
  const adressen = bekendeAdressen(openapiDocument()).filter((a) => metrieken || !a.patroon.test('/metrics'));
  app.use((req, res) => {
    const adres = adressen.find((a) => a.patroon.test(req.path));
    if (!adres) throw niemandGevonden({ nl: 'Dit adres', en: 'This address' });
    res.set('Allow', adres.methoden.join(', '));
    throw new Probleem('methode', {
      nl: `Dit adres neemt ${adres.methoden.join(', ')}, geen ${req.method}.`,
      en: `This address takes ${adres.methoden.join(', ')}, not ${req.method}.`,
    });
  });
  app.use(foutafhandeling);
  return app;
}

/**
 * Children's data: nothing is cached, framed or sniffed, and no other site's script may call
 * the API (no CORS headers are ever sent, so browsers keep cross-origin calls out). helmet's
 * set, with a stricter policy where ours was: nothing may load or frame anything, pages
 * widen it for their own style sheets (schermen/koppen.ts).
 */
const helmetKoppen = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});
const veiligheidskoppen: express.RequestHandler = (req, res, next) => {
  res.set('Cache-Control', 'no-store');
  helmetKoppen(req, res, next);
};

/** Every address the API serves, with its methods: the document's, and the few it leaves out. */
function bekendeAdressen(openapi: Record<string, unknown>): Array<{ patroon: RegExp; methoden: string[] }> {
  const gedocumenteerd = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).map(
    ([pad, operaties]) => [pad, Object.keys(operaties).map((m) => m.toUpperCase())] as const,
  );
  const overig: Array<readonly [string, string[]]> = [
    ['/healthz', ['GET']],
    ['/readyz', ['GET']],
    ['/metrics', ['GET']],
    ['/openapi.json', ['GET']],
    ['/docs', ['GET']],
    ['/l/{token}', ['GET', 'POST']],
    ['/twilio/status', ['POST']],
    ['/twilio/inkomend', ['POST']],
    ['/', ['GET']],
    ['/aanmelden', ['GET', 'POST']],
    ['/aanmelden/{token}', ['GET', 'POST']],
    ['/afmelden', ['POST']],
    ['/aanvragen', ['GET', 'POST']],
    ['/zaken/{id}', ['GET']],
    ['/zaken/{id}/tijdlijn', ['GET']],
    ['/zaken/{id}/{opdracht}', ['POST']],
    ['/personen', ['GET']],
    ['/personen/{id}', ['GET']],
    ['/personen/{id}/gegevens', ['GET']],
    ['/personen/{id}/gegevens.json', ['GET']],
    ['/personen/{id}/wissen', ['POST']],
    ['/stijl/{bestand}', ['GET']],
  ];
  return [...gedocumenteerd, ...overig].map(([pad, methoden]) => ({
    patroon: new RegExp(`^${pad.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    methoden: methoden.includes('GET') ? [...methoden, 'HEAD'] : methoden,
  }));
}
