// Who may do what, end to end: real tokens, the real API, the case workflow on a Temporal
// dev server. Each role gets exactly its access; everything is recorded; nothing personal
// reaches workflow history.
import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Database } from '../prisma/database';
import { ROLLEN_PER_OPDRACHT, workflowIdVoorZaak, type Opdrachtnaam } from '../workflows/contract';
import { LINKOPDRACHTEN } from '../api/opdrachten';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { startStack, vraag, type Stack } from './support/stack';
import { startApi } from '../api/server';
import { opdrachtViaApi, tokenVoor, zaakInVoorbereiding } from './support/toegang';
import { tokenHash } from '../api/toegang';
import { geldigeAanvraag } from './support/zaken';
import { users } from '../launcher/gebruikers';

let db: Database;
let stack: Stack;
let temporal: Client;
let w: Wereld;
let elders: Wereld;
let zaakId: string;
let professionalId: string;
const t: Record<string, string> = {};
const linkGeheim = crypto.randomBytes(32);

// Addresses of this file's own: kring knows people by address and name, across cases.
const EIGEN = crypto.randomUUID().slice(0, 8);
const HOOFDPERSOON = { naam: 'Samira El Amrani', telefoon: '06-12345678', email: `samira.${EIGEN}@example.org` };
const PETRA = `petra.${EIGEN}@example.org`;
const ZORGEN = 'Vader drinkt en wordt dan agressief tegen de kinderen.';

beforeAll(async () => {
  db = await testDatabase();
  // Behind a proxy on loopback, as behind a load balancer: X-Forwarded-For names the caller.
  stack = await startStack({ database: db, linkGeheim, vertrouwdeProxy: 'loopback' });
  temporal = new Client({ connection: await Connection.connect({ address: stack.temporal.address! }) });
  [w, elders] = [await wereld(db.prisma), await wereld(db.prisma)];
  t.operations = await tokenVoor(db.prisma, 'operations');
  t.regiomanager = await tokenVoor(db.prisma, 'regiomanager', w.regiomanager);
  t.coordinator = await tokenVoor(db.prisma, 'coordinator', w.coordinatoren.anna);
  t.admin = await tokenVoor(db.prisma, 'admin');
  t.andereRegiomanager = await tokenVoor(db.prisma, 'regiomanager', elders.regiomanager);
  t.andereCoordinator = await tokenVoor(db.prisma, 'coordinator', w.coordinatoren.bram);

  zaakId = await zaakInVoorbereiding(
    stack.api,
    w,
    {
      operations: t.operations,
      regiomanager: t.regiomanager,
      coordinator: t.coordinator,
    },
    { hoofdpersoon: HOOFDPERSOON, gemeente: 'Almere' },
  );
  const toegevoegd = await opdracht('coordinator', 'deelnemer-toevoegen', {
    persoon: { naam: 'Petra Jeugdbescherming', email: PETRA, telefoon: '06-87654321' },
    rol: 'professional',
    wettelijkeRol: 'jeugdbescherming',
  });
  professionalId = toegevoegd.persoonId;
  t.professional = await tokenVoor(db.prisma, 'professional', professionalId);
  await opdracht('professional', 'voorwaarden-indienen', { zorgen: ZORGEN, voorwaarden: ['Vader drinkt niet.'] });
}, 150_000);

afterAll(async () => {
  await temporal?.connection.close();
  await stack?.stop();
  await db?.close();
});

function opdracht(rol: string, pad: string, body: unknown) {
  return opdrachtViaApi(stack.api, zaakId, pad, body, t[rol]!);
}

type Rol =
  'operations' | 'regiomanager' | 'coordinator' | 'professional' | 'admin' | 'andereRegiomanager' | 'andereCoordinator';
const ROLLEN: Rol[] = [
  'operations',
  'regiomanager',
  'coordinator',
  'professional',
  'admin',
  'andereRegiomanager',
  'andereCoordinator',
];

