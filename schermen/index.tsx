// The staff screens: server-rendered Dutch pages in the same express app as the API, through
// the same access rules (api/rechten.ts), process client and command path. Signed in with a
// session cookie; every form carries the session's form token.
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import type { PrismaClient } from '@prisma/client';
import type { Verzender } from '../activities/verzenders';
import { ZaakAanvraag, type Zaakproces } from '../zaakproces';
import { opdrachtGeven } from '../api/zaakopdrachten';
import { API_OPDRACHTEN, pad, type Accountopdracht } from '../api/opdrachten';
import { probleemVan } from '../api/problem';
import { verboden } from '../api/toegang';
import { dezeZaak, mag } from '../api/rechten';
import { geenNulTekens, valideer } from '../api/validatie';
import { zaakAanvragen } from '../api/zaken';
import { bewaarplichtInstellen, bewaarplichtOpheffen } from '../api/bewaarplicht';
import { aanmeldRouter } from './aanmelden';
import { beheerschermRouter } from './beheer';
import { paginakoppen } from './koppen';
import { personenschermRouter } from './personen';
import { FORMULIEREN } from './opdrachtformulieren';
import { Alinea, Formulier, Knop, Link, Melding, pagina } from './opmaak';
import { formulierSleutelKlopt, sessie, type Sessiegebruiker } from './sessies';
import { startpagina } from './start';
import { tijdlijnpagina } from './tijdlijn';
import { formulierstand, Invoer, naarBody, taalveld, uitFormulier, type Formulierstand, type Veld } from './velden';
import { formuliercontext as formuliercontextVan, laden, zaakpagina } from './zaakpagina';
import { logboek } from '../service/logboek';

export interface SchermDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
  verzender?: Pick<Verzender, 'email'>;
  publicBaseUrl: string;
  /** Keys the sign-in counts (api/aanmeldlimiet.ts). */
  limietGeheim: Buffer;
  /** The configured retention period (BEWAARTERMIJN_DAGEN), shown for a region without its own. */
  bewaartermijnDagen?: number;
}

// Served by kring itself from its npm packages: no CDN.
const STIJLEN: Record<string, string> = {
  'thema.css': require.resolve('@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css'),
  'componenten.css': require.resolve('@utrecht/component-library-css/dist/index.css'),
  'kring.css': path.join(__dirname, 'kring.css'),
};

