// Traces end to end, on a real Temporal dev server: one command over HTTP is one trace, from
// the API's server span through the client's update and the workflow's handler to the
// activities it ran; and nothing in any span names a person or carries a token.
import crypto from 'node:crypto';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { loadConfig } from '../config/config';
import type { Database } from '../prisma/database';
import { sporenSinks, sporenStarten, type Sporen } from '../service/sporen';
import { workflowIdVoorZaak } from '../workflows/contract';
import { testDatabase, workflowBundle } from './support/omgeving';
import { wereld, type Wereld } from './support/proces';
import { binnen, liveZaak, startStack, vraag, type Stack } from './support/stack';
import { stafTokens } from './support/toegang';
import { geldigeAanvraag } from './support/zaken';

const exporter = new InMemorySpanExporter();
let sporen: Sporen | undefined;
let db: Database;
let stack: Stack;
let w: Wereld;
let t: Record<string, string>;
let temporal: Client;

beforeAll(async () => {
  // Before the stack: its client and worker take their interceptors from the running tracer.
  sporen = sporenStarten({ serviceName: 'kring-test', exporter });
  db = await testDatabase();
  // Metrics on as well: both read the route pattern of the same request (api/routepatroon.ts).
  stack = await startStack({
    database: db,
    linkGeheim: crypto.randomBytes(32),
    metricsToken: 'sporen-en-metrieken-samen',
  });
  w = await wereld(db.prisma);
  t = await stafTokens(db.prisma, w);
  temporal = new Client({ connection: await Connection.connect({ address: stack.temporal.address! }) });
}, 120_000);

afterAll(async () => {
  await temporal?.connection.close();
  await stack?.stop();
  await db?.close();
  await sporen?.stop();
});

const spans = () => exporter.getFinishedSpans();
const id = (s: ReadableSpan) => s.spanContext().spanId;
const ouder = (s: ReadableSpan) => spans().find((o) => id(o) === s.parentSpanId);
const kindVan = (s: ReadableSpan, naam: string) => spans().find((k) => k.parentSpanId === id(s) && k.name === naam);
/** Whether `voorouder` is somewhere above `s`. */
function onder(s: ReadableSpan, voorouder: ReadableSpan): boolean {
  for (let o = ouder(s); o; o = ouder(o)) if (id(o) === id(voorouder)) return true;
  return false;
}

test("one command is one trace: the request's span, the client's update, the workflow's handler, its activities", async () => {
  const aanvraag = geldigeAanvraag({ regio: w.regio });
  const gemaakt = await vraag(`${stack.api}/cases`, { body: aanvraag, token: t.operations });
  expect(gemaakt.status).toBe(201);
  const zaakId: string = gemaakt.body.id;
  await liveZaak(stack.api, zaakId, t.operations);

  // The caller is traced itself: its traceparent makes the API's span a child of the caller's.
  const traceId = crypto.randomBytes(16).toString('hex');
  const bellerSpan = crypto.randomBytes(8).toString('hex');
  const gekozen = await vraag(`${stack.api}/cases/${zaakId}/coordinator-kiezen`, {
    body: { coordinatorId: w.coordinatoren.anna },
    token: t.regiomanager,
    headers: { traceparent: `00-${traceId}-${bellerSpan}-01` },
  });
  expect(gekozen.status).toBe(200);

  const server = await binnen(10_000, async () =>
    spans().find((s) => s.spanContext().traceId === traceId && s.parentSpanId === bellerSpan),
  );
  expect(server.name).toBe('POST /cases/:id/coordinator-kiezen');
  expect(server.attributes).toMatchObject({
    'http.route': '/cases/:id/coordinator-kiezen',
    'url.path': `/cases/${zaakId}/coordinator-kiezen`,
    'http.response.status_code': 200,
  });

  const update = kindVan(server, 'StartWorkflowUpdate:coordinatorKiezen')!;
  expect(update).toBeDefined();
  expect(update.attributes.temporalWorkflowId).toBe(workflowIdVoorZaak(zaakId));

  // The workflow's spans leave its sandbox after the workflow task; the handler's ends with it.
  const handler = await binnen(30_000, async () => kindVan(update, 'HandleUpdate:coordinatorKiezen'));
  expect(kindVan(update, 'ValidateUpdate:coordinatorKiezen')).toBeDefined();
  const activiteit = await binnen(30_000, async () =>
    spans().find((s) => s.name.startsWith('RunActivity:') && onder(s, handler)),
  );
  expect(ouder(activiteit)!.name).toBe(activiteit.name.replace('RunActivity:', 'StartActivity:'));
  expect(activiteit.attributes.temporalWorkflowId).toBe(workflowIdVoorZaak(zaakId));
  for (const s of [server, update, handler, activiteit]) expect(s.spanContext().traceId).toBe(traceId);

  // A refused request keeps its route's name, though its error left the router.
  const fout = crypto.randomBytes(16).toString('hex');
  const geweigerd = await vraag(`${stack.api}/cases/${zaakId}/coordinator-kiezen`, {
    body: { coordinatorId: 'niemand' },
    token: t.regiomanager,
    headers: { traceparent: `00-${fout}-${bellerSpan}-01` },
  });
  expect(geweigerd.status).toBe(422);
  const weigering = await binnen(10_000, async () => spans().find((s) => s.spanContext().traceId === fout));
  expect(weigering.name).toBe('POST /cases/:id/coordinator-kiezen');
  expect(weigering.attributes['http.response.status_code']).toBe(422);

  // A traced run replays on the same code: its history says it runs with the interceptors.
  const history = await temporal.workflow.getHandle(workflowIdVoorZaak(zaakId)).fetchHistory();
  const patches = history.events!.flatMap((e) =>
    (e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? []).map((p) =>
      Buffer.from(p.data!).toString(),
    ),
  );
  expect(patches.some((p) => JSON.parse(p).id === 'sporen')).toBe(true);
  await Worker.runReplayHistory({ workflowBundle: await workflowBundle(), sinks: sporenSinks() }, history);

  // The request that made the case is a trace of its own, into the workflow's start and the
  // activities that took the request in (the workflow's own span ends when the case does).
  const start = spans().find(
    (s) => s.name === 'StartWorkflow:zaak' && s.attributes.temporalWorkflowId === workflowIdVoorZaak(zaakId),
  )!;
  expect(ouder(start)?.name).toBe('POST /cases');
  const { traceId: aanvraagTrace } = start.spanContext();
  expect(aanvraagTrace).not.toBe(traceId);
  expect(spans().some((s) => s.name.startsWith('RunActivity:') && s.spanContext().traceId === aanvraagTrace)).toBe(
    true,
  );
});

