// The whole conference process, under Temporal's time-skipping server: months pass in seconds.
import crypto from 'node:crypto';
import type { Database } from '../prisma/database';
import { tekstBewaren } from '../zaakproces';
import { testDatabase } from './support/omgeving';
import { binnen } from './support/stack';
import type { ZaakInTest } from './support/proces';
import {
  DAG,
  WEEK,
  scenario,
  totBeslotenTijd,
  totUitvoering,
  totVoorbereiding,
  type Omgeving,
} from './support/scenario';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db?.close());

/** Asserts that these timeline events happened, in this order (others may come between). */
function inVolgorde(tijdlijn: string[], verwacht: string[]) {
  let vanaf = 0;
  for (const soort of verwacht) {
    const plaats = tijdlijn.indexOf(soort, vanaf);
    if (plaats < 0) throw new Error(`"${soort}" not found after position ${vanaf} in ${JSON.stringify(tijdlijn)}`);
    vanaf = plaats + 1;
  }
}

test('standard path: from request to closure, with every step recorded', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      const { anna, bram } = o.w.coordinatoren;
      const door = zaak.door.coordinator;

      // Aanvraag and intake: the regiomanager gets the request and the matching coordinators.
      let s = await zaak.status();
      expect(s).toMatchObject({ fase: 'intake', regiomanagerId: o.w.regiomanager });
      expect(s.intake.kandidaten).toEqual([anna, bram]); // anna speaks Arabisch; carla works elsewhere
      // The message is decided by an activity after the step the status shows: on a busy
      // machine it may come a moment later.
      const eerste = await binnen(30_000, async () => {
        const m = await zaak.meldingen();
        return m.length > 0 ? m : undefined;
      });
      expect(eerste).toEqual(['aanvraag.ontvangen → regiomanager']);

      await zaak.opdracht('coordinatorKiezen', { door: zaak.door.regiomanager, coordinatorId: anna });
      expect(await zaak.meldingen('coordinator.aanbod')).toEqual(['coordinator.aanbod → coordinator']);
      await zaak.opdracht('opdrachtBeantwoorden', { door: { persoonId: anna, rol: 'coordinator' }, aanvaard: true });
      s = await zaak.opdracht('contactVastleggen', { door });
      expect(s.fase).toBe('voorbereiding');
      // The target: a date within 10 weeks of intake.
      expect(s.termijn).toEqual({
        soort: 'datum',
        op: new Date(Date.parse(s.voorbereiding.begonnenOp!) + 10 * WEEK).toISOString(),
      });

      // Voorbereiding: question, circle, conditions, date.
      await zaak.opdracht('vraagVastleggen', {
        door,
        tekstId: await zaak.tekst('vraag', 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?'),
      });
      const tante = await zaak.deelnemer('Tante Fatima', 'netwerk');
      const voogd = await zaak.deelnemer('Gezinsvoogd Peter', 'professional', 'jeugdbescherming');
      for (const persoonId of [tante, voogd]) {
        await zaak.opdracht('deelnemerBijwerken', { door, persoonId, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
      }
      expect(await zaak.meldingen('uitnodiging')).toEqual(['uitnodiging → netwerk', 'uitnodiging → professional']);
      await zaak.voorwaarden(voogd, ['De kinderen wonen waar geen geweld is.', 'Vader begint een behandeling.']);
      // The conditions are a public document: every invitee gets them.
      expect((await zaak.meldingen('voorwaarden.gedeeld')).sort()).toEqual(
        ['hoofdpersoon', 'netwerk', 'professional', 'coordinator'].map((r) => `voorwaarden.gedeeld → ${r}`).sort(),
      );

      const voorstelId = crypto.randomUUID();
      const datum = await o.over(3 * WEEK);
      await zaak.opdracht('datumVoorstellen', { door, voorstelId, op: datum });
      // The professionals are asked whether they can come.
      expect(await zaak.meldingen('datum.voorgesteld')).toEqual(['datum.voorgesteld → professional']);
      await zaak.opdracht('beschikbaarheidVastleggen', {
        door: zaak.door.professional(voogd),
        voorstelId,
        professionalId: voogd,
        beschikbaar: true,
      });
      await zaak.opdracht('datumBevestigen', { door, voorstelId });
      s = await zaak.opdracht('kringCompleet', { door, compleet: true });
      expect(s.termijn).toEqual({ soort: 'conferentie', op: datum });
      expect((await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaak.id } })).conferentieOp?.toISOString()).toBe(
        datum,
      );

      // Reminders to everyone invited, 7 days and 1 day before.
      await o.env.sleep(Date.parse(datum) - (await o.p.nu()));
      expect((await zaak.meldingen('conferentie.herinnering')).length).toBe(2 * 4);

      // De conferentie: informatie, besloten tijd, presentatie, toetsing.
      s = await zaak.opdracht('conferentieStarten', { door });
      expect(s).toMatchObject({ fase: 'conferentie', conferentie: { deel: 'informatie' } });
      await zaak.opdracht('bijdrageVastleggen', { door, professionalId: voogd, aanwezig: true });
      await zaak.opdracht('beslotenTijdStarten', { door });
      const planId = await zaak.plan({ [voogd]: 'Begeleid vader naar de verslavingszorg' });
      s = await zaak.opdracht('planPresenteren', { door, planId });
      expect(s.conferentie.wachtOpToetsing).toEqual([voogd]);
      s = await zaak.toetsen(voogd, [true, true]);
      expect(s.conferentie.geaccepteerdOp).toBeDefined();

      const gesprek = await o.over(6 * WEEK);
      const evaluatie = await o.over(26 * WEEK);
      const conferentie = await o.p.nu();
      s = await zaak.opdracht('afsprakenVastleggen', {
        door,
        aangewezen: [tante],
        eersteVoortgangsgesprek: gesprek,
        evaluatie,
      });
      expect(s.fase).toBe('uitvoering');
      expect(s.termijn?.soort).toBe('vervolgcontrole');
      expect(Date.parse(s.termijn!.op) - conferentie).toBeGreaterThanOrEqual(4 * WEEK);
      expect(Date.parse(s.termijn!.op) - conferentie).toBeLessThan(4 * WEEK + 60_000);

      // Uitvoering: the follow-up four weeks later, the designated person told.
      await o.env.sleep(4 * WEEK + 60_000);
      expect(await zaak.meldingen('vervolg.herinnering')).toEqual(['vervolg.herinnering → coordinator']);
      expect(await zaak.meldingen('vervolg.gepland')).toEqual(['vervolg.gepland → aangewezen']);
      await zaak.opdracht('vervolgVastleggen', { door, tekstId: await zaak.tekst('verslag', 'Het gaat goed.') });

      await o.env.sleep(Date.parse(gesprek) - (await o.p.nu()));
      expect((await zaak.meldingen('voortgangsgesprek.herinnering')).sort()).toEqual([
        'voortgangsgesprek.herinnering → aangewezen',
        'voortgangsgesprek.herinnering → coordinator',
        'voortgangsgesprek.herinnering → hoofdpersoon',
      ]);
      // Each by email with the meeting for the calendar; the coordinator's own text.
      const herinneringen = await db.prisma.bericht.findMany({
        where: { zaakId: zaak.id, kanaal: 'email', melding: { soort: 'voortgangsgesprek.herinnering' } },
        include: { melding: true },
      });
      expect(herinneringen.filter((b) => b.agenda?.includes('METHOD:REQUEST')).length).toBe(herinneringen.length);
      expect(herinneringen.find((b) => b.melding.rol === 'coordinator')?.onderwerp).toMatch(/^Zaak [0-9A-F]{8}: /);
      await zaak.opdracht('voortgangsgesprekVastleggen', { door, op: gesprek });

      await o.env.sleep(Date.parse(evaluatie) - (await o.p.nu()) + 60_000);
      expect((await zaak.meldingen('evaluatie.herinnering')).sort()).toEqual([
        'evaluatie.herinnering → coordinator',
        'evaluatie.herinnering → regiomanager',
      ]);
      s = await zaak.opdracht('evaluatieVastleggen', { door, kringAkkoord: true });
      expect(s).toMatchObject({ fase: 'afgesloten', afsluiting: { soort: 'afgerond' } });
      expect((await zaak.handle.result()).afsluiting?.soort).toBe('afgerond');

      // The records tell the same story, without asking Temporal.
      const record = await db.prisma.zaak.findUniqueOrThrow({
        where: { id: zaak.id },
        include: { deelnemers: true, plannen: true },
      });
      expect(record).toMatchObject({
        fase: 'afgesloten',
        afsluiting: 'afgerond',
        coordinatorId: anna,
        regiomanagerId: o.w.regiomanager,
      });
      expect(record.vraag).toMatch(/veilig kunnen opgroeien/);
      expect(record.plannen.map((p) => p.status)).toEqual(['geaccepteerd']);
      expect(record.deelnemers.find((d) => d.persoonId === tante)?.aangewezen).toBe(true);
      inVolgorde(await zaak.tijdlijn(), [
        'fase',
        'coordinator.aangeboden',
        'coordinator.aanvaard',
        'contact',
        'vraag',
        'deelnemer.toegevoegd',
        'voorwaarden.ingediend',
        'voorwaarden.gepubliceerd',
        'datum.voorgesteld',
        'datum.bevestigd',
        'kring',
        'herinnering',
        'conferentie.gestart',
        'bijdrage',
        'besloten.gestart',
        'besloten.beeindigd',
        'plan.gepresenteerd',
        'toetsing',
        'plan.geaccepteerd',
        'afspraken',
        'herinnering',
        'vervolg.gedaan',
        'voortgangsgesprek.gehouden',
        'evaluatie',
        'afgesloten',
      ]);
      return zaak;
    },
    'standaard',
  );
});

