// Writes what the case workflow decided into the case records, so the API can list and
// search cases without asking Temporal: the timeline (gebeurtenis), the audit trail, and the
// case's own rows. All events of one call land in one transaction, and only once: a retried
// activity finds its key already recorded and changes nothing.
import { Context } from '@temporalio/activity';
import type { Prisma, PrismaClient } from '@prisma/client';
import { nuBeschikbaar } from '../beheer/coordinatoren';
import { rangschik, type Kandidaat } from '../workflows/matching';
import type { DeelnemerRol, WettelijkeRol } from '../workflows/contract';
import { alsHetKan, verwijzingOngeldig, zaakOntbreekt } from './fouten';
import type { Gebeurtenis, Vastlegging } from './gebeurtenissen';

type Tx = Prisma.TransactionClient;

export interface DossierDeps {
  prisma: PrismaClient;
}

/** Stable for every attempt of one activity execution, unique across executions. */
function schrijfsleutel(): string {
  const { workflowExecution, activityId } = Context.current().info;
  if (!workflowExecution) throw new Error('case activities run only inside a workflow');
  return `${workflowExecution.runId}:${activityId}`;
}

/** A row that must be this case's, or not exist yet; true when it exists. */
function vanDezeZaak(gevonden: { zaakId: string } | null, zaakId: string, wat: string, id: string): boolean {
  if (gevonden && gevonden.zaakId !== zaakId) throw verwijzingOngeldig(wat, id);
  return gevonden !== null;
}

async function tekstVastleggen(tx: Tx, zaakId: string, id: string, soort: string): Promise<string> {
  const tekst = await tx.tekst.findFirst({ where: { id, zaakId, soort } });
  if (!tekst) throw verwijzingOngeldig(`Tekst (${soort})`, id);
  await tx.tekst.update({ where: { id }, data: { status: 'vastgelegd' } });
  return tekst.inhoud;
}

async function afspraak(
  tx: Tx,
  zaakId: string,
  soort: 'vervolgcontrole' | 'voortgangsgesprek' | 'evaluatie',
  op: string,
): Promise<void> {
  const sleutel = `${zaakId}:${soort}:${op}`;
  await tx.afspraak.upsert({ where: { sleutel }, create: { zaakId, soort, op: new Date(op), sleutel }, update: {} });
}

async function afspraakGehouden(
  tx: Tx,
  zaakId: string,
  soort: 'vervolgcontrole' | 'voortgangsgesprek' | 'evaluatie',
  op?: string,
) {
  await tx.afspraak.updateMany({
    where: { zaakId, soort, gehouden: false, ...(op && { op: new Date(op) }) },
    data: { gehouden: true },
  });
}

type Soort = Gebeurtenis['soort'];
type Schrijver<S extends Soort> = (
  tx: Tx,
  zaakId: string,
  e: Extract<Gebeurtenis, { soort: S }>,
  doorId: string | undefined,
) => Promise<void>;

/** Only on the timeline: the event's row says it all. */
const alleenTijdlijn = async () => undefined;

// A transition's changes to the case row, gathered per transaction and written as one
// update at its end (no writer reads the case row back).
const zaakwijzigingen = new WeakMap<Tx, Prisma.ZaakUpdateInput>();

const zaakBijwerken = async (tx: Tx, _zaakId: string, data: Prisma.ZaakUpdateInput): Promise<void> => {
  zaakwijzigingen.set(tx, { ...zaakwijzigingen.get(tx), ...data });
};

/**
 * What each kind of event changes in the case records, besides its timeline row. Keyed by
 * every kind the workflow records: a new kind that nobody writes out does not compile.
 */