test('no span carries a token, a name, an address or a phone number', async () => {
  const aanvraag = geldigeAanvraag({ regio: w.regio });
  const gemaakt = await vraag(`${stack.api}/cases`, { body: aanvraag, token: t.operations });
  expect(gemaakt.status).toBe(201);
  const zaakId: string = gemaakt.body.id;
  await liveZaak(stack.api, zaakId, t.operations);
  await vraag(`${stack.api}/cases/${zaakId}/coordinator-kiezen`, {
    body: { coordinatorId: w.coordinatoren.anna },
    token: t.regiomanager,
  });
  // Anna accepts: the case is hers, and she makes a one-click link for the main person.
  await binnen(30_000, async () => {
    const a = await vraag(`${stack.api}/cases/${zaakId}/opdracht-beantwoorden`, {
      body: { aanvaard: true },
      token: t.coordinator,
    });
    return a.status === 200 ? a : undefined;
  });
  const link = await vraag(`${stack.api}/cases/${zaakId}/links`, {
    body: { persoonId: gemaakt.body.hoofdpersoon.id, doel: 'niet-goed' },
    token: t.coordinator,
  });
  expect(link.status).toBe(201);
  const linkToken = new URL(link.body.url).pathname.split('/')[2]!;

  // A link page, a sign-in link and a search, each with what must not leave in a span.
  const aanmeldToken = `aanmeld-${crypto.randomBytes(12).toString('hex')}`;
  await fetch(`${stack.api}/l/${linkToken}?bron=sms`);
  await fetch(`${stack.api}/aanmelden/${aanmeldToken}`);
  await vraag(`${stack.api}/cases?zoek=${encodeURIComponent('Samira El Amrani')}`, { token: t.operations });

  const linkpagina = await binnen(10_000, async () => spans().find((s) => s.name === 'GET /l/:token'));
  expect(linkpagina.attributes['url.path']).toBe('/l/:token');
  const aanmelding = await binnen(10_000, async () => spans().find((s) => s.name === 'GET /aanmelden/:token'));
  expect(aanmelding.attributes['url.path']).toBe('/aanmelden/:token');
  await binnen(30_000, async () =>
    spans().find(
      (s) => s.name.startsWith('RunActivity:') && s.attributes.temporalWorkflowId === workflowIdVoorZaak(zaakId),
    ),
  );

  const geheimen = [
    linkToken,
    linkToken.split('.')[1]!,
    aanmeldToken,
    ...Object.values(t),
    'Samira',
    'Anna de Vries',
    'Monique',
    '@example.org',
    '0612345678',
    '06-12345678',
    '+31612345678',
    aanvraag.vraag,
  ];
  const alles = JSON.stringify(
    spans().map((s) => ({ naam: s.name, attributen: s.attributes, gebeurtenissen: s.events, status: s.status })),
  );
  for (const geheim of geheimen)
    expect({ geheim, gevonden: alles.includes(geheim) }).toEqual({ geheim, gevonden: false });
});

test('a failure leaves with its type and stack frames, not its message; other attributes stay here', () => {
  trace.getTracer('proef').startActiveSpan('proef', (span) => {
    span.setAttributes({ naam: 'Samira El Amrani', 'url.path': '/aanmelden/geheim?naar=/cases' });
    span.recordException(new Error('Samira El Amrani, 06-12345678'));
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'Samira El Amrani' });
    span.end();
  });
  const proef = spans().find((s) => s.name === 'proef')!;
  expect(proef.attributes).toEqual({ 'url.path': '/aanmelden/:token' });
  expect(proef.status).toEqual({ code: SpanStatusCode.ERROR });
  expect(proef.events[0]!.attributes).toEqual({
    'exception.type': 'Error',
    'exception.stacktrace': expect.stringMatching(/^\s+at /),
  });
  expect(JSON.stringify(proef.events)).not.toContain('Samira');
});

test('tracing is configured by the OTLP endpoint variables, and off without them', () => {
  expect(loadConfig({}).sporen).toBeUndefined();
  expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).sporen).toEqual({
    url: 'http://collector:4318/v1/traces',
    serviceName: 'kring',
  });
  expect(
    loadConfig({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/v1/traces',
      OTEL_SERVICE_NAME: 'kring-api',
    }).sporen,
  ).toEqual({ url: 'https://traces.example/v1/traces', serviceName: 'kring-api' });
  expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
});