test('emergency path: contact within 24 hours, a nudge at 3 days and an escalation at 7 without a date', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak({ noodsituatie: true });
      const s = await zaak.status();
      expect(Date.parse(s.intake.contactUiterlijk) - Date.parse(s.aangevraagdOp)).toBe(DAG);
      await totVoorbereiding(zaak);
      await o.env.sleep(3 * DAG - 60_000);
      expect(await zaak.meldingen('datum.herinnering')).toEqual([]);
      await o.env.sleep(2 * 60_000);
      expect((await zaak.meldingen('datum.herinnering')).sort()).toEqual([
        'datum.herinnering → coordinator',
        'datum.herinnering → regiomanager',
      ]);
      await o.env.sleep(4 * DAG);
      expect(await zaak.meldingen('escalatie.datum')).toEqual(['escalatie.datum → regiomanager']);
      return zaak;
    },
    'noodpad',
  );
});

test('preparation: nudge at 6 weeks, and an extension moves the escalation from 10 to 12 weeks', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      await totVoorbereiding(zaak);
      await o.env.sleep(6 * WEEK + 60_000);
      expect((await zaak.meldingen('datum.herinnering')).length).toBe(2);

      const redenId = await zaak.tekst('reden', 'De familie wil eerst de zomervakantie afwachten.');
      const s = await zaak.opdracht('verlengen', { door: zaak.door.regiomanager, duur: '2 weeks', redenId });
      expect(s.voorbereiding.verlengingen).toHaveLength(1);

      // The nudge moved to 8 weeks (it comes again), the escalation to 12.
      await o.env.sleep(2 * WEEK);
      expect((await zaak.meldingen('datum.herinnering')).length).toBe(4);
      await o.env.sleep(2 * WEEK);
      expect(await zaak.meldingen('escalatie.datum')).toEqual([]);
      await o.env.sleep(2 * WEEK);
      expect(await zaak.meldingen('escalatie.datum')).toEqual(['escalatie.datum → regiomanager']);
      expect((await db.prisma.tekst.findUniqueOrThrow({ where: { id: redenId } })).status).toBe('vastgelegd');
      return zaak;
    },
    'verlenging',
  );
});

