// Messages that reach people: email over a real SMTP exchange, SMS through the real twilio
// library to a loopback Messages API; each once, in the recipient's language, or someone told.
import crypto from 'node:crypto';
import { createNotificatieActivities } from '../activities/notificaties';
import { smtp, twilioSms, type Verzender } from '../activities/verzenders';
import { startApi, type RunningApi } from '../api/server';
import type { Database } from '../prisma/database';
import { testDatabase } from './support/omgeving';
import type { ZaakInTest } from './support/proces';
import { DAG, scenario, totVoorbereiding, volgendAmsterdamsUur, type Omgeving } from './support/scenario';
import { postbus, type Postbus } from './support/smtp';
import { binnen } from './support/stack';
import { opgeslagenZaak } from './support/zaken';
import { ACCOUNT_SID, AUTH_TOKEN, VAN, nepTwilio, twilioHandtekening, type NepTwilio } from './support/twilio-nep';

const PUBLIEK = 'http://kring.test';

let db: Database;
let mail: Postbus;
let sms: NepTwilio;

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.close());
beforeEach(async () => {
  mail = await postbus();
  sms = await nepTwilio();
});
afterEach(async () => {
  await mail.stop();
  await sms.stop();
});

function echteKanalen(): Verzender {
  return {
    ...smtp(mail.url, 'Eigen Kracht <noreply@kring.test>'),
    ...twilioSms({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      van: VAN,
      statusCallback: `${PUBLIEK}/twilio/status`,
      apiBase: sms.url,
    }),
  };
}

/** A scenario whose messages go over the real SMTP exchange and the twilio library. */
function metEchteKanalen(fn: (o: Omgeving) => Promise<void>) {
  return scenario(db, fn, undefined, echteKanalen());
}

const telefoon = () => `+316${String(crypto.randomInt(10_000_000, 99_999_999))}`;

async function zetPersoon(
  id: string,
  gegevens: { telefoon?: string | null; kanaal?: 'email' | 'sms' | 'beide'; taal?: string; email?: string },
) {
  return db.prisma.persoon.update({ where: { id }, data: gegevens });
}

async function berichten(zaakId: string, soort?: string) {
  return db.prisma.bericht.findMany({
    where: { zaakId, ...(soort && { melding: { soort } }) },
    include: { melding: true },
    orderBy: { aangemaaktOp: 'asc' },
  });
}

/** Waits (bounded) until the case has a message of this kind with this status. */
function totStatus(zaakId: string, soort: string, status: string) {
  return binnen(30_000, async () => (await berichten(zaakId, soort)).find((b) => b.status === status));
}

/** A network member with these contact details, invited: the invitation goes out. */
async function uitgenodigdeTante(
  zaak: ZaakInTest,
  gegevens: Parameters<typeof zetPersoon>[1],
  bekend?: (email: string) => void,
  email?: string,
) {
  await totVoorbereiding(zaak);
  const tante = await zaak.deelnemer('Tante Fatima', 'netwerk');
  const persoon = await zetPersoon(tante, { ...gegevens, ...(email && { email }) });
  bekend?.(persoon.email!);
  await zaak.opdracht('deelnemerBijwerken', {
    door: zaak.door.coordinator,
    persoonId: tante,
    uitnodiging: 'uitgenodigd',
  });
  return persoon;
}

test("email: a real SMTP exchange, in the recipient's language", async () => {
  await metEchteKanalen(async (o) => {
    const regiomanager = await db.prisma.persoon.findUniqueOrThrow({ where: { id: o.w.regiomanager } });
    const zaak = await o.nieuweZaak();
    const bericht = await totStatus(zaak.id, 'aanvraag.ontvangen', 'verstuurd');
    const [ontvangen] = mail.aan(regiomanager.email!);
    expect(mail.aan(regiomanager.email!)).toHaveLength(1);
    expect(ontvangen!.subject).toBe(`Nieuwe aanvraag, regio ${o.w.regio}`);
    expect(ontvangen!.text).toContain(`Zaak ${zaak.id.slice(0, 8).toUpperCase()}: ${PUBLIEK}/zaken/${zaak.id}`);
    expect(ontvangen!.text).toContain('binnen drie dagen');
    expect(ontvangen!.from?.text).toContain('noreply@kring.test');
    expect(ontvangen!.messageId).toBe(bericht.providerId);

    // The same event for a regiomanager who reads English.
    await zetPersoon(o.w.regiomanager, { taal: 'en' });
    const tweede = await o.nieuweZaak({ noodsituatie: true });
    await totStatus(tweede.id, 'aanvraag.ontvangen', 'verstuurd');
    const engels = mail.aan(regiomanager.email!).find((m) => m.subject?.startsWith('New request'));
    expect(engels?.subject).toBe(`New request (urgent), region ${o.w.regio}`);
    expect(engels?.text).toContain('within 24 hours');
  });
});