// Bodies that fail validation: a role that may act gets 422 (so nothing is stored), one
// that may not gets 403, and one outside the case 404. Columns in the order of ROLLEN:
// operations, regiomanager, coordinator, professional, admin, another region's regiomanager, another coordinator.
// prettier-ignore
const MATRIX: Array<[string, string, unknown, string]> = [
  ['GET', '/cases/:id', undefined, '200 200 200 200 403 404 404'],
  ['GET', '/cases/:id/tijdlijn', undefined, '403 200 200 403 403 404 404'],
  ['GET', '/cases/:id/audit', undefined, '403 200 403 403 403 404 403'],
  ['GET', '/cases/:id/berichten', undefined, '403 200 200 403 403 404 404'],
  ['GET', '/cases/:id/kring', undefined, '403 200 200 403 403 404 404'],
  ['GET', '/cases/:id/plannen', undefined, '403 200 200 200 403 404 404'],
  ['GET', '/cases/:id/voorwaarden', undefined, '403 200 200 200 403 404 404'],
  ['GET', '/cases/:id/toetsingen', undefined, '403 200 200 200 403 404 404'],
  ['GET', '/cases/:id/afspraken', undefined, '403 200 200 403 403 404 404'],
  ['GET', '/cases/:id/signalen', undefined, '403 200 200 403 403 404 404'],
  ['GET', '/cases/:id/datumvoorstellen', undefined, '403 200 200 200 403 404 404'],
  ['GET', '/cases/:id/kandidaten', undefined, '403 200 403 403 403 404 403'],
  ['GET', '/cases', undefined, '200 200 200 200 403 200 200'],
  ['POST', '/cases', { regio: 1 }, '422 422 403 403 403 422 403'],
  ['GET', '/rapportage', undefined, '200 200 403 403 403 200 403'],
  ['POST', '/cases/:id/afsluiten', {}, '403 422 403 403 403 404 403'],
  ['POST', '/cases/:id/datum-voorstellen', {}, '403 403 422 403 403 403 404'],
  ['POST', '/cases/:id/voorwaarden-indienen', {}, '403 403 403 422 403 403 403'],
  ['POST', '/cases/:id/niet-goed-melden', {}, '403 403 422 422 403 403 404'],
  ['PUT', '/cases/:id/bewaarplicht', {}, '403 422 403 403 403 404 403'],
  ['DELETE', '/cases/:id/bewaarplicht', undefined, '403 204 403 403 403 404 403'],
];

test.each(MATRIX)('%s %s: each role gets exactly its access', async (methode, pad, body, verwacht) => {
  const gekregen: string[] = [];
  for (const rol of ROLLEN) {
    const url = `${stack.api}${pad.replace(':id', zaakId)}`;
    gekregen.push(String((await vraag(url, { method: methode, body, token: t[rol] })).status));
  }
  expect(gekregen.join(' ')).toBe(verwacht);
});

test('without a token, with a wrong one, an expired or a revoked one: 401', async () => {
  const url = `${stack.api}/cases/${zaakId}`;
  expect((await vraag(url, { token: null })).status).toBe(401);
  expect((await vraag(url, { token: 'kring_geraden' })).headers.get('www-authenticate')).toContain('Bearer');

  const verlopen = await tokenVoor(db.prisma, 'regiomanager', w.regiomanager);
  expect((await vraag(url, { token: verlopen })).status).toBe(200);
  await db.prisma.token.update({
    where: { hash: tokenHash(verlopen) },
    data: { verlooptOp: new Date(Date.now() - 1) },
  });
  expect((await vraag(url, { token: verlopen })).status).toBe(401);

  const ingetrokken = await tokenVoor(db.prisma, 'regiomanager', w.regiomanager);
  const { gebruiker } = await db.prisma.token.findUniqueOrThrow({
    where: { hash: tokenHash(ingetrokken) },
    include: { gebruiker: true },
  });
  expect(await users(db.prisma, ['revoke', gebruiker.naam])).toBe(
    `1 sleutel(s) van ${gebruiker.naam} ingetrokken, 0 sessie(s) beëindigd`,
  );
  const antwoord = await vraag(url, { token: ingetrokken });
  expect(antwoord.status).toBe(401);
  expect(antwoord.body.detail).toBe('Dit token is onbekend, verlopen of ingetrokken.');
});