test('toetsing: two rounds with a condition not met send the circle back into besloten tijd, the third is accepted', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      const { professionals } = await totBeslotenTijd(o, zaak, [2, 1, 0]);
      const [voogd, reclassering, schuld] = professionals as [string, string, string];
      const door = zaak.door.coordinator;

      await zaak.opdracht('planPresenteren', { door, planId: await zaak.plan() });
      let s = await zaak.status();
      // Only who set conditions checks the plan.
      expect(s.conferentie.wachtOpToetsing.sort()).toEqual([voogd, reclassering].sort());
      await expect(zaak.toetsen(schuld, [])).rejects.toMatchObject({
        reden: { code: 'geen-voorwaarden' },
      });

      await zaak.toetsen(voogd, [true, false]);
      s = await zaak.toetsen(reclassering, [true]);
      expect(s.conferentie).toMatchObject({ deel: 'besloten', ronde: 2 });

      await zaak.opdracht('planPresenteren', { door, planId: await zaak.plan() });
      await zaak.toetsen(voogd, [true, true]);
      s = await zaak.toetsen(reclassering, [false]);
      expect(s.conferentie).toMatchObject({ deel: 'besloten', ronde: 3 });

      await zaak.opdracht('planPresenteren', { door, planId: await zaak.plan() });
      await zaak.toetsen(voogd, [true, true]);
      s = await zaak.toetsen(reclassering, [true]);
      expect(s.conferentie.geaccepteerdOp).toBeDefined();
      expect(s.conferentie.ronde).toBe(3);
      // Every verdict of every round is kept.
      expect(s.conferentie.oordelen).toHaveLength(9);
      expect(s.conferentie.oordelen.filter((v) => !v.voldaan)).toEqual([
        { ronde: 1, professionalId: voogd, nummer: 2, voldaan: false },
        { ronde: 2, professionalId: reclassering, nummer: 1, voldaan: false },
      ]);
      const tijdlijn = await zaak.tijdlijn();
      expect(tijdlijn.filter((t) => t === 'besloten.gestart')).toHaveLength(3);
      expect(await db.prisma.toetsing.count({ where: { zaakId: zaak.id, status: 'vastgelegd' } })).toBe(6);
      expect(
        (await db.prisma.plan.findMany({ where: { zaakId: zaak.id }, orderBy: { versie: 'asc' } })).map(
          (p) => p.status,
        ),
      ).toEqual(['gepresenteerd', 'gepresenteerd', 'geaccepteerd']);
      return zaak;
    },
    'toetsing',
  );
});