export function schermenRouter(deps: SchermDeps): Router {
  const { prisma } = deps;
  const router = Router();

  router.get('/stijl/:bestand', (req, res, next) => {
    if (!Object.hasOwn(STIJLEN, req.params.bestand)) return next();
    const bestand = STIJLEN[req.params.bestand]!;
    res.set('Cache-Control', 'public, max-age=3600');
    res.sendFile(bestand);
  });

  // Only the screens' own addresses: everything else (the API, its 404 and 405) is left alone.
  const scherm = Router();
  router.use((req, res, next) => (isSchermpad(req.path) ? scherm(req, res, next) : next()));
  scherm.use(
    paginakoppen,
    cookieParser(),
    express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 }),
    sessie(prisma),
    geenNulTekens,
  );

  // A form of a signed-in person must carry her session's form token (CSRF); signing in takes
  // no form from another site (a forged sign-in would put her in someone else's account).
  scherm.post(['/afmelden', '/aanvragen', '/zaken/*pad', '/beheer/*pad', '/personen/*pad'], (req, _res, next) => {
    if (req.sessie && !formulierSleutelKlopt(req.sessie, req.body?._formulier)) {
      throw Object.assign(verboden(), { formulier: true });
    }
    next();
  });
  scherm.post(['/aanmelden', '/aanmelden/:token'], (req, _res, next) => {
    if (req.get('Sec-Fetch-Site') === 'cross-site') throw Object.assign(verboden(), { formulier: true });
    next();
  });
  scherm.use(aanmeldRouter(deps));

  /** The signed-in person; otherwise to the sign-in page, coming back here after. */
  const aangemeld: RequestHandler = (req, res, next) => {
    if (req.sessie) return next();
    // A person search carries a name in its query (/personen?zoek=…): back to the path only, so
    // that the name is not kept with the sign-in link.
    const [pad] = req.originalUrl.split('?');
    const naar = req.method !== 'GET' ? '/' : /^\/personen(?:\/|$)/i.test(pad!) ? pad! : req.originalUrl;
    res.redirect(303, `/aanmelden?naar=${encodeURIComponent(naar)}`);
  };
  const ik = (req: Request) => req.sessie as Sessiegebruiker;

  scherm.use(['/beheer'], aangemeld, beheerschermRouter(deps));
  scherm.use('/personen', aangemeld, personenschermRouter(deps));

  scherm.get('/', aangemeld, async (req, res) => {
    const gedaan =
      typeof req.query.gedaan === 'string' && Object.hasOwn(GEDAAN, req.query.gedaan)
        ? GEDAAN[req.query.gedaan]
        : undefined;
    res.type('html').send(await startpagina(prisma, ik(req), req.query, gedaan));
  });

  scherm.get('/aanvragen', aangemeld, async (req, res) => {
    if (!mag(ik(req), 'zaak.aanvragen')) throw verboden();
    res.type('html').send(await aanvraagpagina(prisma, ik(req)));
  });

  scherm.post('/aanvragen', aangemeld, async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'zaak.aanvragen')) throw verboden();
    const velden = await aanvraagvelden(prisma);
    const body = naarBody(velden, req.body);
    const aanvrager = body.aanvrager as Record<string, unknown> | undefined;
    if (aanvrager?.relatie === 'hoofdpersoon') body.aanvrager = { relatie: 'hoofdpersoon' };
    try {
      const aanvraag = valideer(ZaakAanvraag, body);
      const sleutel = schermsleutel(req.body._sleutel);
      const { zaak } = await zaakAanvragen(deps, g, { actor: g.id, via: g.via }, aanvraag, sleutel);
      res.redirect(303, `/zaken/${zaak.id}?gedaan=aanvraag`);
    } catch (err) {
      const p = probleemVan(err);
      if (p.soort !== 'ongeldige-invoer') throw err;
      res
        .status(422)
        .type('html')
        .send(await aanvraagpagina(prisma, g, formulierstand(req.body, p.fouten, ik(req).taal)));
    }
  });

  scherm.get('/zaken/:id', aangemeld, async (req, res) => {
    const d = await laden(prisma, deps.proces, ik(req), String(req.params.id));
    const gedaan =
      typeof req.query.gedaan === 'string' && Object.hasOwn(GEDAAN, req.query.gedaan)
        ? GEDAAN[req.query.gedaan]
        : undefined;
    res.type('html').send(zaakpagina(d, ik(req), { gedaan }));
  });

  scherm.get('/zaken/:id/tijdlijn', aangemeld, async (req, res) => {
    res.type('html').send(await tijdlijnpagina(prisma, ik(req), String(req.params.id)));
  });

  // The legal hold: the same functions as the API's PUT and DELETE /cases/:id/bewaarplicht.
  const bewaarplichtVanScherm =
    (doe: (g: Sessiegebruiker, zaakId: string, body: Record<string, unknown>) => Promise<unknown>, gedaan: string) =>
    async (req: Request, res: express.Response) => {
      const g = ik(req);
      const zaakId = String(req.params.id);
      try {
        await doe(g, zaakId, req.body ?? {});
        res.redirect(303, `/zaken/${encodeURIComponent(zaakId)}?gedaan=${gedaan}`);
      } catch (err) {
        const p = probleemVan(err);
        if (p.status >= 500 || p.status === 404 || p.status === 403) throw err;
        const invoer = p.soort === 'ongeldige-invoer';
        res
          .status(p.status)
          .type('html')
          .send(
            zaakpagina(await laden(prisma, deps.proces, g, zaakId), g, {
              weigering: invoer ? 'Niet alles is goed ingevuld; zie hieronder.' : p.uitleg[g.taal],
              bewaarplicht: invoer
                ? formulierstand(req.body, p.fouten, g.taal, (pad) => (pad === 'reden' ? 'bewaarplicht.reden' : pad))
                : undefined,
            }),
          );
      }
    };
  scherm.post(
    '/zaken/:id/bewaarplicht',
    aangemeld,
    bewaarplichtVanScherm(
      (g, zaakId, body) =>
        bewaarplichtInstellen(prisma, g, { actor: g.id, via: g.via }, zaakId, { reden: body['bewaarplicht.reden'] }),
      'bewaarplicht',
    ),
  );
  scherm.post(
    '/zaken/:id/bewaarplicht-opheffen',
    aangemeld,
    bewaarplichtVanScherm(
      (g, zaakId) => bewaarplichtOpheffen(prisma, g, { actor: g.id, via: g.via }, zaakId),
      'bewaarplicht-opheffen',
    ),
  );

  scherm.post('/zaken/:id/:opdracht', aangemeld, async (req, res) => {
    const g = ik(req);
    const naam = (Object.keys(API_OPDRACHTEN) as Accountopdracht[]).find((n) => pad(n) === String(req.params.opdracht));
    const formulier = naam && FORMULIEREN[naam];
    if (!naam || !formulier) throw verboden();
    const d = await laden(prisma, deps.proces, g, String(req.params.id), false);
    const context = formuliercontextVan(d, g);
    const uit = uitFormulier(formulier.velden(context), req.body);
    const body = formulier.naBody ? formulier.naBody(uit.body, context) : uit.body;
    // A form posted twice (a double tap, a reload) is one command.
    const sleutel = schermsleutel(req.body._sleutel);
    try {
      await opdrachtGeven(deps, g, { actor: g.id, via: g.via }, { zaakId: d.zaak.id, naam, body, sleutel });
      // A declined offer leaves her reach: she goes back to her overview.
      const nogInBereik = await prisma.zaak.findFirst({
        where: dezeZaak(g, d.zaak.id, g.rol === 'coordinator'),
        select: { id: true },
      });
      const terug = nogInBereik ? `/zaken/${d.zaak.id}` : '/';
      res.redirect(303, `${terug}?gedaan=${String(req.params.opdracht)}`);
    } catch (err) {
      const p = probleemVan(err);
      if (p.status >= 500 && p.soort !== 'onbereikbaar') throw err;
      if (p.status === 404 || p.status === 403) throw err;
      const opnieuw = await laden(prisma, deps.proces, g, String(req.params.id));
      // Invalid input: a new try is a new command. Anything else (a time-out): it may have come
      // through, so the next press keeps the key and is the same command.
      const stand =
        p.soort === 'ongeldige-invoer'
          ? formulierstand(req.body, p.fouten, g.taal, uit.veldVan)
          : {
              ...formulierstand(req.body, []),
              sleutel: typeof req.body._sleutel === 'string' ? req.body._sleutel : undefined,
            };
      const weigering =
        p.soort === 'ongeldige-invoer'
          ? 'Niet alles is goed ingevuld; zie hieronder.'
          : p.soort === 'onbereikbaar'
            ? 'kring kon het proces nu niet bereiken. Uw invoer staat er nog: druk zo nog eens op de knop; het wordt maar één keer uitgevoerd.'
            : p.uitleg[g.taal];
      res
        .status(p.status)
        .type('html')
        .send(
          zaakpagina(opnieuw, g, {
            opdracht: naam,
            stand,
            weigering,
          }),
        );
    }
  });

  scherm.use(foutpagina);
  return router;
}

