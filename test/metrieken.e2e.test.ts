// /metrics as an operator's Prometheus reads it, against the real stack: only for the metrics
// token; requests by route pattern and status, commands taken and refused with their reason,
// messages, escalations and open cases from the database; and nothing of a person, a case id
// or a token anywhere in it.
import crypto from 'node:crypto';
import type { Database } from '../prisma/database';
import { startApi, type RunningApi } from '../api/server';
import { TERMIJNEN } from '../workflows/termijnen';
import { testDatabase } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { binnen, liveZaak, startStack, vraag, type Stack } from './support/stack';
import { tokenVoor } from './support/toegang';
import { geldigeAanvraag } from './support/zaken';

const METRICS_TOKEN = crypto.randomBytes(24).toString('base64url');

let db: Database;
let stack: Stack;
let w: Wereld;
const t: Record<string, string> = {};

beforeAll(async () => {
  db = await testDatabase();
  stack = await startStack({
    database: db,
    linkGeheim: crypto.randomBytes(32),
    metricsToken: METRICS_TOKEN,
    // A contact deadline of seconds, so an escalation fires while the test looks.
    termijnenVoor: () => ({ ...TERMIJNEN.standaard, contact: '3 seconds', contactHerhaling: '1 hour' }),
  });
  w = await wereld(db.prisma);
  t.operations = await tokenVoor(db.prisma, 'operations');
  t.regiomanager = await tokenVoor(db.prisma, 'regiomanager', w.regiomanager);
}, 150_000);

afterAll(async () => {
  await stack?.stop();
  await db?.close();
});

async function metrics(authorization?: string) {
  const response = await fetch(`${stack.api}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: response.status, type: response.headers.get('content-type'), tekst: await response.text() };
}

/** The sum of a metric's samples whose labels include these, as Prometheus would read the text. */
function waarde(tekst: string, naam: string, labels: Record<string, string> = {}): number | undefined {
  let som: number | undefined;
  for (const regel of tekst.split('\n')) {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(regel);
    if (!m || m[1] !== naam) continue;
    const gegeven = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]),
    );
    if (Object.entries(labels).every(([k, v]) => gegeven[k] === v)) som = (som ?? 0) + Number(m[3]);
  }
  return som;
}

test('/metrics is not public: the metrics token only, and no such address without one configured', async () => {
  const zonder = await metrics();
  expect(zonder.status).toBe(401);
  expect(zonder.tekst).not.toContain('kring_');
  expect((await metrics(`Bearer ${METRICS_TOKEN}x`)).status).toBe(401);
  // A staff member's token is not the metrics token.
  expect((await metrics(`Bearer ${t.operations}`)).status).toBe(401);

  const met = await metrics(`Bearer ${METRICS_TOKEN}`);
  expect(met.status).toBe(200);
  expect(met.type).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(met.tekst).toContain('# TYPE kring_http_requests_total counter');
  expect(met.tekst).toContain('# TYPE kring_http_request_duration_seconds histogram');
  expect(waarde(met.tekst, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

  // The same API without METRICS_TOKEN: /metrics is an address like any unknown one.
  let zonderToken: RunningApi | undefined;
  try {
    zonderToken = await startApi(
      { prisma: db.prisma, proces: stack.kring.proces!, databaseBereikbaar: () => db.ping() },
      { host: '127.0.0.1', port: 0 },
    );
    const antwoord = await fetch(`${zonderToken.url}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(antwoord.status).toBe(404);
  } finally {
    await zonderToken?.stop();
  }
});