test('"het gaat niet goed": the designated person and the coordinator are told, the circle reconvenes, a revised plan is checked, monitoring goes on', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      const { tante, professionals, planId, evaluatie } = await totUitvoering(o, zaak);
      const voogd = professionals[0]!;
      await o.env.sleep(8 * WEEK);

      const signaalId = await zaak.tekst('signaal', 'Vader is weer gaan drinken; de afspraken worden niet nagekomen.');
      let s = await zaak.opdracht('nietGoedMelden', { door: zaak.door.professional(voogd), tekstId: signaalId });
      expect(s.termijn?.soort).toBe('signaal');
      expect(await zaak.meldingen('niet-goed')).toEqual(['niet-goed → aangewezen']);
      // The coordinator hears of it at once, not only after a week of silence.
      expect(await zaak.meldingen('signaal.gemeld')).toEqual(['signaal.gemeld → coordinator']);
      const melding = await db.prisma.melding.findFirstOrThrow({ where: { zaakId: zaak.id, soort: 'niet-goed' } });
      expect(melding.ontvangerId).toBe(tante);

      s = await zaak.opdracht('signaalOppakken', { door: zaak.door.aangewezen(tante), signaalId });
      expect(s.uitvoering.signalen[0]?.opgepakt).toBe(true);

      // The circle meets and revises the plan: it counts once the voogd has checked it against
      // her conditions. The first revision does not meet them: the plan before it stays.
      const bijeenkomst = async (herzienPlanId: string, aanleiding?: string) =>
        zaak.opdracht('bijeenkomstVastleggen', {
          door: zaak.door.coordinator,
          bijeenkomstId: crypto.randomUUID(),
          op: new Date(await o.p.nu()).toISOString(),
          aanwezigen: [tante, zaak.hoofdpersoonId, voogd],
          signaalId: aanleiding,
          herzienPlanId,
        });
      const eerste = await zaak.plan({ [voogd]: 'Vader regelt zelf hulp' });
      s = await bijeenkomst(eerste, signaalId);
      expect(s.uitvoering).toMatchObject({ planId, herziening: { planId: eerste, wachtOpToetsing: [voogd] } });
      expect(await zaak.meldingen('plan.herzien')).toEqual(['plan.herzien → professional']);
      await expect(bijeenkomst(await zaak.plan())).rejects.toMatchObject({ reden: { code: 'herziening-loopt' } });
      s = await zaak.toetsen(voogd, [false]);
      expect(s.uitvoering.planId).toBe(planId);
      expect(s.uitvoering.herziening).toBeUndefined();
      expect(await zaak.meldingen('herziening.afgewezen')).toEqual(['herziening.afgewezen → coordinator']);
      await expect(zaak.toetsen(voogd, [true])).rejects.toMatchObject({ reden: { code: 'geen-herziening' } });

      const herzien = await zaak.plan({ [voogd]: 'Opnieuw begeleiding van vader' });
      await bijeenkomst(herzien);
      s = await zaak.toetsen(voogd, [true]);
      expect(s.uitvoering.planId).toBe(herzien);
      expect(s.fase).toBe('uitvoering');
      // Versions count presented plans; the earlier accepted one is kept as replaced.
      const plannen = await db.prisma.plan.findMany({
        where: { zaakId: zaak.id, versie: { not: null } },
        orderBy: { versie: 'asc' },
      });
      expect(plannen.map((p) => [p.id, p.versie, p.status])).toEqual([
        [planId, 1, 'vervangen'],
        [eerste, 2, 'gepresenteerd'],
        [herzien, 3, 'geaccepteerd'],
      ]);
      const toetsingen = await db.prisma.toetsing.findMany({ where: { zaakId: zaak.id, status: 'vastgelegd' } });
      expect(toetsingen.map((t) => t.planId).sort()).toEqual([planId, eerste, herzien].sort());
      const eersteBijeenkomst = await db.prisma.afspraak.findFirstOrThrow({
        where: { zaakId: zaak.id, soort: 'bijeenkomst', planId: eerste },
      });
      expect(eersteBijeenkomst).toMatchObject({ aanleidingId: signaalId });
      expect(eersteBijeenkomst.aanwezigen.sort()).toEqual([tante, zaak.hoofdpersoonId, voogd].sort());

      // Taken up in time: no escalation a week later; monitoring still reaches the evaluation.
      await o.env.sleep(WEEK + 60_000);
      expect(await zaak.meldingen('signaal.geen-reactie')).toEqual([]);
      await o.env.sleep(Date.parse(evaluatie) - (await o.p.nu()) + 60_000);
      expect((await zaak.meldingen('evaluatie.herinnering')).length).toBe(2);
      return zaak;
    },
    'herziening',
  );
});