/** A form's own key (made with the page), as the process's command key; nothing else passes. */
function schermsleutel(waarde: unknown): string | undefined {
  return typeof waarde === 'string' && /^[\w-]{8,64}$/.test(waarde) ? `scherm-${waarde}` : undefined;
}

const isSchermpad = (p: string) =>
  p === '/' || /^\/(aanmelden|afmelden|aanvragen|beheer|personen)(\/|$)/.test(p) || p.startsWith('/zaken/');

/** "Done" messages after a form, by the command's path. */
const GEDAAN: Record<string, string> = {
  aanvraag: 'De aanvraag is vastgelegd; de zaak loopt.',
  ...Object.fromEntries(
    (Object.keys(FORMULIEREN) as Accountopdracht[]).map((n) => [
      pad(n),
      `Gedaan: ${FORMULIEREN[n]!.titel.toLowerCase()}.`,
    ]),
  ),
  'coordinator-kiezen': 'De zaak is aangeboden; de coördinator krijgt bericht.',
  'opdracht-beantwoorden': 'Uw antwoord is doorgegeven.',
  bewaarplicht: 'De bewaarplicht is ingesteld: deze zaak wordt niet geanonimiseerd zolang zij geldt.',
  'bewaarplicht-opheffen': 'De bewaarplicht is opgeheven.',
};