test('tokens are stored only as hashes', async () => {
  const token = await tokenVoor(db.prisma, 'operations');
  const rijen = await db.prisma.token.findMany();
  expect(rijen.some((r) => r.hash === token || JSON.stringify(r).includes(token))).toBe(false);
});

test('each role reads only its part of the case: a professional never sees contact details', async () => {
  const url = `${stack.api}/cases/${zaakId}`;
  const volledig = (await vraag(url, { token: t.coordinator })).body;
  expect(volledig.hoofdpersoon).toMatchObject({ naam: HOOFDPERSOON.naam, telefoon: '+31612345678' });

  const samenvatting = (await vraag(url, { token: t.operations })).body;
  expect(samenvatting).toMatchObject({ id: zaakId, fase: 'voorbereiding', regio: w.regio });
  expect(JSON.stringify(samenvatting)).not.toContain('Samira');

  const professioneel = (await vraag(url, { token: t.professional })).body;
  expect(professioneel.voorwaarden).toEqual([
    expect.objectContaining({ versie: 1, zorgen: ZORGEN, voorwaarden: [{ nummer: 1, tekst: 'Vader drinkt niet.' }] }),
  ]);
  const tekst = JSON.stringify(professioneel);
  for (const persoonlijk of ['Samira', '+316', HOOFDPERSOON.email, 'Anna de Vries', 'anna.devries']) {
    expect(tekst).not.toContain(persoonlijk);
  }
});

test('a search lists only the cases within reach, with filters', async () => {
  const lijst = async (token: string, query = '') =>
    ((await vraag(`${stack.api}/cases?${query}`, { token })).body.zaken as Array<{ id: string }>).map((z) => z.id);
  expect(await lijst(t.regiomanager, `regio=${encodeURIComponent(w.regio)}`)).toEqual([zaakId]);
  expect(await lijst(t.coordinator, 'fase=voorbereiding')).toContain(zaakId);
  expect(await lijst(t.coordinator, 'fase=intake')).not.toContain(zaakId);
  expect(await lijst(t.professional)).toEqual([zaakId]);
  expect(await lijst(t.andereRegiomanager)).not.toContain(zaakId);
  expect(await lijst(t.andereCoordinator)).not.toContain(zaakId);
  const fout = await vraag(`${stack.api}/cases?fase=klaar`, { token: t.regiomanager });
  expect(fout.status).toBe(422);
  expect(fout.body.fouten[0]).toMatchObject({ veld: 'query.fase' });
});

test('a person can be given the list of who looked at their file', async () => {
  const { hoofdpersoon } = (await vraag(`${stack.api}/cases/${zaakId}`, { token: t.coordinator })).body;
  await vraag(`${stack.api}/cases/${zaakId}`, { token: t.professional });
  const url = `${stack.api}/persons/${hoofdpersoon.id}/inzage`;
  const { status, body } = await vraag(url, { token: t.regiomanager });
  expect(status).toBe(200);
  const professional = await db.prisma.gebruiker.findFirstOrThrow({ where: { persoonId: professionalId } });
  expect(body.inzagen).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ zaakId, wat: 'zaak.ingezien', door: professional.naam, rol: 'professional' }),
      expect.objectContaining({ zaakId, wat: 'zaak.ingezien', rol: 'coordinator' }),
    ]),
  );
  // Another region's regiomanager cannot ask for it; nor can the coordinator.
  expect((await vraag(url, { token: t.andereRegiomanager })).status).toBe(404);
  expect((await vraag(url, { token: t.coordinator })).status).toBe(403);
});

