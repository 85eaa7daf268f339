// The logs of a whole run hold ids, never a person: `npm run demo` with JSON logs at debug
// level, a request with its people, failed sign-ins, a sign-in by link, a search by name, the
// family's link pages; then every log line is searched for every name, number, address,
// free text and token that went through.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { freePort, tempDir } from './support/omgeving';
import { npmStart } from './support/npmstart';
import { binnen, gebruikToken, liveZaak, vraag } from './support/stack';

const NIEUW = {
  aanvrager: { relatie: 'professional', naam: 'Gerrit Klaproos', organisatie: 'Wijkteam Zuiderzee' },
  hoofdpersoon: { naam: 'Wilhelmina Zonnebloem', telefoon: '06-98765432', email: 'wilhelmina.zonnebloem@example.org' },
  regio: 'Flevoland',
  vraag: 'Hoe houden wij opa Bartholomeus thuis veilig?',
  noodsituatie: false,
};

/** Every value of a field that names or reaches a person, anywhere in an answer. */
function persoonsgegevens(waarde: unknown, gevonden: Set<string>): Set<string> {
  if (Array.isArray(waarde)) waarde.forEach((w) => persoonsgegevens(w, gevonden));
  else if (waarde && typeof waarde === 'object') {
    for (const [sleutel, w] of Object.entries(waarde)) {
      if (typeof w === 'string' && /^(naam|telefoon|email|adres|vraag|tekst)$/i.test(sleutel) && w.length >= 5) {
        gevonden.add(w);
      } else persoonsgegevens(w, gevonden);
    }
  }
  return gevonden;
}