test('a revised plan nobody checks: after a week coordinator and regiomanager hear of it; withdrawn, the plan before stays', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    const { tante, professionals, planId } = await totUitvoering(o, zaak);
    const herzien = await zaak.plan();
    let s = await zaak.opdracht('bijeenkomstVastleggen', {
      door: zaak.door.coordinator,
      bijeenkomstId: crypto.randomUUID(),
      op: new Date(await o.p.nu()).toISOString(),
      aanwezigen: [tante, zaak.hoofdpersoonId],
      herzienPlanId: herzien,
    });
    expect(s.termijn?.soort).toBe('herziening');
    expect(s.uitvoering.herziening?.wachtOpToetsing).toEqual(professionals);
    await o.env.sleep(WEEK - 60_000);
    expect(await zaak.meldingen('herziening.geen-toetsing')).toEqual([]);
    await o.env.sleep(2 * 60_000);
    expect((await zaak.meldingen('herziening.geen-toetsing')).sort()).toEqual([
      'herziening.geen-toetsing → coordinator',
      'herziening.geen-toetsing → regiomanager',
    ]);
    const redenId = await zaak.tekst('reden', 'De kring ziet af van deze herziening.');
    s = await zaak.opdracht('herzieningIntrekken', { door: zaak.door.regiomanager, redenId });
    expect(s.uitvoering.herziening).toBeUndefined();
    expect(s.uitvoering.planId).toBe(planId);
    await expect(zaak.opdracht('herzieningIntrekken', { door: zaak.door.regiomanager, redenId })).rejects.toMatchObject(
      {
        reden: { code: 'geen-herziening' },
      },
    );
  });
});

test('a region that changes hands: the case is told, records it, and takes commands from the new regiomanager only', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      await totVoorbereiding(zaak);
      const nieuw = (await db.prisma.persoon.create({ data: { naam: 'Nina Nieuw' } })).id;
      await o.p.proces.regiomanagersGewijzigd(zaak.id, [nieuw]);
      const s = await binnen(30_000, async () => {
        const st = await zaak.status();
        return st.regiomanagers.includes(nieuw) ? st : undefined;
      });
      expect(s.regiomanagers).toEqual([nieuw]);
      // Recorded on the case's timeline (the record follows the change).
      await binnen(30_000, async () => ((await zaak.tijdlijn()).includes('regiomanagers') ? true : undefined));
      const redenId = await zaak.tekst('reden', 'De familie wil na de vakantie verder.');
      await expect(
        zaak.opdracht('verlengen', { door: zaak.door.regiomanager, duur: '2 weeks', redenId }),
      ).rejects.toMatchObject({ reden: { code: 'niet-uw-zaak' } });
      const verlengd = await zaak.opdracht('verlengen', {
        door: { persoonId: nieuw, rol: 'regiomanager' },
        duur: '2 weeks',
        redenId,
      });
      expect(verlengd.voorbereiding.verlengingen).toHaveLength(1);
      return zaak;
    },
    'overdracht',
  );
});

test('"het gaat niet goed" that nobody takes up within a week reaches coordinator and regiomanager, once', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      await totUitvoering(o, zaak);
      await zaak.opdracht('vervolgVastleggen', { door: zaak.door.coordinator });
      const signaalId = await zaak.tekst('signaal', 'Het gaat niet goed.');
      await zaak.opdracht('nietGoedMelden', { door: zaak.door.hoofdpersoon, tekstId: signaalId });

      await o.env.sleep(WEEK - 60_000);
      expect(await zaak.meldingen('signaal.geen-reactie')).toEqual([]);
      await o.env.sleep(2 * 60_000);
      expect((await zaak.meldingen('signaal.geen-reactie')).sort()).toEqual([
        'signaal.geen-reactie → coordinator',
        'signaal.geen-reactie → regiomanager',
      ]);
      await o.env.sleep(3 * WEEK);
      expect(await zaak.meldingen('signaal.geen-reactie')).toHaveLength(2);
      expect((await zaak.status()).uitvoering.signalen[0]).toMatchObject({ opgepakt: false, geescaleerd: true });
      return zaak;
    },
    'geen-reactie',
  );
});