test('the read list covers only the cases the regiomanager may reach', async () => {
  const { hoofdpersoon } = (await vraag(`${stack.api}/cases/${zaakId}`, { token: t.coordinator })).body;
  // The same person in a case of another region, read there by someone.
  const daar = await db.prisma.zaak.create({
    data: {
      regio: elders.regio,
      workflowId: `zaak-elders-${zaakId}`,
      deelnemers: { create: [{ persoonId: hoofdpersoon.id, rol: 'hoofdpersoon' }] },
    },
  });
  await db.prisma.auditEvent.create({ data: { zaakId: daar.id, actor: 'iemand', actie: 'zaak.ingezien' } });
  const { body } = await vraag(`${stack.api}/persons/${hoofdpersoon.id}/inzage`, { token: t.regiomanager });
  const zaken = new Set(body.inzagen.map((i: { zaakId: string }) => i.zaakId));
  expect([...zaken]).toEqual([zaakId]);
});

test('a repeated request with its Idempotency-Key: the same case for its sender, refused for anyone else', async () => {
  const sleutel = `toegang-${crypto.randomUUID()}`;
  // Another region, so the report below counts only the case of this file.
  const aanvraag = { ...geldigeAanvraag({ regio: elders.regio }), hoofdpersoon: { naam: 'Noor Herhaald' } };
  const eerste = await vraag(`${stack.api}/cases`, {
    body: aanvraag,
    token: t.operations,
    headers: { 'idempotency-key': sleutel },
  });
  expect(eerste.body.hoofdpersoon.naam).toBe('Noor Herhaald');
  const herhaald = await vraag(`${stack.api}/cases`, {
    body: aanvraag,
    token: t.operations,
    headers: { 'idempotency-key': sleutel },
  });
  expect(herhaald.body.id).toBe(eerste.body.id);
  expect(JSON.stringify(herhaald.body)).not.toContain('Noor');
  const ander = await vraag(`${stack.api}/cases`, {
    body: aanvraag,
    token: t.regiomanager,
    headers: { 'idempotency-key': sleutel },
  });
  expect(ander.status).toBe(422);
  expect(JSON.stringify(ander.body)).not.toContain(eerste.body.id);
});

test("a malformed address or form is the caller's error: 4xx, not 5xx", async () => {
  expect((await vraag(`${stack.api}/cases/%E0`, { token: t.regiomanager })).status).toBe(400);
  expect((await vraag(`${stack.api}/l/%E0`)).status).toBe(400);
  const formulier = await fetch(`${stack.api}/l/x`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9',
  });
  expect(formulier.status).toBe(413);
});

test('the report counts the cases within reach, as JSON and as CSV', async () => {
  const json = await vraag(`${stack.api}/rapportage?regio=${encodeURIComponent(w.regio)}`, { token: t.regiomanager });
  expect(json.body.regels).toEqual([
    expect.objectContaining({ regio: w.regio, gemeente: 'Almere', aanvragen: 1, conferenties: 0, lopend: 1 }),
  ]);
  const elders = await vraag(`${stack.api}/rapportage?regio=${encodeURIComponent(w.regio)}`, {
    token: t.andereRegiomanager,
  });
  expect(elders.body.regels).toEqual([]);
  const csv = await fetch(`${stack.api}/rapportage?formaat=csv&regio=${encodeURIComponent(w.regio)}`, {
    headers: { authorization: `Bearer ${t.regiomanager}` },
  });
  expect(csv.headers.get('content-type')).toContain('text/csv');
  expect((await csv.text()).split('\r\n')[1]).toMatch(
    new RegExp(`^${w.regio},Almere,\\d{4},1,0,0,0,,,0,0,0,0,1,0,,0,,0,$`),
  );
});

