// Bad input to the API: always a 4xx naming the field and the rule, never a 5xx, and
// nothing stored. Temporal is deliberately out of reach here: a request that slipped past
// validation would try to start a workflow and answer 503, failing these tests.
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { zaakprocesVia } from '../zaakproces';
import { startApi, type RunningApi } from '../api/server';
import { termijnenVoor } from '../workflows/termijnen';
import type { Database } from '../prisma/database';
import { freePort, testDatabase } from './support/omgeving';
import { gebruikToken, vraag } from './support/stack';
import { tokenVoor } from './support/toegang';
import { bekendeRegio, geldigeAanvraag } from './support/zaken';

// Every request here carries this marker in the main person's name and the region, so the
// test can find anything it might have stored, whatever other tests run beside it.
const merk = `invoertest-${crypto.randomUUID()}`;

let db: Database;
let api: RunningApi;
let client: Client;

beforeAll(async () => {
  db = await testDatabase();
  await bekendeRegio(db.prisma, merk);
  client = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${await freePort()}` }) });
  api = await startApi(
    {
      prisma: db.prisma,
      proces: zaakprocesVia(client, { taskQueue: 'niemand', termijnenVoor }),
      databaseBereikbaar: () => db.ping(),
    },
    { host: '127.0.0.1', port: 0 },
  );
  gebruikToken(await tokenVoor(db.prisma, 'operations'));
});

afterAll(async () => {
  await api?.stop();
  await client?.connection.close();
  await db?.close();
});

async function opgeslagen() {
  return {
    zaken: await db.prisma.zaak.count({ where: { regio: { startsWith: merk } } }),
    personen: await db.prisma.persoon.count({ where: { naam: { startsWith: merk } } }),
  };
}

function aanvraag(overrides: Record<string, unknown> = {}) {
  const basis = geldigeAanvraag();
  return { ...basis, regio: merk, hoofdpersoon: { ...basis.hoofdpersoon, naam: merk }, ...overrides };
}

function zonder(veld: string): Record<string, unknown> {
  const rest: Record<string, unknown> = aanvraag();
  delete rest[veld];
  return rest;
}

async function verwachtProbleem(antwoord: Awaited<ReturnType<typeof vraag>>, status: number) {
  expect(antwoord.status).toBe(status);
  expect(antwoord.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(antwoord.body).toMatchObject({ status, type: expect.stringMatching(/^\/problemen\//) });
  expect(JSON.stringify(antwoord.body)).not.toMatch(/at .+\.(ts|js):\d+/); // no stack traces
}

const gevallen: Array<[string, unknown, { veld: string; regel: string }]> = [
  ['no requester', zonder('aanvrager'), { veld: 'aanvrager', regel: 'verplicht' }],
  ['no main person', zonder('hoofdpersoon'), { veld: 'hoofdpersoon', regel: 'verplicht' }],
  ['no region', zonder('regio'), { veld: 'regio', regel: 'verplicht' }],
  [
    "no main person's name",
    aanvraag({ hoofdpersoon: { telefoon: '0612345678' } }),
    { veld: 'hoofdpersoon.naam', regel: 'verplicht' },
  ],
  [
    "no professional requester's name",
    aanvraag({ aanvrager: { relatie: 'professional', organisatie: 'Veilig Thuis' } }),
    { veld: 'aanvrager.naam', regel: 'verplicht' },
  ],
  ['region as a number', aanvraag({ regio: 5 }), { veld: 'regio', regel: 'type' }],
  ['emergency as text', aanvraag({ noodsituatie: 'ja' }), { veld: 'noodsituatie', regel: 'type' }],
  ['main person as text', aanvraag({ hoofdpersoon: 'Samira' }), { veld: 'hoofdpersoon', regel: 'type' }],
  ['wishes as a list', aanvraag({ wensen: ['vrouw'] }), { veld: 'wensen', regel: 'type' }],
  ['an empty region', aanvraag({ regio: '  ' }), { veld: 'regio', regel: 'minimale-lengte' }],
  [
    'a region of 101 characters',
    aanvraag({ regio: merk + 'x'.repeat(101) }),
    { veld: 'regio', regel: 'maximale-lengte' },
  ],
  ['an unknown relation', aanvraag({ aanvrager: { relatie: 'oom' } }), { veld: 'aanvrager.relatie', regel: 'keuze' }],
  [
    'an invalid email address',
    aanvraag({ hoofdpersoon: { naam: merk, email: 'samira-at-example' } }),
    { veld: 'hoofdpersoon.email', regel: 'formaat' },
  ],
  [
    'a phone number too short',
    aanvraag({ hoofdpersoon: { naam: merk, telefoon: '0612' } }),
    { veld: 'hoofdpersoon.telefoon', regel: 'formaat' },
  ],
  ['an unknown gender wish', aanvraag({ wensen: { geslacht: 'x' } }), { veld: 'wensen.geslacht', regel: 'keuze' }],
  ['an unknown field', aanvraag({ dossiernummer: 12 }), { veld: 'dossiernummer', regel: 'onbekend-veld' }],
  [
    'a citizen service number nobody asked for',
    aanvraag({ hoofdpersoon: { naam: merk, bsn: '123456782' } }),
    { veld: 'hoofdpersoon.bsn', regel: 'onbekend-veld' },
  ],
  ['a list instead of an object', [aanvraag()], { veld: '(verzoek)', regel: 'type' }],
  ['null', null, { veld: '(verzoek)', regel: 'type' }],
  ['a bare string', 'aanvraag', { veld: '(verzoek)', regel: 'type' }],
];

test.each(gevallen)('POST /cases with %s: 422 naming the field and the rule', async (_naam, body, fout) => {
  const antwoord = await vraag(`${api.url}/cases`, { body: JSON.stringify(body) });
  await verwachtProbleem(antwoord, 422);
  expect(antwoord.body.fouten).toEqual(expect.arrayContaining([expect.objectContaining(fout)]));
  for (const f of antwoord.body.fouten) expect(f.melding).toContain(f.veld === '(verzoek)' ? 'verzoek' : f.veld);
});

test('all problems of one request are reported together', async () => {
  const antwoord = await vraag(`${api.url}/cases`, {
    body: { aanvrager: { relatie: 'oom' }, hoofdpersoon: { naam: '' }, regio: 7, extra: true },
  });
  await verwachtProbleem(antwoord, 422);
  expect(antwoord.body.fouten.map((f: { veld: string }) => f.veld).sort()).toEqual(
    ['aanvrager.relatie', 'extra', 'hoofdpersoon.naam', 'regio'].sort(),
  );
});

test('errors are in Dutch by default and in English on request', async () => {
  const nl = await vraag(`${api.url}/cases`, { body: zonder('regio') });
  expect(nl.body).toMatchObject({ title: 'Ongeldige invoer' });
  expect(nl.body.fouten[0].melding).toBe('regio is verplicht.');
  expect(nl.headers.get('content-language')).toBe('nl');

  const en = await vraag(`${api.url}/cases`, {
    body: zonder('regio'),
    headers: { 'accept-language': 'en-GB,en;q=0.9' },
  });
  expect(en.body).toMatchObject({ title: 'Invalid input' });
  expect(en.body.fouten[0].melding).toBe('regio is required.');
  expect(en.headers.get('content-language')).toBe('en');
});

test('malformed JSON: 400', async () => {
  const antwoord = await vraag(`${api.url}/cases`, { body: `{"regio": "${merk}", "hoofdpersoon": {` });
  await verwachtProbleem(antwoord, 400);
  expect(antwoord.body.type).toBe('/problemen/ongeldige-json');
});

test('a 2 MB body: 413', async () => {
  const groot = JSON.stringify(aanvraag({ vraag: 'x'.repeat(2 * 1024 * 1024) }));
  const antwoord = await vraag(`${api.url}/cases`, { body: groot });
  await verwachtProbleem(antwoord, 413);
});

test('a body that is not JSON: 415', async () => {
  const antwoord = await vraag(`${api.url}/cases`, {
    body: `regio=${merk}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  await verwachtProbleem(antwoord, 415);
});

test('an Idempotency-Key that is too short: 422 naming the header', async () => {
  const antwoord = await vraag(`${api.url}/cases`, { body: aanvraag(), headers: { 'idempotency-key': 'kort' } });
  await verwachtProbleem(antwoord, 422);
  expect(antwoord.body.fouten).toEqual([expect.objectContaining({ veld: 'Idempotency-Key', regel: 'formaat' })]);
});

test('a NUL character anywhere text comes in: 422 naming the field, nothing stored', async () => {
  const inHetLijf = await vraag(`${api.url}/cases`, {
    body: aanvraag({ hoofdpersoon: { naam: `${merk} \u0000 Samira` } }),
  });
  await verwachtProbleem(inHetLijf, 422);
  expect(inHetLijf.body.fouten).toEqual([expect.objectContaining({ veld: 'hoofdpersoon.naam', regel: 'nul-teken' })]);
  const inEenSleutel = await vraag(`${api.url}/cases`, { body: { ...aanvraag(), ['wens\u0000']: 1 } });
  await verwachtProbleem(inEenSleutel, 422);
  const inDeVraag = await vraag(`${api.url}/cases?regio=a%00b`);
  await verwachtProbleem(inDeVraag, 422);
  expect(inDeVraag.body.fouten).toEqual([expect.objectContaining({ veld: 'query.regio', regel: 'nul-teken' })]);
});

test('a method an address does not take: 405 with what it does take', async () => {
  const verwijderen = await vraag(`${api.url}/cases`, { method: 'DELETE' });
  await verwachtProbleem(verwijderen, 405);
  expect(verwijderen.headers.get('allow')).toBe('POST, GET, HEAD');
  const lezen = await vraag(`${api.url}/cases/${crypto.randomUUID()}/toetsen`);
  await verwachtProbleem(lezen, 405);
  expect(lezen.headers.get('allow')).toBe('POST');
  await verwachtProbleem(await vraag(`${api.url}/regios/Flevoland`, { method: 'PUT', body: {} }), 405);
});

test('a case that does not exist, or an id that cannot exist: 404', async () => {
  await verwachtProbleem(await vraag(`${api.url}/cases/${crypto.randomUUID()}`), 404);
  await verwachtProbleem(await vraag(`${api.url}/cases/niet-een-id`), 404);
  await verwachtProbleem(await vraag(`${api.url}/bestaat-niet`), 404);
});

test('a valid request while Temporal is out of reach: 202, the request is kept to start later', async () => {
  const eigenMerk = `bewaard-${crypto.randomUUID()}`;
  await bekendeRegio(db.prisma, eigenMerk);
  const antwoord = await vraag(`${api.url}/cases`, { body: geldigeAanvraag({ regio: eigenMerk }) });
  expect(antwoord.status).toBe(202);
  expect(antwoord.body).toMatchObject({ fase: 'aanvraag', live: false, regio: eigenMerk });
  expect(antwoord.headers.get('location')).toBe(`/cases/${antwoord.body.id}`);
  const bewaard = await db.prisma.zaak.findUniqueOrThrow({ where: { id: antwoord.body.id } });
  expect(bewaard.fase).toBe('aanvraag');

  // Readable while it waits, with the phase as stored.
  const gelezen = await vraag(`${api.url}/cases/${antwoord.body.id}`);
  expect(gelezen.body).toMatchObject({ id: antwoord.body.id, fase: 'aanvraag', live: false });
});

// Runs last: none of the requests above stored anything.
test('nothing of any refused request was stored', async () => {
  expect(await opgeslagen()).toEqual({ zaken: 0, personen: 0 });
});