describe('SMS through the twilio library', () => {
  let api: RunningApi;
  afterEach(async () => {
    await api?.stop();
  });

  async function metApi(o: Omgeving) {
    api = await startApi(
      {
        prisma: db.prisma,
        proces: o.p.proces,
        databaseBereikbaar: () => db.ping(),
        twilio: { authToken: AUTH_TOKEN, publicBaseUrl: PUBLIEK },
      },
      { host: '127.0.0.1', port: 0 },
    );
  }

  async function melding(
    pad: '/twilio/status' | '/twilio/inkomend',
    velden: Record<string, string>,
    handtekening?: string,
  ) {
    const response = await fetch(`${api.url}${pad}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': handtekening ?? twilioHandtekening(`${PUBLIEK}${pad}`, velden),
      },
      body: new URLSearchParams(velden).toString(),
    });
    return { status: response.status, tekst: await response.text() };
  }

  test('to, from, body and the status callback reach the Messages API; signed status reports count, others not', async () => {
    await metEchteKanalen(async (o) => {
      await o.naarMiddag();
      await metApi(o);
      const nummer = telefoon();
      await zetPersoon(o.w.regiomanager, { telefoon: nummer, kanaal: 'sms' });
      const zaak = await o.nieuweZaak();
      const bericht = await totStatus(zaak.id, 'aanvraag.ontvangen', 'verstuurd');
      expect(sms.ontvangen).toHaveLength(1);
      expect(sms.ontvangen[0]).toMatchObject({
        To: nummer,
        From: VAN,
        StatusCallback: `${PUBLIEK}/twilio/status`,
        Body: `Eigen Kracht: nieuwe aanvraag in regio ${o.w.regio}, zaak ${zaak.id.slice(0, 8).toUpperCase()}. ${PUBLIEK}/zaken/${zaak.id}`,
      });
      expect(bericht.providerId).toBe(sms.ontvangen[0]!.sid);

      const rapport = {
        MessageSid: bericht.providerId!,
        MessageStatus: 'delivered',
        AccountSid: ACCOUNT_SID,
        To: nummer,
      };
      // A report without Twilio's signature changes nothing.
      const vals = await melding('/twilio/status', rapport, 'niet-echt');
      expect(vals.status).toBe(403);
      expect((await db.prisma.bericht.findUniqueOrThrow({ where: { id: bericht.id } })).status).toBe('verstuurd');

      expect((await melding('/twilio/status', rapport)).status).toBe(204);
      expect((await db.prisma.bericht.findUniqueOrThrow({ where: { id: bericht.id } })).status).toBe('afgeleverd');
    });
  });

  test('a late "undelivered" report marks the message and tells a person', async () => {
    await metEchteKanalen(async (o) => {
      await o.naarMiddag();
      await metApi(o);
      const zaak = await o.nieuweZaak();
      const tante = await uitgenodigdeTante(zaak, { telefoon: telefoon(), kanaal: 'sms' });
      const uitnodiging = await totStatus(zaak.id, 'uitnodiging', 'verstuurd');
      const rapport = {
        MessageSid: uitnodiging.providerId!,
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
        To: tante.telefoon!,
      };
      expect((await melding('/twilio/status', rapport)).status).toBe(204);
      expect(await db.prisma.bericht.findUniqueOrThrow({ where: { id: uitnodiging.id } })).toMatchObject({
        status: 'niet_afgeleverd',
        fout: 'Twilio 30003',
      });
      // The coordinator hears of it (by email, their channel).
      await totStatus(zaak.id, 'bericht.mislukt', 'verstuurd');
      const coordinator = await db.prisma.persoon.findUniqueOrThrow({ where: { id: o.w.coordinatoren.anna } });
      expect(mail.aan(coordinator.email!).map((m) => m.subject)).toContain(
        `Zaak ${zaak.id.slice(0, 8).toUpperCase()}: bericht niet bezorgd`,
      );
      expect(await zaak.tijdlijn()).toContain('bericht.mislukt');
    });
  });

  test('STOP opts a number out of SMS (email still goes), START opts it back in', async () => {
    await metEchteKanalen(async (o) => {
      await o.naarMiddag();
      await metApi(o);
      const nummer = telefoon();
      await zetPersoon(o.w.regiomanager, { telefoon: nummer, kanaal: 'sms' });

      const stop = await melding('/twilio/inkomend', { From: nummer, Body: ' stop ', To: VAN });
      expect(stop.status).toBe(200);
      expect(stop.tekst).toContain('U ontvangt geen sms meer van Eigen Kracht');
      expect(await db.prisma.smsAfmelding.findUnique({ where: { nummer } })).not.toBeNull();

      const eerste = await o.nieuweZaak();
      await totStatus(eerste.id, 'aanvraag.ontvangen', 'verstuurd');
      expect((await berichten(eerste.id, 'aanvraag.ontvangen')).map((b) => b.kanaal)).toEqual(['email']);
      expect(sms.ontvangen).toHaveLength(0);

      const start = await melding('/twilio/inkomend', { From: nummer, Body: 'START', To: VAN });
      expect(start.tekst).toContain('U ontvangt weer sms');
      const tweede = await o.nieuweZaak();
      await totStatus(tweede.id, 'aanvraag.ontvangen', 'verstuurd');
      expect((await berichten(tweede.id, 'aanvraag.ontvangen')).map((b) => b.kanaal)).toEqual(['sms']);
      expect(sms.ontvangen.map((s) => s.To)).toEqual([nummer]);
    });
  });
});

describe('exactly once', () => {
  /**
   * Passes each message to the provider; the first one to `adres()` then fails the activity,
   * as a connection dropped after the provider answered would.
   */
  function verliesEenmaalHetAntwoord(
    echt: Verzender,
    adres: () => string | undefined,
  ): Verzender & { gestoord: boolean } {
    const kanalen = {
      ...echt,
      gestoord: false,
      email: (b: Parameters<Verzender['email']>[0]) => met(b, echt.email),
      sms: (b: Parameters<Verzender['sms']>[0]) => met(b, echt.sms),
    };
    async function met(b: Parameters<Verzender['email']>[0], stuur: Verzender['email']) {
      const id = await stuur(b);
      if (!kanalen.gestoord && b.aan === adres()) {
        kanalen.gestoord = true;
        throw new Error('connection reset after the provider answered');
      }
      return id;
    }
    return kanalen;
  }

  test('SMS: the activity fails after Twilio took the message and is retried: one message, found again at Twilio', async () => {
    const nummer = telefoon();
    const kanalen = verliesEenmaalHetAntwoord(echteKanalen(), () => nummer);
    await scenario(
      db,
      async (o) => {
        await o.naarMiddag();
        const zaak = await o.nieuweZaak();
        const tante = await uitgenodigdeTante(zaak, { telefoon: nummer, kanaal: 'sms' });
        await binnen(30_000, async () => (kanalen.gestoord ? true : undefined));
        await o.env.sleep(60_000); // past the retry interval
        const bericht = await totStatus(zaak.id, 'uitnodiging', 'verstuurd');
        expect(sms.ontvangen.filter((s) => s.To === tante.telefoon)).toHaveLength(1);
        expect(sms.opzoekingen).toBeGreaterThanOrEqual(1);
        expect(bericht).toMatchObject({ providerId: sms.ontvangen[0]!.sid, pogingen: 1 });
      },
      undefined,
      kanalen,
    );
  });

  test('email: the activity fails after the SMTP server took it: not sent again, marked uncertain, the coordinator told', async () => {
    let tanteEmail: string | undefined;
    const kanalen = verliesEenmaalHetAntwoord(echteKanalen(), () => tanteEmail);
    await scenario(
      db,
      async (o) => {
        const zaak = await o.nieuweZaak();
        const tante = await uitgenodigdeTante(zaak, { kanaal: 'email' }, (email) => (tanteEmail = email));
        await binnen(30_000, async () => (kanalen.gestoord ? true : undefined));
        await o.env.sleep(60_000);
        await totStatus(zaak.id, 'uitnodiging', 'onzeker');
        expect(mail.aan(tante.email!)).toHaveLength(1);
        await totStatus(zaak.id, 'bericht.mislukt', 'verstuurd');
        const coordinator = await db.prisma.persoon.findUniqueOrThrow({ where: { id: o.w.coordinatoren.anna } });
        expect(mail.aan(coordinator.email!).some((m) => m.text?.includes('kon niet per e-mail worden bezorgd'))).toBe(
          true,
        );
      },
      undefined,
      kanalen,
    );
  });
});

describe('failure is visible', () => {
  test('an invalid number fails for good at once, and the coordinator is told by email', async () => {
    await metEchteKanalen(async (o) => {
      await o.naarMiddag();
      const zaak = await o.nieuweZaak();
      const nummer = telefoon();
      sms.ongeldig.add(nummer);
      await uitgenodigdeTante(zaak, { telefoon: nummer, kanaal: 'sms' });
      const mislukt = await totStatus(zaak.id, 'uitnodiging', 'mislukt');
      expect(mislukt.fout).toMatch(/Twilio 21211/);
      expect(mislukt.pogingen).toBe(1);
      await totStatus(zaak.id, 'bericht.mislukt', 'verstuurd');
      const coordinator = await db.prisma.persoon.findUniqueOrThrow({ where: { id: o.w.coordinatoren.anna } });
      const alarm = mail.aan(coordinator.email!).find((m) => m.subject?.includes('bericht niet bezorgd'));
      expect(alarm?.text).toContain('(uitnodiging) kon niet per sms worden bezorgd');
    });
  });

  test("a provider's refusal that names the address stays in the outbox row, never in the process's history", async () => {
    await metEchteKanalen(async (o) => {
      const zaak = await o.nieuweZaak();
      const email = `tante.vol.${crypto.randomUUID().slice(0, 8)}@example.org`;
      mail.vol.add(email);
      await uitgenodigdeTante(zaak, { kanaal: 'email' }, undefined, email);
      const wachtend = await binnen(30_000, async () =>
        (await berichten(zaak.id, 'uitnodiging')).find((b) => b.fout?.includes('mailbox full')),
      );
      expect(wachtend.fout).toContain(email);
      // While it is retried, Temporal shows the last failure: the row's id, not the provider's words.
      const laatste = await binnen(30_000, async () => {
        const { raw } = await zaak.handle.describe();
        const fouten = raw.pendingActivities?.map((a) => a.lastFailure?.message ?? '') ?? [];
        return fouten.some(Boolean) ? fouten : undefined;
      });
      expect(laatste).toEqual(expect.arrayContaining([`bericht ${wachtend.id} niet bezorgd`]));
      // After the retries (about half an hour), in the history either.
      for (let i = 0; i < 8; i++) await o.env.sleep(10 * 60_000);
      await totStatus(zaak.id, 'uitnodiging', 'mislukt');
      const geschiedenis = JSON.stringify(await zaak.handle.fetchHistory());
      expect(geschiedenis).toContain(`bericht ${wachtend.id} niet bezorgd`);
      for (const woorden of [email, 'mailbox full', '4.2.2']) expect(geschiedenis).not.toContain(woorden);
    });
  });

  test('a provider that keeps failing: after the retries the message is marked failed and the coordinator told', async () => {
    await metEchteKanalen(async (o) => {
      await o.naarMiddag();
      const zaak = await o.nieuweZaak();
      const nummer = telefoon();
      sms.storing.add(nummer);
      await uitgenodigdeTante(zaak, { telefoon: nummer, kanaal: 'sms' });
      await binnen(30_000, async () => ((await berichten(zaak.id, 'uitnodiging'))[0]?.pogingen ? true : undefined));
      // Skip through the retries (about half an hour).
      for (let i = 0; i < 8; i++) await o.env.sleep(10 * 60_000);
      const mislukt = await totStatus(zaak.id, 'uitnodiging', 'mislukt');
      expect(mislukt.pogingen).toBe(7);
      expect(mislukt.fout).toMatch(/opgegeven na herhaalde pogingen/);
      await totStatus(zaak.id, 'bericht.mislukt', 'verstuurd');
    });
  });
});

test('quiet hours: a reminder due at 23:00 goes by email at once, by SMS at 08:00', async () => {
  await metEchteKanalen(async (o) => {
    // From noon, so that only the reminder falls in quiet hours, whatever the hour the suite runs.
    await o.naarMiddag();
    const zaak = await o.nieuweZaak();
    const tante = await uitgenodigdeTante(zaak, { telefoon: telefoon(), kanaal: 'beide' });
    // A conference at 23:00 Amsterdam time, two days on: the reminder a day before falls at 23:00.
    const datum = new Date(volgendAmsterdamsUur((await o.p.nu()) + DAG, 23));
    const voorstelId = crypto.randomUUID();
    await zaak.opdracht('datumVoorstellen', { door: zaak.door.coordinator, voorstelId, op: datum.toISOString() });
    await zaak.opdracht('datumBevestigen', { door: zaak.door.coordinator, voorstelId });

    await o.env.sleep(datum.getTime() - DAG - (await o.p.nu()) + 60_000); // 23:01
    await totStatus(zaak.id, 'conferentie.herinnering', 'verstuurd');
    const herinneringen = await berichten(zaak.id, 'conferentie.herinnering');
    const voorTante = herinneringen.filter((b) => b.melding.ontvangerId === tante.id);
    expect(voorTante.map((b) => [b.kanaal, b.status]).sort()).toEqual([
      ['email', 'verstuurd'],
      ['sms', 'wachtrij'],
    ]);
    const uitgesteld = (await zaak.status()).wachtOpOchtend;
    expect(uitgesteld).toEqual([expect.objectContaining({ soort: 'conferentie.herinnering' })]);
    expect(uitgesteld[0]!.op).toBe(new Date(volgendAmsterdamsUur(datum.getTime() - DAG, 8)).toISOString());
    const herinneringsSms = () =>
      sms.ontvangen.filter((s) => s.To === tante.telefoon && s.Body.includes('herinnering'));

    await o.env.sleep(Date.parse(uitgesteld[0]!.op) - (await o.p.nu()) - 60_000); // 07:59
    expect(herinneringsSms()).toHaveLength(0);
    await o.env.sleep(2 * 60_000); // 08:01
    await totStatus(zaak.id, 'conferentie.herinnering', 'verstuurd');
    await binnen(30_000, async () => (herinneringsSms().length > 0 ? true : undefined));
    expect(herinneringsSms()).toHaveLength(1);
    expect((await zaak.status()).wachtOpOchtend).toEqual([]);
  });
});

describe('a reminder whose moment has passed', () => {
  test('is not delivered late by any channel; a time-bound SMS tells Twilio how long it may wait', async () => {
    const zaak = await opgeslagenZaak(db.prisma);
    const hoofd = await db.prisma.deelnemer.findFirstOrThrow({ where: { zaakId: zaak.id, rol: 'hoofdpersoon' } });
    const persoon = await zetPersoon(hoofd.persoonId, {
      kanaal: 'beide',
      telefoon: telefoon(),
      email: `samira.${crypto.randomUUID().slice(0, 8)}@example.org`,
    });
    const aan = [{ persoonId: persoon.id, rol: 'hoofdpersoon' }];
    const activiteiten = createNotificatieActivities({
      prisma: db.prisma,
      verzender: echteKanalen(),
      publicBaseUrl: PUBLIEK,
    });
    const herinnering = async (sleutel: string, op: Date) => {
      await activiteiten.melden({
        zaakId: zaak.id,
        soort: 'conferentie.herinnering',
        sleutel,
        aan,
        details: { op: op.toISOString() },
      });
      for (const kanaal of ['email', 'sms'] as const) {
        expect(await activiteiten.bezorgen({ zaakId: zaak.id, sleutel, kanaal })).toEqual([]);
      }
      return db.prisma.bericht.findMany({ where: { melding: { sleutel: `${zaak.id}:${sleutel}:${persoon.id}` } } });
    };

    // The worker was down: the reminder of a conference that began a minute ago comes out now.
    const laat = await herinnering('conferentie.laat', new Date(Date.now() - 60_000));
    expect(laat.map((b) => b.status)).toEqual(['vervallen', 'vervallen']);
    expect(mail.aan(persoon.email!)).toHaveLength(0);
    expect(sms.ontvangen.filter((s) => s.To === persoon.telefoon)).toHaveLength(0);

    // Two hours ahead it goes, and Twilio may not hold the SMS past the conference's start.
    const opTijd = await herinnering('conferentie.straks', new Date(Date.now() + 2 * 3_600_000));
    expect(opTijd.map((b) => b.status)).toEqual(['verstuurd', 'verstuurd']);
    const [verstuurd] = sms.ontvangen.filter((s) => s.To === persoon.telefoon);
    expect(Number(verstuurd!.ValidityPeriod)).toBeGreaterThan(3_600);
    expect(Number(verstuurd!.ValidityPeriod)).toBeLessThanOrEqual(7_200);
    expect(mail.aan(persoon.email!)).toHaveLength(1);
  });
});