test('a command that does not fit the phase: 409 with the process reason, in Dutch or English', async () => {
  const url = `${stack.api}/cases/${zaakId}/vervolg-vastleggen`;
  const nl = await vraag(url, { body: {}, token: t.coordinator });
  expect(nl.status).toBe(409);
  expect(nl.body.detail).toBe('Dit kan alleen in fase uitvoering; de zaak is in fase voorbereiding.');
  const en = await vraag(url, { body: {}, token: t.coordinator, headers: { 'accept-language': 'en' } });
  expect(en.status).toBe(409);
  expect(en.body.detail).toBe('This is only possible in phase uitvoering; the case is in phase voorbereiding.');
});

test('the audit trail records reads and changes: who, which case, what, through which token', async () => {
  await vraag(`${stack.api}/cases/${zaakId}`, { token: t.professional });
  const { status, body } = await vraag(`${stack.api}/cases/${zaakId}/audit`, { token: t.regiomanager });
  expect(status).toBe(200);
  const professional = await db.prisma.gebruiker.findFirstOrThrow({ where: { persoonId: professionalId } });
  expect(body.gebeurtenissen).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ actie: 'zaak.aangevraagd' }),
      expect.objectContaining({
        actie: 'opdracht.voorwaardenIndienen',
        actor: professional.id,
        via: expect.stringMatching(/^token:/),
      }),
      expect.objectContaining({ actie: 'zaak.ingezien', actor: professional.id }),
      expect.objectContaining({ actie: 'opdracht.coordinatorKiezen' }),
    ]),
  );
  // Append-only: the database itself refuses to change or remove a row.
  const rij = await db.prisma.auditEvent.findFirstOrThrow({ where: { zaakId } });
  await expect(db.prisma.auditEvent.update({ where: { id: rij.id }, data: { actie: 'anders' } })).rejects.toThrow();
  await expect(db.prisma.auditEvent.delete({ where: { id: rij.id } })).rejects.toThrow();
});

test("the case's raw workflow history holds no name, phone number, email address or free text", async () => {
  const geschiedenis = await temporal.workflow.getHandle(workflowIdVoorZaak(zaakId)).fetchHistory();
  const tekst = alleTekst(geschiedenis);
  expect(tekst).toContain(zaakId); // the decoding works: ids are there
  for (const persoonlijk of [
    'Samira',
    'El Amrani',
    '612345678',
    HOOFDPERSOON.email,
    'Petra',
    PETRA,
    '687654321',
    'Vader drinkt',
  ]) {
    expect(tekst).not.toContain(persoonlijk);
  }
});