describe('a case can be withdrawn or cancelled in any phase, with a reason', () => {
  const naarFase: Record<string, (o: Omgeving, zaak: ZaakInTest) => Promise<unknown>> = {
    intake: async () => undefined,
    voorbereiding: async (_o, zaak) => totVoorbereiding(zaak),
    conferentie: async (o, zaak) => totBeslotenTijd(o, zaak, [1]),
    uitvoering: async (o, zaak) => totUitvoering(o, zaak),
  };

  test.each(Object.keys(naarFase))('withdrawn in %s: closed, recorded, and no clock runs on', async (fase) => {
    await scenario(db, async (o) => {
      const zaak = await o.nieuweZaak();
      await naarFase[fase]!(o, zaak);
      expect((await zaak.status()).fase).toBe(fase);
      const redenId = await zaak.tekst('reden', 'Het gezin ziet af van de conferentie.');
      const s = await zaak.opdracht('intrekken', { door: zaak.door.regiomanager, redenId });
      expect(s).toMatchObject({ fase: 'afgesloten', afsluiting: { soort: 'ingetrokken', redenId } });
      expect((await zaak.handle.result()).fase).toBe('afgesloten');
      expect(await db.prisma.zaak.findUniqueOrThrow({ where: { id: zaak.id } })).toMatchObject({
        fase: 'afgesloten',
        afsluiting: 'ingetrokken',
        termijnOp: null,
      });
      expect((await db.prisma.tekst.findUniqueOrThrow({ where: { id: redenId } })).status).toBe('vastgelegd');

      const meldingen = (await zaak.meldingen()).length;
      await o.env.sleep(30 * WEEK);
      expect((await zaak.meldingen()).length).toBe(meldingen);
    });
  });

  test('cancelled by the regiomanager; the coordinator cannot cancel', async () => {
    await scenario(db, async (o) => {
      const zaak = await o.nieuweZaak();
      await totVoorbereiding(zaak);
      const redenId = await zaak.tekst('reden', 'De veiligheid van de kinderen vraagt nu een andere aanpak.');
      await expect(zaak.opdracht('annuleren', { door: zaak.door.coordinator, redenId })).rejects.toMatchObject({
        reden: { code: 'verkeerde-rol' },
      });
      const s = await zaak.opdracht('annuleren', { door: zaak.door.regiomanager, redenId });
      expect(s.afsluiting?.soort).toBe('geannuleerd');
    });
  });
});

test('a coordinator who declines: the next best is offered, and with nobody left the regiomanager hears of it', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      const { anna, bram } = o.w.coordinatoren;
      await zaak.opdracht('coordinatorKiezen', { door: zaak.door.regiomanager, coordinatorId: anna });
      let s = await zaak.opdracht('opdrachtBeantwoorden', {
        door: { persoonId: anna, rol: 'coordinator' },
        aanvaard: false,
        redenId: await zaak.tekst('reden', 'Ik heb deze maand geen ruimte.'),
      });
      expect(s.intake).toMatchObject({ afgewezenDoor: [anna], aangeboden: bram, kandidaten: [bram] });
      s = await zaak.opdracht('opdrachtBeantwoorden', {
        door: { persoonId: bram, rol: 'coordinator' },
        aanvaard: false,
      });
      expect(s.intake).toMatchObject({ afgewezenDoor: [anna, bram], kandidaten: [] });
      expect(s.intake.aangeboden).toBeUndefined();
      expect(await zaak.meldingen('coordinator.geen-kandidaten')).toEqual([
        'coordinator.geen-kandidaten → regiomanager',
      ]);
      // The ranking with its reasons is kept for the regiomanager.
      const rangschikkingen = await db.prisma.gebeurtenis.findMany({
        where: { zaakId: zaak.id, soort: 'kandidaten' },
        orderBy: { id: 'asc' },
      });
      // Ranked when the request came in, again at the regiomanager's choice, and after each decline.
      expect(rangschikkingen).toHaveLength(4);
      expect(JSON.stringify(rangschikkingen[0]!.details)).toContain('spreekt Arabisch');
      return zaak;
    },
    'afgewezen',
  );
});

