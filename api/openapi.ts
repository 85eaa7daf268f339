// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests, so
// the documentation cannot drift from what the API accepts.
import { z } from 'zod';
import { ROLLEN_PER_OPDRACHT } from '../workflows/contract';
import { BekendeRegio, ZaakAanvraag } from '../zaakproces';
import { LEZINGEN } from './dossier';
import { alsHtml } from './html';
import { rollenVoor } from './rechten';
import { LinkAanvraag } from './links';
import { Personenzoekvraag } from './persoonsrechten';
import { API_OPDRACHTEN, pad, type Accountopdracht } from './opdrachten';
import { Rapportvraag } from './rapportage';
import { CoordinatorProfiel, NieuweRegio, Regiomanagers, RegioWijziging, Uitnodiging } from '../beheer';
import { Bewaarplicht, IdempotencyKey, Zoekvraag } from './schemas';

type Operatie = Record<string, unknown>;

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });

/** An object schema's fields as optional query parameters. */
function queryParameters(s: z.ZodType) {
  const { properties } = schema(s) as { properties: Record<string, unknown> };
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: false, schema: s }));
}

const probleem = (beschrijving: string) => ({
  description: beschrijving,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleem' } } },
});

const FOUTEN = {
  '401': probleem('Geen, een onbekend, verlopen of ingetrokken token.'),
  '403': probleem('Uw rol geeft hier geen toegang.'),
  '404': probleem('De zaak bestaat niet, of valt buiten uw bereik.'),
  '429': probleem('Te veel mislukte aanmeldingen vanaf dit adres.'),
};
const INVOERFOUTEN = {
  '400': probleem('Geen geldige JSON.'),
  '413': probleem('Verzoek te groot.'),
  '415': probleem('Geen JSON.'),
  '422': probleem('Een veld voldoet niet aan de regels; `fouten` noemt veld en regel.'),
};

const ZAAK_ID = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Een herhaald verzoek met dezelfde sleutel en inhoud wordt één keer uitgevoerd. De sleutel is van wie hem het eerst gebruikt: voor een ander verzoek, of van een ander account, wordt hij geweigerd (422).',
  schema: schema(IdempotencyKey),
};

/** A setup operation: who may, what it takes, what it answers. */
function beheer(
  samenvatting: string,
  rollen: string,
  opties: { body?: z.ZodType; parameters?: unknown[]; antwoord?: string; metRegios?: typeof schema } = {},
): Record<string, unknown> {
  return {
    summary: samenvatting,
    description: `Voor: ${rollen}. Elke wijziging komt in het auditspoor.`,
    parameters: opties.parameters ?? [],
    ...(opties.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: (opties.metRegios ?? schema)(opties.body) } },
      },
    }),
    responses: {
      [opties.antwoord ?? '200']: { description: 'OK', content: { 'application/json': {} } },
      '409': probleem('Bestaat al, of kan nu niet (open zaken, de enige regiomanager).'),
      ...FOUTEN,
      ...(opties.body ? INVOERFOUTEN : {}),
    },
  };
}

const padParameter = (name: string, format?: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', ...(format && { format }) },
});

function lezen(samenvatting: string, rollen: string): Operatie {
  return {
    get: {
      summary: samenvatting,
      description: `Voor: ${rollen}. Elke inzage komt in het auditspoor.`,
      parameters: [ZAAK_ID],
      responses: { '200': { description: 'OK', content: { 'application/json': {} } }, ...FOUTEN },
    },
  };
}

function opdracht(naam: Accountopdracht): Operatie {
  const o = API_OPDRACHTEN[naam];
  return {
    post: {
      operationId: naam,
      summary: o.samenvatting,
      description: `Voor: ${ROLLEN_PER_OPDRACHT[naam].join(', ')} (van deze zaak). Het proces controleert fase en inhoud.`,
      parameters: [ZAAK_ID, IDEMPOTENCY_KEY],
      requestBody: { required: true, content: { 'application/json': { schema: schema(o.body) } } },
      responses: {
        '200': { description: 'Uitgevoerd: de fase en de lopende termijn.', content: { 'application/json': {} } },
        '409': probleem('Past niet bij de fase of de zaak; `detail` geeft de reden van het proces.'),
        '503': probleem('Het proces is tijdelijk niet bereikbaar; probeer het opnieuw met dezelfde sleutel.'),
        ...FOUTEN,
        ...INVOERFOUTEN,
      },
    },
  };
}

/** A region as the document names it: requests and coordinators may only name these. */
export interface Documentregio {
  naam: string;
  gemeenten: string[];
}