describe('bad input to every endpoint of the OpenAPI document: 4xx, never 5xx, nothing stored', () => {
  type Schema = { type?: string; properties?: Record<string, Schema> };
  const verkeerd = (s: Schema): unknown =>
    ({ string: 12345, number: 'veel', integer: 'veel', boolean: 'ja', array: {}, object: [] })[s.type ?? ''] ?? {
      x: 1,
    };

  /** A token that passes the access check, so the body reaches validation. */
  function tokenVoorOperatie(operationId: string): string {
    if (operationId === 'zaakAanvragen') return t.operations!;
    // Links are made by staff of the case; commands by the roles the process names.
    const rollen = ROLLEN_PER_OPDRACHT[operationId as Opdrachtnaam] ?? ['coordinator'];
    return t[rollen.find((r) => t[r]) ?? 'coordinator']!;
  }

  /** What a command could store for this case (other test files share a PostgreSQL run's database). */
  async function inhoud() {
    const p = db.prisma;
    const where = { zaakId };
    return Promise.all([
      p.deelnemer.count({ where }),
      p.tekst.count({ where }),
      p.plan.count({ where }),
      p.voorwaardenFormulier.count({ where }),
      p.datumVoorstel.count({ where }),
      p.toetsing.count({ where }),
      p.link.count({ where }),
    ]);
  }

  test('request bodies', async () => {
    const doc = (await vraag(`${stack.api}/openapi.json`)).body;
    const voor = await inhoud();
    const gekregen: string[] = [];
    let aantal = 0;
    for (const [pad, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      const post = ops.post;
      if (!post?.requestBody) continue;
      const url = `${stack.api}${pad.replace('{id}', zaakId)}`;
      const schema: Schema = post.requestBody.content['application/json'].schema;
      const bodies: Array<[string, unknown]> = [
        ['malformed JSON', '{"'],
        ['a list', '[]'],
        ['null', 'null'],
        ['a string', '"tekst"'],
        ['an unknown field', JSON.stringify({ onbekendVeld: true })],
        ['too large', JSON.stringify({ x: 'x'.repeat(200 * 1024) })],
        ...Object.entries(schema.properties ?? {}).map(
          ([veld, s]) => [`${veld} of the wrong type`, JSON.stringify({ [veld]: verkeerd(s) })] as [string, unknown],
        ),
      ];
      for (const [naam, body] of bodies) {
        const a = await vraag(url, { body, token: tokenVoorOperatie(post.operationId) });
        aantal++;
        const goed = a.status >= 400 && a.status < 500 && a.headers.get('content-type')?.includes('problem+json');
        if (!goed) gekregen.push(`${pad} with ${naam}: ${a.status}`);
      }
    }
    expect(gekregen).toEqual([]);
    expect(aantal).toBeGreaterThan(200);
    expect(await inhoud()).toEqual(voor);
  });

  test('search parameters', async () => {
    for (const query of ['fase=klaar', 'limiet=-1', 'limiet=veel', 'vanaf=1e9', 'onbekend=1', 'noodsituatie=ja']) {
      const a = await vraag(`${stack.api}/cases?${query}`, { token: t.regiomanager });
      expect({ query, status: a.status }).toEqual({ query, status: 422 });
    }
  });
});

test('the OpenAPI document and its page describe every command', async () => {
  const doc = (await vraag(`${stack.api}/openapi.json`, { token: null })).body;
  expect(doc.openapi).toBe('3.1.0');
  const operaties = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
    (ops) => Object.values(ops).map((o) => o.operationId),
  );
  // Every command an account can give; the participants' own (an answer, "the circle met") go through a link.
  const metAccount = Object.entries(ROLLEN_PER_OPDRACHT).filter(
    ([naam]) => !(LINKOPDRACHTEN as readonly string[]).includes(naam),
  );
  expect(metAccount.length).toBe(30);
  expect(operaties).toEqual(expect.arrayContaining(metAccount.map(([naam]) => naam)));
  // And every read of the case file.
  for (const onderwerp of [
    'kring',
    'plannen',
    'voorwaarden',
    'toetsingen',
    'afspraken',
    'signalen',
    'datumvoorstellen',
    'kandidaten',
  ]) {
    expect(doc.paths[`/cases/{id}/${onderwerp}`]?.get).toBeDefined();
  }
  const pagina = await fetch(`${stack.api}/docs`);
  expect(pagina.headers.get('content-type')).toContain('text/html');
  expect(await pagina.text()).toContain('POST /cases/{id}/niet-goed-melden');
});