test('a case, a command taken and one refused, messages, an escalation: counted by pattern and code, nothing personal', async () => {
  const eigen = crypto.randomUUID().slice(0, 8);
  const hoofdpersoon = {
    naam: `Yasmina Metriek${eigen}`,
    telefoon: '06-24681357',
    email: `yasmina.${eigen}@example.org`,
  };
  const aangemaakt = await vraag(`${stack.api}/cases`, {
    body: geldigeAanvraag({ regio: w.regio, hoofdpersoon }),
    token: t.operations,
  });
  expect(aangemaakt.status).toBe(201);
  const zaakId: string = aangemaakt.body.id;
  await liveZaak(stack.api, zaakId, t.operations);

  const gekozen = await vraag(`${stack.api}/cases/${zaakId}/coordinator-kiezen`, {
    body: { coordinatorId: w.coordinatoren.anna },
    token: t.regiomanager,
  });
  expect(gekozen.status).toBe(200);
  const verlengd = await vraag(`${stack.api}/cases/${zaakId}/verlengen`, {
    body: { duur: '2 weeks', reden: `De familie van ${hoofdpersoon.naam} heeft meer tijd nodig.` },
    token: t.regiomanager,
  });
  expect([verlengd.status, verlengd.body.code]).toEqual([409, 'verkeerde-fase']);

  // Addresses with a key in them, and one kring does not know.
  const linktoken = `nep${crypto.randomBytes(16).toString('hex')}`;
  const aanmeldtoken = `nep${crypto.randomBytes(16).toString('hex')}`;
  await fetch(`${stack.api}/l/${linktoken}`);
  await fetch(`${stack.api}/aanmelden/${aanmeldtoken}?van=${eigen}`);
  await fetch(`${stack.api}/bestaat-niet/${zaakId}`);

  const bearer = `Bearer ${METRICS_TOKEN}`;
  // The offer's email to Anna and the contact escalation are written by the worker: a moment.
  const tekst = await binnen(60_000, async () => {
    const { tekst } = await metrics(bearer);
    const email = waarde(tekst, 'kring_berichten', { kanaal: 'email' }) ?? 0;
    const escalaties = waarde(tekst, 'kring_escalaties', { termijn: 'contact' }) ?? 0;
    return email > 0 && escalaties > 0 ? tekst : undefined;
  });

  const verzoeken = (route: string, status: string, method = 'GET') =>
    waarde(tekst, 'kring_http_requests_total', { method, route, status });
  expect(verzoeken('/cases', '201', 'POST')).toBeGreaterThanOrEqual(1);
  expect(
    waarde(tekst, 'kring_http_request_duration_seconds_count', { method: 'POST', route: '/cases', status: '201' }),
  ).toBeGreaterThanOrEqual(1);
  expect(verzoeken('/cases/:id', '200')).toBeGreaterThanOrEqual(1);
  expect(verzoeken('/cases/:id/coordinator-kiezen', '200', 'POST')).toBe(1);
  expect(verzoeken('/cases/:id/verlengen', '409', 'POST')).toBe(1);
  expect(waarde(tekst, 'kring_http_requests_total', { route: '/l/:token' })).toBeGreaterThanOrEqual(1);
  expect(waarde(tekst, 'kring_http_requests_total', { route: '/aanmelden/:token' })).toBeGreaterThanOrEqual(1);
  expect(verzoeken('onbekend', '404')).toBeGreaterThanOrEqual(1);

  expect(
    waarde(tekst, 'kring_opdrachten_total', { opdracht: 'coordinatorKiezen', uitkomst: 'aanvaard', reden: '' }),
  ).toBe(1);
  expect(
    waarde(tekst, 'kring_opdrachten_total', { opdracht: 'verlengen', uitkomst: 'geweigerd', reden: 'verkeerde-fase' }),
  ).toBe(1);

  expect(waarde(tekst, 'kring_zaken_open', { fase: 'intake' })).toBeGreaterThanOrEqual(1);
  // Every phase and every channel and status is there, zero or not.
  expect(waarde(tekst, 'kring_zaken_open', { fase: 'conferentie' })).toBeGreaterThanOrEqual(0);
  expect(waarde(tekst, 'kring_berichten', { kanaal: 'sms', status: 'mislukt' })).toBeGreaterThanOrEqual(0);
  // The escalation moved the contact deadline on: whether one is overdue now depends on other cases.
  expect(tekst).toContain('# TYPE kring_termijnen_verlopen gauge');
  expect(waarde(tekst, 'kring_herstel_rondes_total')).toBeGreaterThanOrEqual(0);
  expect(waarde(tekst, 'kring_herstel_zaken_total')).toBeGreaterThanOrEqual(0);
  expect(waarde(tekst, 'kring_metrieken_databasefouten_total')).toBe(0);

  // Nothing that names a person, a case, a region or a key, in any spelling the API took.
  const anna = await db.prisma.persoon.findUniqueOrThrow({ where: { id: w.coordinatoren.anna } });
  const geheim = [
    zaakId,
    w.regio,
    w.regiomanager,
    w.coordinatoren.anna,
    anna.naam,
    anna.email!,
    hoofdpersoon.naam,
    'Metriek',
    hoofdpersoon.email,
    '24681357',
    eigen,
    'Anna de Vries',
    linktoken,
    aanmeldtoken,
    METRICS_TOKEN,
    t.operations,
    t.regiomanager,
  ];
  for (const woord of geheim) expect({ woord, gevonden: tekst.includes(woord) }).toEqual({ woord, gevonden: false });
});