async function aanvraagvelden(prisma: PrismaClient): Promise<Veld[]> {
  const regios = await prisma.regio.findMany({ where: { opgehevenOp: null }, orderBy: { naam: 'asc' } });
  return [
    {
      naam: 'regio',
      label: 'Regio',
      soort: 'keuze',
      verplicht: true,
      keuzes: regios.map((r) => ({ waarde: r.naam, label: r.naam })),
    },
    {
      naam: 'gemeente',
      label: 'Gemeente die financiert',
      soort: 'keuze',
      keuzes: regios.flatMap((r) => r.gemeenten.map((g) => ({ waarde: g, label: `${g} (${r.naam})` }))),
    },
    { naam: 'noodsituatie', label: 'Noodsituatie: een conferentie binnen een week', soort: 'vinkje' },
    { naam: 'hoofdpersoon.naam', label: 'Naam hoofdpersoon', soort: 'tekst', verplicht: true },
    { naam: 'hoofdpersoon.telefoon', label: 'Telefoon hoofdpersoon', soort: 'telefoon' },
    { naam: 'hoofdpersoon.email', label: 'E-mail hoofdpersoon', soort: 'email' },
    taalveld('hoofdpersoon.taal', 'Taal van de berichten'),
    { naam: 'vraag', label: 'De vraag, als die al bekend is', soort: 'lang' },
    {
      naam: 'aanvrager.relatie',
      label: 'Wie vraagt aan',
      soort: 'keuze',
      verplicht: true,
      keuzes: [
        { waarde: 'hoofdpersoon', label: 'De hoofdpersoon zelf' },
        { waarde: 'professional', label: 'Een professional' },
        { waarde: 'betrokkene', label: 'Iemand uit de omgeving' },
      ],
    },
    {
      naam: 'aanvrager.naam',
      label: 'Naam aanvrager',
      soort: 'tekst',
      uitleg: 'Niet nodig als de hoofdpersoon zelf aanvraagt.',
    },
    { naam: 'aanvrager.organisatie', label: 'Organisatie aanvrager', soort: 'tekst' },
    { naam: 'aanvrager.telefoon', label: 'Telefoon aanvrager', soort: 'telefoon' },
    { naam: 'aanvrager.email', label: 'E-mail aanvrager', soort: 'email' },
    { naam: 'wensen.taal', label: 'Gewenste taal van de coördinator', soort: 'tekst' },
    {
      naam: 'wensen.geslacht',
      label: 'Voorkeur geslacht coördinator',
      soort: 'keuze',
      keuzes: [
        { waarde: 'vrouw', label: 'Vrouw' },
        { waarde: 'man', label: 'Man' },
        { waarde: 'geen voorkeur', label: 'Geen voorkeur' },
      ],
    },
    { naam: 'wensen.cultureleAchtergrond', label: 'Culturele achtergrond coördinator', soort: 'tekst' },
    { naam: 'wensen.toelichting', label: 'Toelichting bij de wensen', soort: 'lang' },
  ];
}

async function aanvraagpagina(prisma: PrismaClient, g: Sessiegebruiker, stand?: Formulierstand): Promise<string> {
  const velden = await aanvraagvelden(prisma);
  const losseFouten = Object.entries(stand?.fouten ?? {}).filter(([veld]) => !velden.some((v) => v.naam === veld));
  return pagina({
    titel: 'Nieuwe aanvraag',
    gebruiker: g,
    children: (
      <>
        <nav aria-label="Kruimelpad">
          <Link href="/">← Mijn overzicht</Link>
        </nav>
        {stand && <Melding soort="error">Niet alles is goed ingevuld; zie hieronder.</Melding>}
        {losseFouten.map(([veld, tekst]) => (
          <Melding soort="error">
            {veld}: {tekst}
          </Melding>
        ))}
        <Formulier actie="/aanvragen" sessie={g} label="Nieuwe aanvraag">
          {velden.map((veld) => (
            <Invoer veld={veld} stand={stand} />
          ))}
          <Knop>Aanvraag vastleggen</Knop>
        </Formulier>
      </>
    ),
  });
}

/** Errors on a page are pages too: in Dutch, with a way on. */
const foutpagina: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const p = probleemVan(err);
  if (p.status >= 500) (req.log ?? logboek).error({ err }, 'pagina mislukt');
  const formulier = (err as { formulier?: boolean }).formulier;
  const titel =
    p.status === 404
      ? 'Niet gevonden'
      : formulier
        ? 'Dit formulier is verlopen'
        : p.status === 403
          ? 'Geen toegang'
          : p.status === 503
            ? 'Even niet bereikbaar'
            : 'Er ging iets mis';
  const uitleg =
    p.status === 404
      ? 'Deze pagina bestaat niet, of valt buiten wat u mag zien.'
      : formulier
        ? 'Het formulier hoort niet (meer) bij uw aanmelding. Open de pagina opnieuw en probeer het nog eens.'
        : p.uitleg.nl;
  if (p.opnieuwNaSeconden !== undefined) res.set('Retry-After', String(p.opnieuwNaSeconden));
  res
    .status(p.status)
    .type('html')
    .send(
      pagina({
        titel,
        gebruiker: req.sessie,
        children: (
          <>
            <Alinea>{uitleg}</Alinea>
            <Alinea>
              <Link href="/">Naar mijn overzicht</Link>
            </Alinea>
          </>
        ),
      }),
    );
};