test('a whole run logs JSON lines with request, account, case and workflow ids; no personal data or token in its logs or metrics', async () => {
  const dataDir = tempDir('logboek');
  const port = await freePort();
  const workerMetrics = await freePort();
  const kring = npmStart(
    {
      KRING_DATA_DIR: dataDir,
      PORT: String(port),
      TEMPORAL_DEV_PORT: String(await freePort()),
      TEMPORAL_UI_PORT: String(await freePort()),
      // The demo world is its own: always the embedded database, also on a PostgreSQL run.
      DATABASE_URL: '',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
      METRICS_TOKEN: 'logtest-metrics-token',
      WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetrics}`,
    },
    '--demo',
  );
  const geheim = new Set<string>(Object.values(NIEUW.hoofdpersoon).concat(NIEUW.aanvrager.naam, NIEUW.vraag));
  // What the terminal's own lines (the banner with the demo's people and tokens) never show either.
  const nooitGetoond = new Set<string>(geheim);
  let zaakId = '';
  const uitvoerBuitenLog: string[] = [];
  try {
    const api = await kring.klaar;
    const tokens = kring.uitvoer().match(/kring_[\w-]{20,}/g) ?? [];
    tokens.forEach((t) => geheim.add(t));
    const token = (rol: string) => {
      const gevonden = new RegExp(`${rol}\\s.*?(kring_[\\w-]{20,})`).exec(kring.uitvoer())?.[1];
      if (!gevonden) throw new Error(`no ${rol} token in the demo's output:\n${kring.uitvoer().slice(-3000)}`);
      return gevonden;
    };
    gebruikToken(token('operations'));

    const aangemaakt = await vraag(`${api}/cases`, { body: NIEUW, headers: { 'x-request-id': 'aanvraag-logtest-1' } });
    expect(aangemaakt.status).toBe(201);
    zaakId = aangemaakt.body.id;
    // Refused with its people in the body: the body stays out of the log too.
    expect((await vraag(`${api}/cases`, { body: { ...NIEUW, regio: 'Atlantis' } })).status).toBe(422);
    for (let i = 0; i < 11; i++) {
      const fout = `kring_geraden${i}xxxxxxxxxxxxxxxxxxxx`;
      geheim.add(fout);
      nooitGetoond.add(fout);
      await vraag(`${api}/cases`, { token: fout });
    }
    expect((await vraag(`${api}/cases`, { token: 'kring_geradenLaatstexxxxxxxxxxxxxxxxx' })).status).toBe(429);

    // What the regiomanager reads of her cases: every name and number in it is a secret for the log.
    const rm = token('regiomanager');
    const { body: lijst } = await vraag(`${api}/cases`, { token: rm });
    for (const zaak of lijst.zaken as Array<{ id: string }>) {
      persoonsgegevens((await vraag(`${api}/cases/${zaak.id}`, { token: rm })).body, geheim);
      persoonsgegevens((await vraag(`${api}/cases/${zaak.id}/kring`, { token: rm })).body, geheim);
    }

    // Signed in by the link in her mail, she searches her cases by the main person's name.
    const email = /regiomanager\s+\S+ \S+ \S+\s+(\S+@\S+)/.exec(kring.uitvoer())![1]!;
    geheim.add(email);
    const gevraagd = await fetch(`${api}/aanmelden`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email }),
    });
    expect(gevraagd.status).toBe(200);
    const uitbus = path.join(dataDir, 'uitbus', 'email');
    const mails = () =>
      Promise.all(fs.readdirSync(uitbus).map((f) => simpleParser(fs.readFileSync(path.join(uitbus, f)))));
    const aanmeldlink = await binnen(30_000, async () => {
      const mail = (await mails()).find((m) => m.subject === 'Uw aanmeldlink voor kring');
      return mail?.text?.match(/\/aanmelden\/([\w-]{20,})/)?.[1];
    });
    geheim.add(aanmeldlink);
    nooitGetoond.add(aanmeldlink);
    const aangemeld = await fetch(`${api}/aanmelden/${aanmeldlink}`, { method: 'POST', redirect: 'manual' });
    expect(aangemeld.status).toBe(303);
    const cookie = aangemeld.headers.get('set-cookie')!.split(';')[0]!;
    geheim.add(cookie.split('=')[1]!);
    nooitGetoond.add(cookie.split('=')[1]!);
    const zoek = await fetch(`${api}/?zoek=${encodeURIComponent('Wilhelmina')}`, { headers: { cookie } });
    expect(zoek.status).toBe(200);
    // A person's rights: found by name, their data handed over, an erasure refused while the case is open.
    const personen = await vraag(`${api}/persons?zoek=${encodeURIComponent('Wilhelmina')}`, { token: rm });
    expect(personen.status).toBe(200);
    const wilhelmina = (personen.body.personen as Array<{ id: string }>)[0]!;
    const gegevens = await vraag(`${api}/persons/${wilhelmina.id}/gegevens`, { token: rm });
    expect(gegevens.status).toBe(200);
    persoonsgegevens(gegevens.body, geheim);
    expect((await vraag(`${api}/persons/${wilhelmina.id}/wissen`, { method: 'POST', token: rm })).status).toBe(409);
    const personenScherm = await fetch(`${api}/personen?zoek=${encodeURIComponent('Zonnebloem')}`, {
      headers: { cookie },
    });
    expect(await personenScherm.text()).toContain('Wilhelmina Zonnebloem');

    // The family's links from the demo world's messages open, and their keys are secrets too.
    const teksten = (await mails()).map((m) => m.text ?? '').join('\n');
    const links = [...new Set(teksten.match(/\/l\/[\w-]+\.[\w-]+/g) ?? [])];
    expect(links.length).toBeGreaterThan(0);
    // Express matches paths in any case: a link typed as /L/… is cut from the log all the same.
    expect((await fetch(`${api}/L${links[0]!.slice(2)}`)).status).toBe(200);
    for (const link of links.slice(0, 5)) {
      geheim.add(link.slice(3));
      nooitGetoond.add(link.slice(3));
      expect((await fetch(`${api}${link}`)).status).toBe(200);
    }
    // The new case's first steps ran in the worker (its activities log at debug level).
    await liveZaak(api, zaakId);

    // The metrics of the same run: the API's for Prometheus, the worker's from the Temporal SDK.
    const metrieken = await fetch(`${api}/metrics`, { headers: { authorization: 'Bearer logtest-metrics-token' } });
    expect(metrieken.status).toBe(200);
    const apiMetrieken = await metrieken.text();
    expect(apiMetrieken).toMatch(/kring_http_requests_total\{method="POST",route="\/cases",status="201"\} 1/);
    const sdkMetrieken = await (await fetch(`http://127.0.0.1:${workerMetrics}/metrics`)).text();
    expect(sdkMetrieken).toMatch(/^temporal_activity_execution_latency/m);
    uitvoerBuitenLog.push(apiMetrieken, sdkMetrieken);
  } finally {
    kring.proces.kill('SIGINT');
    await kring.gestopt;
  }

  const regels = kring
    .uitvoer()
    .split('\n')
    .filter((r) => r.startsWith('{'))
    .map((r) => JSON.parse(r) as Record<string, any>);
  const verzoeken = regels.filter((r) => r.req);
  expect(verzoeken.find((r) => r.req.id === 'aanvraag-logtest-1')).toMatchObject({
    req: { method: 'POST', path: '/cases' },
    res: { status: 201 },
    accountId: expect.any(String),
    ms: expect.any(Number),
  });
  expect(verzoeken.map((r) => r.res.status)).toEqual(expect.arrayContaining([200, 201, 303, 401, 422, 429]));
  expect(verzoeken.some((r) => r.zaakId === zaakId)).toBe(true);
  expect(verzoeken.some((r) => r.req.path.startsWith('/l/…'))).toBe(true);
  expect(regels.some((r) => r.bron === 'temporal' && r.workflowId === `zaak-${zaakId}` && r.activityType)).toBe(true);
  // The case process says which phase it is in, under its workflow id.
  expect(regels).toContainEqual(expect.objectContaining({ msg: 'fase', fase: 'intake', workflowId: `zaak-${zaakId}` }));

  const log = [...regels.map((r) => JSON.stringify(r)), ...uitvoerBuitenLog].join('\n');
  expect(geheim.size).toBeGreaterThan(40);
  const gelekt = [...geheim].filter((g) => log.toLowerCase().includes(g.toLowerCase()));
  expect(gelekt).toEqual([]);
  const uitvoer = kring.uitvoer().toLowerCase();
  expect([...nooitGetoond].filter((g) => uitvoer.includes(g.toLowerCase()))).toEqual([]);
}, 300_000);