test('continue-as-new with a low threshold carries the whole state, and the clock runs on', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak({ doorstartNa: 40 });
      const eersteRun = (await zaak.handle.describe()).runId;
      const { tante, evaluatie } = await totUitvoering(o, zaak);
      const signaalId = await zaak.tekst('signaal', 'Het gaat niet goed.');
      await zaak.opdracht('nietGoedMelden', { door: zaak.door.coordinator, tekstId: signaalId });
      await o.env.sleep(60_000);

      const s = await zaak.status();
      expect((await zaak.handle.describe()).runId).not.toBe(eersteRun);
      expect(s).toMatchObject({
        fase: 'uitvoering',
        regiomanagerId: o.w.regiomanager,
        coordinatorId: o.w.coordinatoren.anna,
        uitvoering: { evaluatieOp: evaluatie, signalen: [{ id: signaalId, opgepakt: false }] },
      });
      expect(s.deelnemers.find((d) => d.persoonId === tante)).toMatchObject({
        aangewezen: true,
        uitnodiging: 'uitgenodigd',
      });
      expect(s.conferentie.oordelen).toHaveLength(1);

      // Timers set in an earlier run still fire in a later one.
      await o.env.sleep(WEEK + 60_000);
      expect((await zaak.meldingen('signaal.geen-reactie')).length).toBe(2);
      await o.env.sleep(Date.parse(evaluatie) - (await o.p.nu()) + 60_000);
      expect((await zaak.meldingen('evaluatie.herinnering')).length).toBe(2);
      // Commands still work after the fresh start; and no closing over a signal still open.
      await expect(
        zaak.opdracht('evaluatieVastleggen', { door: zaak.door.coordinator, kringAkkoord: true }),
      ).rejects.toMatchObject({ reden: { code: 'open-signaal', waarden: { aantal: 1 } } });
      await zaak.opdracht('signaalOppakken', { door: zaak.door.aangewezen(tante), signaalId });
      const klaar = await zaak.opdracht('evaluatieVastleggen', { door: zaak.door.coordinator, kringAkkoord: true });
      expect(klaar.fase).toBe('afgesloten');
      return zaak;
    },
    'doorstarten',
  );
});

test('a plan with no conditions set is accepted as it is presented', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    await totBeslotenTijd(o, zaak, [0]);
    const s = await zaak.opdracht('planPresenteren', { door: zaak.door.coordinator, planId: await zaak.plan() });
    expect(s.conferentie.wachtOpToetsing).toEqual([]);
    expect(s.conferentie.geaccepteerdOp).toBeDefined();
    expect(await zaak.tijdlijn()).toContain('plan.geaccepteerd');
  });
});

test('an extension given before the nudge moves the nudge too: it comes once, later', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak();
    await totVoorbereiding(zaak);
    await o.env.sleep(2 * WEEK);
    const redenId = await zaak.tekst('reden', 'Opa ligt in het ziekenhuis; de familie wil wachten.');
    await zaak.opdracht('verlengen', { door: zaak.door.regiomanager, duur: '3 weeks', redenId });
    await o.env.sleep(6 * WEEK - 2 * WEEK + 60_000); // the original 6 weeks have passed
    expect(await zaak.meldingen('datum.herinnering')).toEqual([]);
    await o.env.sleep(3 * WEEK);
    expect((await zaak.meldingen('datum.herinnering')).length).toBe(2);
    await o.env.sleep(6 * WEEK);
    expect((await zaak.meldingen('datum.herinnering')).length).toBe(2);
  });
});

test('on the emergency path a missed contact escalates again every 24 hours', async () => {
  await scenario(db, async (o) => {
    const zaak = await o.nieuweZaak({ noodsituatie: true });
    await o.env.sleep(3 * DAG + 60_000);
    expect((await zaak.status()).intake.escalaties).toBe(3);
    expect(await zaak.meldingen('escalatie.contact')).toHaveLength(3);
  });
});

