// The HTTP API: a thin layer over the case records and the case workflow.
import express from 'express';
import type { PrismaClient } from '@prisma/client';
import { beheerRouter, type BeheerDeps } from './beheer';
import { dossierRouter } from './dossier';
import { inzageRouter } from './inzage';
import { linkbeheerRouter } from './links';
import { docsPagina, openapiDocument } from './openapi';
import { foutafhandeling, niemandGevonden, Probleem } from './problem';
import { rapportageRouter } from './rapportage';
import type { Zaakproces } from '../zaakproces';
import { aanmelding, Pogingen } from './toegang';
import { geenNulTekens } from './validatie';
import { twilioRouter } from './twilio';
import { zaakopdrachtenRouter } from './zaakopdrachten';
import { zakenRouter } from './zaken';
import { schermenRouter } from '../schermen';
import { linkpaginasRouter } from '../schermen/linkpaginas';

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
}

const MAX_BODY = '100kb';

export function createApp(deps: ApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', false);
  app.use(veiligheidskoppen);
  // Not strict: a body of null or a bare string reaches validation and gets a precise 422.
  app.use(express.json({ limit: MAX_BODY, strict: false }));
  app.use(geenNulTekens);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const [temporal, database] = await Promise.all([deps.proces.bereikbaar(), deps.databaseBereikbaar()]);
    res.status(temporal && database ? 200 : 503).json({ temporal, database });
  });

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

  const aangemeld = aanmelding(deps.prisma, new Pogingen());
  app.use(
    '/cases',
    aangemeld,
    zakenRouter({ prisma: deps.prisma, proces: deps.proces }),
    zaakopdrachtenRouter({ prisma: deps.prisma, proces: deps.proces }),
    dossierRouter({ prisma: deps.prisma }),
    ...(deps.links ? [linkbeheerRouter({ prisma: deps.prisma, ...deps.links })] : []),
  );
  app.use('/persons', aangemeld, inzageRouter({ prisma: deps.prisma }));
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
    }),
  );

  // An address kring knows, with a method it does not take there: 405, with what it does take.
  const adressen = bekendeAdressen(openapiDocument());
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
 * the API (no CORS headers are ever sent, so browsers keep cross-origin calls out).
 */
const veiligheidskoppen: express.RequestHandler = (_req, res, next) => {
  res.set({
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'Strict-Transport-Security': 'max-age=31536000',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  next();
};

/** Every address the API serves, with its methods: the document's, and the few it leaves out. */
function bekendeAdressen(openapi: Record<string, unknown>): Array<{ patroon: RegExp; methoden: string[] }> {
  const gedocumenteerd = Object.entries(openapi.paths as Record<string, Record<string, unknown>>).map(
    ([pad, operaties]) => [pad, Object.keys(operaties).map((m) => m.toUpperCase())] as const,
  );
  const overig: Array<readonly [string, string[]]> = [
    ['/healthz', ['GET']],
    ['/readyz', ['GET']],
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
    ['/stijl/{bestand}', ['GET']],
  ];
  return [...gedocumenteerd, ...overig].map(([pad, methoden]) => ({
    patroon: new RegExp(`^${pad.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    methoden: methoden.includes('GET') ? [...methoden, 'HEAD'] : methoden,
  }));
}