test('answers carry security headers and no CORS permission', async () => {
  const a = await fetch(`${stack.api}/cases/${zaakId}`, {
    headers: { authorization: `Bearer ${t.regiomanager}`, origin: 'https://elders.example' },
  });
  expect(a.headers.get('access-control-allow-origin')).toBeNull();
  expect(a.headers.get('x-content-type-options')).toBe('nosniff');
  expect(a.headers.get('cache-control')).toBe('no-store');
  expect(a.headers.get('x-powered-by')).toBeNull();
  expect(a.headers.get('x-frame-options')).toBe('DENY');
  expect(a.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
  expect(a.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect(a.headers.get('referrer-policy')).toBe('no-referrer');
  // Each answer names its request, as the log line about it does.
  expect(a.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});

const vanAdres = (ip: string) => ({ 'x-forwarded-for': ip });

test('an address that keeps guessing tokens is held off; other addresses and valid tokens are not', async () => {
  const url = `${stack.api}/cases`;
  const antwoorden = [];
  for (let i = 0; i < 11; i++) {
    antwoorden.push(await vraag(url, { token: `kring_fout${i}`, headers: vanAdres('203.0.113.7') }));
  }
  expect(antwoorden.map((a) => a.status)).toEqual([...Array(10).fill(401), 429]);
  const laatste = antwoorden.at(-1)!;
  expect(Number(laatste.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(laatste.body.detail).toMatch(/Te veel mislukte aanmeldingen vanaf dit adres/);
  // A valid token from that same address goes through; another address behind the same proxy
  // is told its token is wrong, not held off.
  expect((await vraag(url, { token: t.regiomanager, headers: vanAdres('203.0.113.7') })).status).toBe(200);
  expect((await vraag(url, { token: 'kring_fout-elders', headers: vanAdres('198.51.100.9') })).status).toBe(401);
  // No token at all is no attempt.
  for (let i = 0; i < 12; i++) {
    expect((await vraag(url, { token: null, headers: vanAdres('198.51.100.10') })).status).toBe(401);
  }
});

test("an account's revoked token tried from many addresses holds off that token, not the account's valid one", async () => {
  const oud = await tokenVoor(db.prisma, 'operations');
  const gebruiker = (await db.prisma.token.findUnique({ where: { hash: tokenHash(oud) } }))!.gebruikerId;
  await db.prisma.token.updateMany({ where: { hash: tokenHash(oud) }, data: { ingetrokkenOp: new Date() } });
  const nieuw = (
    await users(db.prisma, ['token', (await db.prisma.gebruiker.findUnique({ where: { id: gebruiker } }))!.naam])
  ).split('\n')[0]!;
  const url = `${stack.api}/cases`;
  const statussen = [];
  for (let i = 0; i < 11; i++) {
    statussen.push((await vraag(url, { token: oud, headers: vanAdres(`192.0.2.${i + 1}`) })).status);
  }
  expect(statussen).toEqual([...Array(10).fill(401), 429]);
  expect((await vraag(url, { token: nieuw, headers: vanAdres('192.0.2.1') })).status).toBe(200);
});

test('the count is shared: a second API process on the same database holds the address off too', async () => {
  const tweede = await startApi(
    {
      prisma: db.prisma,
      proces: stack.kring.proces!,
      databaseBereikbaar: async () => true,
      vertrouwdeProxy: 'loopback',
      // Processes share KRING_LINK_SECRET, which also keys the counts.
      links: { geheim: linkGeheim, publicBaseUrl: 'http://kring.test' },
    },
    { host: '127.0.0.1', port: 0 },
  );
  try {
    for (let i = 0; i < 6; i++)
      await vraag(`${stack.api}/cases`, { token: `kring_a${i}`, headers: vanAdres('203.0.113.50') });
    for (let i = 0; i < 4; i++)
      await vraag(`${tweede.url}/cases`, { token: `kring_b${i}`, headers: vanAdres('203.0.113.50') });
    expect((await vraag(`${tweede.url}/cases`, { token: 'kring_b9', headers: vanAdres('203.0.113.50') })).status).toBe(
      429,
    );
  } finally {
    await tweede.stop();
  }
});

/** Every string and decoded byte payload in a history, as one text. */
function alleTekst(waarde: unknown): string {
  if (waarde instanceof Uint8Array) return Buffer.from(waarde).toString('utf8');
  if (typeof waarde === 'string') return waarde;
  if (Array.isArray(waarde)) return waarde.map(alleTekst).join('\n');
  if (waarde && typeof waarde === 'object') return Object.values(waarde).map(alleTekst).join('\n');
  return '';
}