const SCHRIJVEN: { [S in Soort]: Schrijver<S> } = {
  fase: async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { fase: e.fase });
  },
  regiomanager: async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { regiomanagerId: e.persoonId });
    if (e.persoonId) await rolInZaak(tx, zaakId, e.persoonId, 'regiomanager');
  },
  regiomanagers: async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { regiomanagerId: e.persoonIds[0] ?? null });
    await tx.deelnemer.deleteMany({ where: { zaakId, rol: 'regiomanager', persoonId: { notIn: e.persoonIds } } });
    for (const persoonId of e.persoonIds) await rolInZaak(tx, zaakId, persoonId, 'regiomanager');
  },
  termijn: async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { termijnSoort: e.termijn, termijnOp: e.op ? new Date(e.op) : null });
  },
  'kandidaten.herzien': alleenTijdlijn,
  'coordinator.aanbod-ingetrokken': async (tx, zaakId) => {
    await zaakBijwerken(tx, zaakId, { aangebodenAanId: null });
  },
  'coordinator.aangeboden': async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { aangebodenAanId: e.coordinatorId });
  },
  'coordinator.aanvaard': async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { coordinatorId: e.coordinatorId, aangebodenAanId: null });
    await rolInZaak(tx, zaakId, e.coordinatorId, 'coordinator');
  },
  'coordinator.afgewezen': async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { aangebodenAanId: null });
    if (e.redenId) await tekstVastleggen(tx, zaakId, e.redenId, 'reden');
  },
  contact: alleenTijdlijn,
  escalatie: alleenTijdlijn,
  herinnering: alleenTijdlijn,
  'deelnemer.toegevoegd': async (tx, zaakId, e, doorId) => {
    const { count } = await tx.deelnemer.updateMany({
      where: { zaakId, persoonId: e.persoonId, rol: e.rol },
      data: {
        status: 'vastgelegd',
        wettelijkeRol: e.wettelijkeRol ?? null,
        voorgesteldDoorId: e.voorgesteldDoor ?? doorId ?? null,
      },
    });
    if (count === 0) throw verwijzingOngeldig('Deelnemer', e.persoonId);
  },
  'deelnemer.bijgewerkt': async (tx, zaakId, e) => {
    await tx.deelnemer.updateMany({
      where: { zaakId, persoonId: e.persoonId, rol: { in: ['hoofdpersoon', 'netwerk', 'professional'] } },
      data: { ...(e.uitnodiging && { uitnodiging: e.uitnodiging }), ...(e.bezoek && { bezoek: e.bezoek }) },
    });
    if (e.notitieId) await tekstVastleggen(tx, zaakId, e.notitieId, 'notitie');
  },
  kring: alleenTijdlijn,
  vraag: async (tx, zaakId, e) => {
    await zaakBijwerken(tx, zaakId, { vraag: await tekstVastleggen(tx, zaakId, e.tekstId, 'vraag') });
  },
  'voorwaarden.ingediend': async (tx, zaakId, e) => {
    const formulier = await tx.voorwaardenFormulier.findFirst({
      where: { id: e.formulierId, zaakId, professionalId: e.professionalId, versie: e.versie },
      include: { _count: { select: { voorwaarden: true } } },
    });
    if (!formulier || formulier._count.voorwaarden !== e.aantal)
      throw verwijzingOngeldig('Voorwaardenformulier', e.formulierId);
    await tx.voorwaardenFormulier.update({
      where: { id: e.formulierId },
      data: { status: 'ingediend', ingediendOp: new Date() },
    });
  },
  'voorwaarden.gepubliceerd': async (tx, zaakId, e) => {
    await tx.voorwaardenFormulier.update({
      where: { id: e.formulierId, zaakId },
      data: { status: 'gepubliceerd', gepubliceerdOp: new Date() },
    });
  },
  'datum.voorgesteld': async (tx, zaakId, e) => {
    const bestaand = await tx.datumVoorstel.findUnique({ where: { id: e.voorstelId } });
    if (!vanDezeZaak(bestaand, zaakId, 'Datumvoorstel', e.voorstelId)) {
      await tx.datumVoorstel.create({ data: { id: e.voorstelId, zaakId, op: new Date(e.op) } });
    }
  },
  beschikbaarheid: async (tx, _zaakId, e) => {
    await tx.beschikbaarheid.upsert({
      where: { voorstelId_persoonId: { voorstelId: e.voorstelId, persoonId: e.professionalId } },
      create: { voorstelId: e.voorstelId, persoonId: e.professionalId, beschikbaar: e.beschikbaar },
      update: { beschikbaar: e.beschikbaar },
    });
  },
  'datum.bevestigd': async (tx, zaakId, e) => {
    await tx.datumVoorstel.updateMany({
      where: { zaakId, id: { not: e.voorstelId } },
      data: { status: 'vervallen' },
    });
    await tx.datumVoorstel.update({ where: { id: e.voorstelId, zaakId }, data: { status: 'bevestigd' } });
    await zaakBijwerken(tx, zaakId, { conferentieOp: new Date(e.op) });
  },
  verlenging: async (tx, zaakId, e) => {
    await tekstVastleggen(tx, zaakId, e.redenId, 'reden');
  },
  'conferentie.gestart': alleenTijdlijn,
  bijdrage: alleenTijdlijn,
  'besloten.gestart': alleenTijdlijn,
  'besloten.beeindigd': alleenTijdlijn,
  'plan.gepresenteerd': async (tx, zaakId, e) => {
    await planGepresenteerd(tx, zaakId, e.planId);
  },
  toetsing: async (tx, zaakId, e) => {
    // The verdicts were stored before the command; the process says which plan and round they are of.
    const toetsing = await tx.toetsing.findFirst({
      where: {
        id: e.toetsingId,
        zaakId,
        professionalId: e.professionalId,
        status: 'concept',
      },
      include: { oordelen: { orderBy: { nummer: 'asc' } } },
    });
    const zelfde =
      toetsing &&
      JSON.stringify(toetsing.oordelen.map((o) => [o.nummer, o.voldaan])) ===
        JSON.stringify([...e.oordelen].sort((a, b) => a.nummer - b.nummer).map((o) => [o.nummer, o.voldaan]));
    if (!zelfde) throw verwijzingOngeldig('Toetsing', e.toetsingId);
    await tx.toetsing.update({
      where: { id: e.toetsingId },
      data: { status: 'vastgelegd', planId: e.planId, ronde: e.ronde },
    });
  },
  'plan.geaccepteerd': async (tx, zaakId, e) => {
    await planGeldt(tx, zaakId, e.planId);
  },
  afspraken: async (tx, zaakId, e) => {
    await tx.deelnemer.updateMany({ where: { zaakId, persoonId: { in: e.aangewezen } }, data: { aangewezen: true } });
    await afspraak(tx, zaakId, 'vervolgcontrole', e.vervolgcontrole);
    await afspraak(tx, zaakId, 'voortgangsgesprek', e.voortgangsgesprek);
    await afspraak(tx, zaakId, 'evaluatie', e.evaluatie);
    await zaakBijwerken(tx, zaakId, { evaluatieOp: new Date(e.evaluatie) });
  },
  'vervolg.gedaan': async (tx, zaakId, e) => {
    if (e.tekstId) await tekstVastleggen(tx, zaakId, e.tekstId, 'verslag');
    await afspraakGehouden(tx, zaakId, 'vervolgcontrole');
  },
  'voortgangsgesprek.gepland': async (tx, zaakId, e) => {
    await afspraak(tx, zaakId, 'voortgangsgesprek', e.op);
  },
  'voortgangsgesprek.gehouden': async (tx, zaakId, e) => {
    await afspraakGehouden(tx, zaakId, 'voortgangsgesprek', e.op);
  },
  signaal: async (tx, zaakId, e) => {
    await tekstVastleggen(tx, zaakId, e.signaalId, 'signaal');
  },
  'signaal.opgepakt': alleenTijdlijn,
  'signaal.kring-bijeen': async (tx, zaakId, e) => {
    if (e.notitieId) await tekstVastleggen(tx, zaakId, e.notitieId, 'verslag');
  },
  bijeenkomst: async (tx, zaakId, e) => {
    if (e.herzienPlanId && e.terToetsing) await planGepresenteerd(tx, zaakId, e.herzienPlanId);
    else if (e.herzienPlanId) await planGeldt(tx, zaakId, e.herzienPlanId);
    vanDezeZaak(
      await tx.afspraak.findUnique({ where: { id: e.bijeenkomstId } }),
      zaakId,
      'Bijeenkomst',
      e.bijeenkomstId,
    );
    const sleutel = `${zaakId}:bijeenkomst:${e.bijeenkomstId}`;
    await tx.afspraak.upsert({
      where: { sleutel },
      create: {
        id: e.bijeenkomstId,
        zaakId,
        soort: 'bijeenkomst',
        op: new Date(e.op),
        gehouden: true,
        aanwezigen: e.aanwezigen,
        aanleidingId: e.signaalId ?? null,
        planId: e.herzienPlanId ?? null,
        sleutel,
      },
      update: {},
    });
  },
  evaluatie: async (tx, zaakId, e) => {
    await afspraakGehouden(tx, zaakId, 'evaluatie');
    if (e.nieuweDatum) {
      await afspraak(tx, zaakId, 'evaluatie', e.nieuweDatum);
      await zaakBijwerken(tx, zaakId, { evaluatieOp: new Date(e.nieuweDatum) });
    }
  },
  afgesloten: async (tx, zaakId, e) => {
    if (e.redenId) await tekstVastleggen(tx, zaakId, e.redenId, 'reden');
    await zaakBijwerken(tx, zaakId, {
      fase: 'afgesloten',
      afsluiting: e.afsluiting,
      afgeslotenOp: new Date(),
      termijnSoort: null,
      termijnOp: null,
    });
  },
  'herziening.afgewezen': alleenTijdlijn,
  'herziening.ingetrokken': async (tx, zaakId, e) => {
    await tekstVastleggen(tx, zaakId, e.redenId, 'reden');
  },
  'bericht.mislukt': alleenTijdlijn,
};

