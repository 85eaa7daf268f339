// The intake under Temporal's time-skipping server: the contact deadline and its escalations.
import type { Database } from '../prisma/database';
import { testDatabase } from './support/omgeving';
import type { ZaakInTest } from './support/proces';
import { DAG, scenario } from './support/scenario';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.close());

async function coordinatorToegewezen(zaak: ZaakInTest) {
  const { anna } = zaak.w.coordinatoren;
  await zaak.opdracht('coordinatorKiezen', { door: zaak.door.regiomanager, coordinatorId: anna });
  await zaak.opdracht('opdrachtBeantwoorden', { door: { persoonId: anna, rol: 'coordinator' }, aanvaard: true });
}

async function escalaties(zaak: ZaakInTest) {
  const rijen = await db.prisma.gebeurtenis.findMany({
    where: { zaakId: zaak.id, soort: 'escalatie' },
    orderBy: { id: 'asc' },
  });
  return rijen.map((r) => r.details);
}

test('a missed contact deadline escalates every 3 days until contact, then the case moves to voorbereiding', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    let s = await zaak.status();
    const aangevraagd = Date.parse(s.aangevraagdOp);
    expect(s.termijn).toEqual({ soort: 'contact', op: new Date(aangevraagd + 3 * DAG).toISOString() });
    await coordinatorToegewezen(zaak);

    await o.env.sleep(2 * DAG);
    expect((await zaak.status()).intake.escalaties).toBe(0);
    await o.env.sleep(DAG + 60_000);
    s = await zaak.status();
    expect(s.intake.escalaties).toBe(1);
    expect(s.termijn).toEqual({ soort: 'contact', op: new Date(aangevraagd + 6 * DAG).toISOString() });
    // The overdue list reads the running deadline from the case record.
    expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaak.id } })).termijnOp?.toISOString()).toBe(
      s.termijn!.op,
    );

    await o.env.sleep(3 * DAG);
    expect((await zaak.status()).intake.escalaties).toBe(2);
    expect(await escalaties(zaak)).toEqual([
      { termijn: 'contact', keer: 1 },
      { termijn: 'contact', keer: 2 },
    ]);
    expect(await zaak.meldingen('escalatie.contact')).toEqual([
      'escalatie.contact → regiomanager',
      'escalatie.contact → regiomanager',
    ]);

    s = await zaak.opdracht('contactVastleggen', { door: zaak.door.coordinator });
    expect(s.fase).toBe('voorbereiding');
    expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaak.id } })).fase).toBe('voorbereiding');

    // Contact recorded: no more contact escalations, however long the preparation takes.
    await o.env.sleep(14 * DAG);
    expect((await zaak.status()).intake.escalaties).toBe(2);
    expect(await escalaties(zaak)).toHaveLength(2);
  });
});

test('on the emergency path the coordinator has 24 hours for contact', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak({ noodsituatie: true });
    await o.env.sleep(23 * 60 * 60_000);
    expect((await zaak.status()).intake.escalaties).toBe(0);
    await o.env.sleep(2 * 60 * 60_000);
    expect((await zaak.status()).intake.escalaties).toBe(1);
    expect(await escalaties(zaak)).toEqual([{ termijn: 'contact', keer: 1 }]);
  });
});

test('contact recorded in time: no escalation, and a second recording is refused with the reason', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    await coordinatorToegewezen(zaak);
    await o.env.sleep(DAG);
    const gisteren = new Date((await o.p.nu()) - 60 * 60_000).toISOString();
    const s = await zaak.opdracht('contactVastleggen', { door: zaak.door.coordinator, op: gisteren });
    expect(s.intake.contactOp).toBe(gisteren);

    await expect(zaak.opdracht('contactVastleggen', { door: zaak.door.coordinator })).rejects.toMatchObject({
      reden: { code: 'verkeerde-fase' },
    });
    await o.env.sleep(7 * DAG);
    expect(await escalaties(zaak)).toHaveLength(0);
  });
});

test('a contact moment before the request or in the future is refused', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    await coordinatorToegewezen(zaak);
    const aangevraagd = Date.parse((await zaak.status()).aangevraagdOp);
    for (const op of [new Date(aangevraagd - DAG).toISOString(), new Date((await o.p.nu()) + 2 * DAG).toISOString()]) {
      await expect(zaak.opdracht('contactVastleggen', { door: zaak.door.coordinator, op })).rejects.toMatchObject({
        reden: { code: 'ongeldig-moment' },
      });
    }
    expect((await zaak.status()).fase).toBe('intake');
  });
});

test('a case whose workflow starts 10 days late escalates once, then every 3 days from now', async () => {
  // As when the sweep starts a request stored while Temporal was away: deadlines count from
  // the request, and the missed intervals do not arrive as a burst.
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak({ aangevraagdGeleden: 10 * DAG });
    await o.env.sleep(60_000);
    const gestart = await o.p.nu();
    const s = await zaak.status();
    expect(s.intake.escalaties).toBe(1);
    expect(Date.parse(s.termijn!.op)).toBeGreaterThanOrEqual(gestart + 3 * DAG - 2 * 60_000);

    await o.env.sleep(3 * DAG);
    expect((await zaak.status()).intake.escalaties).toBe(2);
    expect(await escalaties(zaak)).toHaveLength(2);
  });
});