/**
 * The document of this moment: the regions kring knows are listed where a request names one,
 * and, for a region with funding municipalities, which `gemeente` a request may give.
 */
export function openapiDocument(regios: Documentregio[] = []): Record<string, unknown> {
  const metRegios = (s: z.ZodType) =>
    z.toJSONSchema(s, {
      target: 'draft-2020-12',
      io: 'input',
      unrepresentable: 'any',
      override: ({ zodSchema, jsonSchema }) => {
        if (zodSchema === BekendeRegio) jsonSchema.enum = regios.map((r) => r.naam);
        if (zodSchema === ZaakAanvraag)
          jsonSchema.allOf = regios
            .filter((r) => r.gemeenten.length > 0)
            .map((r) => ({
              if: { properties: { regio: { const: r.naam } }, required: ['regio'] },
              then: { properties: { gemeente: { enum: r.gemeenten } } },
            }));
      },
    });
  const paths: Record<string, Operatie> = {
    '/cases': {
      post: {
        operationId: 'zaakAanvragen',
        summary: 'Een aanvraag voor een Eigen Kracht-conferentie wordt een zaak.',
        description: 'Voor: operations, regiomanager.',
        parameters: [IDEMPOTENCY_KEY],
        requestBody: { required: true, content: { 'application/json': { schema: metRegios(ZaakAanvraag) } } },
        responses: {
          '201': { description: 'De zaak en haar proces lopen.', content: { 'application/json': {} } },
          '202': { description: 'Opgeslagen; het proces start zodra Temporal bereikbaar is.' },
          ...FOUTEN,
          ...INVOERFOUTEN,
        },
      },
      get: {
        operationId: 'zakenZoeken',
        summary: 'Zaken binnen uw bereik, op fase, regio, noodsituatie of verlopen termijn.',
        parameters: queryParameters(Zoekvraag),
        responses: {
          '200': { description: 'OK', content: { 'application/json': {} } },
          ...FOUTEN,
          '422': INVOERFOUTEN['422'],
        },
      },
    },
    '/cases/{id}': lezen(
      'De zaak, zo ver uw rol reikt.',
      'operations (samenvatting), regiomanager, coördinator, professional (eigen deel)',
    ),
    '/cases/{id}/tijdlijn': lezen('Elke overgang die het proces aanvaardde.', 'regiomanager, coördinator'),
    '/cases/{id}/audit': lezen('Wie wat deed en zag in deze zaak.', 'regiomanager'),
    '/cases/{id}/berichten': lezen('De berichten van de zaak en hoe ze aankwamen.', 'regiomanager, coördinator'),
  };
  for (const [pad, lezing] of Object.entries(LEZINGEN)) {
    paths[`/cases/{id}/${pad}`] = lezen(lezing.samenvatting, rollenVoor(lezing.handeling).join(', '));
  }
  for (const naam of Object.keys(API_OPDRACHTEN) as Accountopdracht[])
    paths[`/cases/{id}/${pad(naam)}`] = opdracht(naam);
  paths['/persons/{id}/inzage'] = {
    get: {
      operationId: 'inzageVanPersoon',
      summary: 'Wie het dossier van deze persoon heeft ingezien: wanneer, wat, met welk token of welke link.',
      description: 'Voor: regiomanager (een persoon in een zaak van de eigen regio).',
      parameters: [{ ...ZAAK_ID, description: 'de id van de persoon' }],
      responses: { '200': { description: 'OK', content: { 'application/json': {} } }, ...FOUTEN },
    },
  };
  const persoonsrechten = `Voor: ${rollenVoor('persoon.gegevens').join(', ')} (een persoon in een zaak van de eigen regio). In het auditspoor: wie, wanneer, welke persoon en zaken (ids, nooit namen of zoektermen).`;
  paths['/persons'] = {
    get: {
      operationId: 'personenZoeken',
      summary:
        'Personen in de zaken van uw regio, op (een deel van) naam of e-mailadres, of op id (heel, of de eerste acht tekens): id, naam, rollen, aantal zaken.',
      description: persoonsrechten,
      parameters: queryParameters(Personenzoekvraag).map((p) => ({ ...p, required: true })),
      responses: {
        '200': { description: 'Hoogstens 50 personen.', content: { 'application/json': {} } },
        ...FOUTEN,
        '422': INVOERFOUTEN['422'],
      },
    },
  };
  paths['/persons/{id}/gegevens'] = {
    get: {
      operationId: 'persoonsgegevens',
      summary:
        'Alles wat kring over deze persoon vastlegt (AVG, inzage), om te overhandigen: als JSON, of met `Accept: text/html` als leesbare, afdrukbare pagina. De persoon zelf (gegevens, accounts, profiel, sms-afmelding) volledig; wat de zaken over de persoon bevatten alleen voor de zaken van uw regio; van de andere zaken alleen kenmerk, datums en aantallen (`zakenBuitenBereik`). Andere mensen staan erin met hun rol, zonder naam of contactgegevens.',
      description: persoonsrechten,
      parameters: [{ ...ZAAK_ID, description: 'de id van de persoon' }],
      responses: {
        '200': { description: 'OK', content: { 'application/json': {}, 'text/html': {} } },
        ...FOUTEN,
      },
    },
  };
  paths['/persons/{id}/wissen'] = {
    post: {
      operationId: 'persoonWissen',
      summary:
        'De persoon wissen (AVG): naam, contactgegevens en wat zij schreef of kreeg, in elke zaak; een pseudoniem komt ervoor in de plaats. Een tweede keer verandert niets.',
      description: `${persoonsrechten} Kan alleen als al haar zaken zijn afgesloten en er geen bewaarplicht op rust, en niet voor een medewerker.`,
      parameters: [{ ...ZAAK_ID, description: 'de id van de persoon' }],
      responses: {
        '200': { description: 'Gewist: wat, in welke zaken, en het pseudoniem.', content: { 'application/json': {} } },
        '409': probleem(
          'Nu niet: `bezwaren` noemt elke reden (`zaak-open`, `bewaarplicht` met de zaken, `medewerker`); `detail` zegt het in woorden.',
        ),
        ...FOUTEN,
      },
    },
  };
  paths['/rapportage'] = {
    get: {
      operationId: 'rapportage',
      summary: 'Aantallen per regio, financierende gemeente en jaar (JSON of CSV).',
      description: 'Voor: operations, regiomanager (eigen regio). Alleen aantallen, geen personen.',
      parameters: queryParameters(Rapportvraag),
      responses: {
        '200': { description: 'OK', content: { 'application/json': {}, 'text/csv': {} } },
        ...FOUTEN,
        '422': INVOERFOUTEN['422'],
      },
    },
  };
  paths['/cases/{id}/links'] = {
    post: {
      operationId: 'linkMaken',
      summary:
        'Een eenmalige link voor een deelnemer: aanwezigheid bevestigen, of "het gaat niet goed" (hoofdpersoon, professional).',
      description:
        'Voor: regiomanager, coördinator. De link is ondertekend, verloopt, werkt één keer en kan worden ingetrokken.',
      parameters: [ZAAK_ID],
      requestBody: { required: true, content: { 'application/json': { schema: schema(LinkAanvraag) } } },
      responses: {
        '201': { description: 'De link (url, verlooptOp).', content: { 'application/json': {} } },
        ...FOUTEN,
        ...INVOERFOUTEN,
      },
    },
  };
  const regio = [padParameter('naam')];
  paths['/regios'] = {
    get: beheer("De regio's: regiomanagers, gemeenten, open zaken.", 'admin, operations, regiomanager'),
    post: beheer('Een nieuwe regio, met gemeenten en regiomanager(s).', 'admin', {
      body: NieuweRegio,
      antwoord: '201',
    }),
  };
  paths['/regios/{naam}'] = {
    patch: beheer('Een nieuwe naam (zaken en coördinatoren gaan mee) of andere gemeenten.', 'admin', {
      body: RegioWijziging,
      parameters: regio,
    }),
    delete: beheer('De regio wordt opgeheven (niet zolang zij open zaken heeft).', 'admin', {
      parameters: regio,
      antwoord: '204',
    }),
  };
  paths['/regios/{naam}/regiomanagers'] = {
    put: beheer('De regio gaat over naar deze regiomanager(s); haar open zaken horen het meteen.', 'admin', {
      body: Regiomanagers,
      parameters: regio,
    }),
  };
  paths['/coordinatoren'] = {
    get: beheer('De pool van coördinatoren (een regiomanager: die van haar regio’s).', 'admin, regiomanager'),
  };
  paths['/coordinatoren/{persoonId}'] = {
    put: beheer(
      'Het profiel van een coördinator: regio’s, talen, geslacht, achtergronden, beschikbaarheid, afwezigheid, hoogstens zoveel zaken, wie zij privé kent.',
      'admin, regiomanager (eigen regio’s)',
      { body: CoordinatorProfiel, parameters: [padParameter('persoonId', 'uuid')], metRegios },
    ),
  };
  paths['/accounts'] = {
    get: beheer('De accounts, hun rol en geldige sleutels.', 'admin'),
    post: beheer(
      'Een collega uitnodigen: persoon en account in één stap; de uitnodiging brengt de sleutel per e-mail.',
      'admin, regiomanager (alleen coördinatoren)',
      { body: Uitnodiging, antwoord: '201' },
    ),
  };
  paths['/accounts/{id}'] = {
    delete: beheer('Het account werkt niet meer: geblokkeerd, elke sleutel ingetrokken.', 'admin', {
      parameters: [padParameter('id', 'uuid')],
      antwoord: '204',
    }),
  };
  paths['/niet-toegewezen'] = {
    get: beheer('Open zaken van een regio zonder regiomanager: wie pakt ze op?', 'operations, admin'),
  };
  const bewaarRollen = rollenVoor('zaak.bewaarplicht').join(', ');
  const alGeanonimiseerd = probleem('De zaak is al geanonimiseerd: de gegevens zijn weg (`code`: geanonimiseerd).');
  paths['/cases/{id}/bewaarplicht'] = {
    put: {
      operationId: 'bewaarplichtInstellen',
      summary:
        'Bewaarplicht: de zaak wordt niet geanonimiseerd na de bewaartermijn, tot de bewaarplicht wordt opgeheven. Met een reden (1–500 tekens).',
      description: `Voor: ${bewaarRollen} (eigen regio). Staat er al een bewaarplicht, dan blijft de eerste datum staan en geldt de nieuwe reden. Het auditspoor legt vast wie en wanneer, niet de reden.`,
      parameters: [ZAAK_ID],
      requestBody: { required: true, content: { 'application/json': { schema: schema(Bewaarplicht) } } },
      responses: {
        '200': { description: 'De bewaarplicht: `sinds` en `reden`.', content: { 'application/json': {} } },
        '409': alGeanonimiseerd,
        ...FOUTEN,
        ...INVOERFOUTEN,
      },
    },
    delete: {
      operationId: 'bewaarplichtOpheffen',
      summary: 'De bewaarplicht wordt opgeheven: na de bewaartermijn wordt de zaak weer geanonimiseerd.',
      description: `Voor: ${bewaarRollen} (eigen regio). Zonder bewaarplicht verandert er niets.`,
      parameters: [ZAAK_ID],
      responses: { '204': { description: 'Opgeheven.' }, '409': alGeanonimiseerd, ...FOUTEN },
    },
  };
  paths['/cases/{id}/links/{linkId}'] = {
    delete: {
      operationId: 'linkIntrekken',
      summary: 'De link werkt niet meer.',
      parameters: [ZAAK_ID, { name: 'linkId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      responses: { '204': { description: 'Ingetrokken.' }, ...FOUTEN },
    },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'kring API',
      version: '1',
      description:
        'Zaakbeheer voor Eigen Kracht-conferenties. Gegevens van kinderen en kwetsbare volwassenen: toegang is de uitzondering en wordt vastgelegd.',
    },
    security: [{ token: [] }],
    paths,
    components: {
      securitySchemes: {
        token: { type: 'http', scheme: 'bearer', description: 'Persoonlijk token (npm run users -- token <naam>).' },
      },
      schemas: {
        Probleem: {
          type: 'object',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            fouten: {
              type: 'array',
              items: {
                type: 'object',
                properties: { veld: { type: 'string' }, regel: { type: 'string' }, melding: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  };
}

/** A plain, readable page of the document: no scripts, nothing fetched from elsewhere. */
export function docsPagina(doc: Record<string, unknown>): string {
  const paths = doc.paths as Record<
    string,
    Record<string, { summary?: string; description?: string; requestBody?: unknown }>
  >;
  const secties = Object.entries(paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(
      ([methode, op]) => `<section><h2><code>${methode.toUpperCase()} ${alsHtml(p)}</code></h2>
<p>${alsHtml(op.summary ?? '')}</p><p>${alsHtml(op.description ?? '')}</p>
${op.requestBody ? `<details><summary>Inhoud van het verzoek</summary><pre>${alsHtml(JSON.stringify(op.requestBody, null, 2))}</pre></details>` : ''}
</section>`,
    ),
  );
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>kring API</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}pre{overflow:auto;background:#f4f4f4;padding:.5rem}h2{font-size:1.1rem}</style></head>
<body><h1>kring API</h1><p>${alsHtml(String((doc.info as { description: string }).description))}</p>
<p>Machineleesbaar: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>${secties.join('\n')}</body></html>`;
}