function pasToe(tx: Tx, zaakId: string, e: Gebeurtenis, doorId: string | undefined): Promise<void> {
  return (SCHRIJVEN[e.soort] as Schrijver<Soort>)(tx, zaakId, e, doorId);
}

/**
 * The plan as presented, with its version number: versions count presented plans only, so a
 * plan stored for a command the process refused never takes a number.
 */
async function planGepresenteerd(tx: Tx, zaakId: string, planId: string): Promise<void> {
  const plan = await tx.plan.findFirst({ where: { id: planId, zaakId } });
  if (!plan) throw verwijzingOngeldig('Plan', planId);
  const laatste = await tx.plan.aggregate({ where: { zaakId }, _max: { versie: true } });
  await tx.plan.update({
    where: { id: planId },
    data: { status: 'gepresenteerd', versie: plan.versie ?? (laatste._max.versie ?? 0) + 1 },
  });
}

/** The plan that guides the help from now on; an earlier accepted version is kept as replaced. */
async function planGeldt(tx: Tx, zaakId: string, planId: string): Promise<void> {
  const plan = await tx.plan.findFirst({ where: { id: planId, zaakId } });
  if (!plan) throw verwijzingOngeldig('Plan', planId);
  // A revision recorded without a check (no conditions) is presented and accepted at once.
  if (plan.versie === null) await planGepresenteerd(tx, zaakId, planId);
  await tx.plan.updateMany({
    where: { zaakId, status: 'geaccepteerd', id: { not: planId } },
    data: { status: 'vervangen' },
  });
  await tx.plan.update({ where: { id: planId }, data: { status: 'geaccepteerd' } });
}