test('the family side: an invitee answers herself and the coordinator hears it; the plan goes round; the designated person raises a signal and takes it up', async () => {
  await scenario(
    db,
    async (o) => {
      const zaak = await o.nieuweZaak();
      await totVoorbereiding(zaak);
      const door = zaak.door.coordinator;
      const tante = await zaak.deelnemer('Tante Fatima', 'netwerk');
      const voogd = await zaak.deelnemer('Gezinsvoogd Peter', 'professional', 'jeugdbescherming');
      for (const persoonId of [tante, voogd]) {
        await zaak.opdracht('deelnemerBijwerken', { door, persoonId, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
      }
      // The aunt answers through her link, with a note: recorded, and the coordinator told.
      const alsTante = { persoonId: tante, rol: 'deelnemer' } as const;
      const notitieId = await tekstBewaren(zaak.inhoud(alsTante), 'notitie', 'Ik neem de kinderen mee.');
      await zaak.opdracht('aanwezigheidDoorgeven', { door: alsTante, komt: true, notitieId });
      expect(await zaak.meldingen('aanwezigheid.doorgegeven')).toEqual(['aanwezigheid.doorgegeven → coordinator']);
      const antwoord = await db.prisma.melding.findFirstOrThrow({
        where: { zaakId: zaak.id, soort: 'aanwezigheid.doorgegeven' },
      });
      // Ids and choices only: the note's words stay in the database.
      expect(antwoord.details).toEqual({ komt: true, persoonId: tante, notitie: true });
      expect(await db.prisma.tekst.findUniqueOrThrow({ where: { id: notitieId } })).toMatchObject({
        status: 'vastgelegd',
      });
      // The coordinator recording an answer herself is not told of her own doing.
      await zaak.opdracht('deelnemerBijwerken', { door, persoonId: voogd, uitnodiging: 'bevestigd' });
      expect(await zaak.meldingen('aanwezigheid.doorgegeven')).toHaveLength(1);

      await zaak.opdracht('vraagVastleggen', {
        door,
        tekstId: await zaak.tekst('vraag', 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?'),
      });
      await zaak.voorwaarden(voogd, ['De kinderen wonen waar geen geweld is.']);
      const voorstelId = crypto.randomUUID();
      await zaak.opdracht('datumVoorstellen', { door, voorstelId, op: await o.over(2 * DAG) });
      await zaak.opdracht('datumBevestigen', { door, voorstelId });
      await zaak.opdracht('kringCompleet', { door, compleet: true });
      await o.env.sleep(2 * DAG);
      await zaak.opdracht('conferentieStarten', { door });
      await zaak.opdracht('beslotenTijdStarten', { door });
      const planId = await zaak.plan({ [voogd]: 'Begeleiding van vader' });
      await zaak.opdracht('planPresenteren', { door, planId });
      await zaak.toetsen(voogd, [true]);
      expect(await zaak.meldingen('plan.aanvaard')).toEqual([]);
      await zaak.opdracht('afsprakenVastleggen', {
        door,
        aangewezen: [tante],
        eersteVoortgangsgesprek: await o.over(6 * WEEK),
        evaluatie: await o.over(26 * WEEK),
      });
      // The plan goes round once the designated person is known: she gets it as such.
      expect((await zaak.meldingen('plan.aanvaard')).sort()).toEqual(
        ['plan.aanvaard → aangewezen', 'plan.aanvaard → hoofdpersoon', 'plan.aanvaard → professional'].sort(),
      );

      // The designated person herself says it is not going well, and takes it up.
      const signaalId = await zaak.tekst('signaal', 'Vader is weer thuis.');
      await zaak.opdracht('nietGoedMelden', { door: zaak.door.aangewezen(tante), tekstId: signaalId });
      expect(await zaak.meldingen('signaal.gemeld')).toEqual(['signaal.gemeld → coordinator']);
      // She is asked like any designated person: her link is how she goes on with it.
      expect(await zaak.meldingen('niet-goed')).toEqual(['niet-goed → aangewezen']);
      await zaak.opdracht('signaalOppakken', { door: zaak.door.aangewezen(tante), signaalId });
      expect(await zaak.meldingen('signaal.opgepakt')).toEqual(['signaal.opgepakt → coordinator']);
      // Later, through the same link, that the circle has met: the coordinator records the meeting.
      await zaak.opdracht('kringBijeenGeweest', { door: zaak.door.aangewezen(tante), signaalId });
      expect(await zaak.meldingen('kring.bijeen')).toEqual(['kring.bijeen → coordinator']);
      // Said once: a second time is refused, so no "circle met" goes unheard.
      await expect(
        zaak.opdracht('kringBijeenGeweest', { door: zaak.door.aangewezen(tante), signaalId }),
      ).rejects.toMatchObject({ reden: { code: 'al-vastgelegd' } });
      await expect(
        zaak.opdracht('kringBijeenGeweest', { door: zaak.door.coordinator, signaalId }),
      ).rejects.toMatchObject({ reden: { code: 'verkeerde-rol' } });

      // A revision the voogd accepts goes round as well.
      const herzien = await zaak.plan({ [voogd]: 'Opnieuw begeleiding van vader' });
      await zaak.opdracht('bijeenkomstVastleggen', {
        door,
        bijeenkomstId: crypto.randomUUID(),
        op: new Date(await o.p.nu()).toISOString(),
        aanwezigen: [tante, zaak.hoofdpersoonId, voogd],
        signaalId,
        herzienPlanId: herzien,
      });
      await zaak.toetsen(voogd, [true]);
      const rondgestuurd = await db.prisma.melding.findMany({ where: { zaakId: zaak.id, soort: 'plan.aanvaard' } });
      expect(rondgestuurd.map((m) => m.details)).toEqual(
        expect.arrayContaining([
          { planId, herzien: false },
          { planId: herzien, herzien: true },
        ]),
      );
      expect(rondgestuurd).toHaveLength(6);
      return zaak;
    },
    'gezin',
  );
});