async function rolInZaak(tx: Tx, zaakId: string, persoonId: string, rol: 'regiomanager' | 'coordinator') {
  await tx.deelnemer.upsert({
    where: { zaakId_persoonId_rol: { zaakId, persoonId, rol } },
    create: { zaakId, persoonId, rol },
    update: {},
  });
}

function detailsVan(e: Gebeurtenis): Prisma.InputJsonObject {
  const { soort: _soort, ...details } = e;
  return details as Prisma.InputJsonObject;
}

/** The roles a request itself names; the process adds the others. */
const AANGEVRAAGD = new Set(['hoofdpersoon', 'aanvrager', 'netwerk', 'professional']);

export function createDossierActivities({ prisma }: DossierDeps) {
  /** The question the request came with, as the case's first version of it (once, also on a retry). */
  async function vraagVanDeAanvraag(zaakId: string, vraag: string): Promise<string> {
    const eerder = await prisma.tekst.findFirst({ where: { zaakId, soort: 'vraag', doorId: null } });
    return (eerder ?? (await prisma.tekst.create({ data: { zaakId, soort: 'vraag', inhoud: vraag } }))).id;
  }

  return {
    /** Records the events of one transition, all or nothing, once. */
    async vastleggen({ zaakId, op, doorId, gebeurtenissen }: Vastlegging): Promise<void> {
      const sleutel = schrijfsleutel();
      await alsHetKan(prisma, zaakId, () =>
        prisma.$transaction(async (tx) => {
          // The timeline rows go first: when they are there already, a retry has nothing to do.
          const { count } = await tx.gebeurtenis.createMany({
            data: gebeurtenissen.map((e, i) => ({
              zaakId,
              soort: e.soort,
              details: detailsVan(e),
              doorId: doorId ?? null,
              op: new Date(op),
              sleutel: `${sleutel}:${i}`,
            })),
            skipDuplicates: true,
          });
          if (count === 0) return;
          for (const e of gebeurtenissen) await pasToe(tx, zaakId, e, doorId);
          const zaak = zaakwijzigingen.get(tx);
          if (zaak) await tx.zaak.update({ where: { id: zaakId }, data: zaak });
          await tx.auditEvent.createMany({
            data: gebeurtenissen.map((e, i) => ({
              zaakId,
              actor: doorId ? `persoon:${doorId}` : 'proces',
              actie: `wijziging.${e.soort}`,
              details: detailsVan(e),
              sleutel: `${sleutel}:${i}`,
            })),
          });
        }),
      );
    },

    /** Who is on the case as it was requested, and the region's regiomanager. */
    async zaakOpenen({ zaakId }: { zaakId: string }) {
      return geopend(await openZaak(zaakId));
    },

    /**
     * Ranks the coordinators for this case and keeps the ranking, with reasons, in the
     * timeline for the regiomanager. Returns the eligible ones' ids, best first.
     */
    async kandidatenZoeken({ zaakId, afgewezenDoor }: { zaakId: string; afgewezenDoor: string[] }): Promise<string[]> {
      return kandidatenVoor(await openZaak(zaakId), afgewezenDoor);
    },

    /** A new request taken in at once: who is on it, its regiomanagers and its candidates, from one read of the case. */
    async aanvraagOpenen({ zaakId }: { zaakId: string }) {
      const zaak = await openZaak(zaakId);
      const [open, kandidaten] = await Promise.all([geopend(zaak), kandidatenVoor(zaak, [])]);
      return { ...open, kandidaten };
    },
  };

  async function openZaak(zaakId: string) {
    const zaak = await prisma.zaak.findUnique({ where: { id: zaakId }, include: { deelnemers: true } });
    if (!zaak) throw zaakOntbreekt(zaakId);
    return zaak;
  }

  async function geopend(zaak: Prisma.ZaakGetPayload<{ include: { deelnemers: true } }>) {
    const regiomanagers = await prisma.regioManager.findMany({
      where: { regio: zaak.regio },
      orderBy: { persoonId: 'asc' },
    });
    // Who hears of a request nobody manages: operations and the administrators.
    const beheerders = regiomanagers.length
      ? []
      : await prisma.gebruiker.findMany({
          where: { rol: { in: ['operations', 'admin'] }, geblokkeerdOp: null, persoonId: { not: null } },
          select: { persoonId: true },
        });
    return {
      regiomanagerId: regiomanagers[0]?.persoonId,
      regiomanagers: regiomanagers.map((r) => r.persoonId),
      beheerders: beheerders.map((b) => ({ persoonId: b.persoonId!, rol: 'beheer' })),
      vraagId: zaak.vraag === null ? undefined : await vraagVanDeAanvraag(zaak.id, zaak.vraag),
      deelnemers: zaak.deelnemers
        .filter((d) => d.status === 'vastgelegd' && AANGEVRAAGD.has(d.rol))
        .map((d) => ({
          persoonId: d.persoonId,
          rol: d.rol as DeelnemerRol,
          wettelijkeRol: (d.wettelijkeRol ?? undefined) as WettelijkeRol | undefined,
        })),
    };
  }

  async function kandidatenVoor(
    zaak: Prisma.ZaakGetPayload<{ include: { deelnemers: true } }>,
    afgewezenDoor: string[],
  ): Promise<string[]> {
    // The region's pool only: who works elsewhere, and whom they know, is no business of this case.
    const coordinatoren = await prisma.coordinator.findMany({
      where: { regios: { has: zaak.regio } },
      include: { relaties: true },
    });
    const lopend = await prisma.zaak.groupBy({
      by: ['coordinatorId'],
      where: { coordinatorId: { in: coordinatoren.map((c) => c.persoonId) }, fase: { not: 'afgesloten' } },
      _count: true,
    });
    const kandidaten: Kandidaat[] = coordinatoren.map((c) => ({
      id: c.persoonId,
      regios: c.regios,
      talen: c.talen,
      geslacht: c.geslacht,
      achtergronden: c.achtergronden,
      beschikbaar: nuBeschikbaar(c),
      maxZaken: c.maxZaken,
      lopendeZaken: lopend.find((l) => l.coordinatorId === c.persoonId)?._count ?? 0,
      relaties: c.relaties.map((r) => r.persoonId),
    }));
    const rangschikking = rangschik(
      {
        regio: zaak.regio,
        wensen: zaak.wensen as { taal?: string; geslacht?: string; cultureleAchtergrond?: string },
        personenInZaak: zaak.deelnemers.map((d) => d.persoonId),
        afgewezenDoor,
      },
      kandidaten,
    );
    await prisma.gebeurtenis.createMany({
      data: [
        {
          zaakId: zaak.id,
          soort: 'kandidaten',
          details: rangschikking as unknown as Prisma.InputJsonObject,
          op: new Date(),
          sleutel: `${schrijfsleutel()}:0`,
        },
      ],
      skipDuplicates: true,
    });
    return rangschikking.passend.map((m) => m.id);
  }
}
