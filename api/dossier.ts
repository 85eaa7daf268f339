// The case file read back, topic by topic: the circle, the plans, the conditions, the
// toetsing rounds, the agreements and meetings after the conference, the signals, the date
// proposals and the candidate coordinators. Each read is within the caller's reach, shows
// what their role may see, and is recorded in the audit trail.
import { Router, type Request } from 'express';
import type { Prisma, PrismaClient, Zaak } from '@prisma/client';
import type { Rangschikking } from '../workflows/matching';
import { naamInZaak, naamzicht, persoonInZaak, type Naamzicht } from './anoniem';
import { vastleggen, wieVan } from './audit';
import { dezeZaak, zaakNietGevonden, type Gebruiker, type Handeling } from './rechten';
import { toegestaan } from './toegang';

type Db = PrismaClient;
const datum = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * Names of these persons, by id (for "who" in every read), as the case shows them: in an
 * anonymised case, everyone but its coordinator and regiomanager by their pseudonym.
 */
async function namen(
  prisma: Db,
  zaak: string | Naamzicht,
  ids: Array<string | null | undefined>,
): Promise<Map<string, string>> {
  const uniek = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (!uniek.length) return new Map();
  const [zicht, personen] = await Promise.all([
    typeof zaak === 'string' ? naamzicht(prisma, zaak) : zaak,
    prisma.persoon.findMany({ where: { id: { in: uniek } }, select: { id: true, naam: true } }),
  ]);
  return new Map(personen.map((p) => [p.id, naamInZaak(zicht, p.id, p.naam)]));
}

const wie = (n: Map<string, string>, persoonId: string | null | undefined) =>
  persoonId ? { persoonId, naam: n.get(persoonId) ?? null } : null;

/** The circle: who takes part, in which role, suggested by whom, invited, visited, and their own answers. */
export async function kring(prisma: Db, zaakId: string) {
  const deelnemers = await prisma.deelnemer.findMany({
    where: { zaakId, status: 'vastgelegd', rol: { in: ['hoofdpersoon', 'netwerk', 'professional'] } },
    include: { persoon: true },
    orderBy: { aangemaaktOp: 'asc' },
  });
  const notities = await prisma.tekst.findMany({
    // Only notes that came with an answer the process took: not those of a press it refused or never got.
    where: { zaakId, soort: 'notitie', status: 'vastgelegd', doorId: { in: deelnemers.map((d) => d.persoonId) } },
    orderBy: { aangemaaktOp: 'asc' },
  });
  const zicht = await naamzicht(prisma, zaakId);
  const n = await namen(
    prisma,
    zicht,
    deelnemers.map((d) => d.voorgesteldDoorId),
  );
  const getoond = deelnemers.map((d) => ({ ...d, persoon: persoonInZaak(zicht, d.persoon) }));
  return getoond.map((d) => ({
    persoonId: d.persoonId,
    naam: d.persoon.naam,
    rol: d.rol,
    wettelijkeRol: d.wettelijkeRol,
    relatie: d.relatie,
    organisatie: d.persoon.organisatie,
    email: d.persoon.email,
    telefoon: d.persoon.telefoon,
    voorgesteldDoor: wie(n, d.voorgesteldDoorId),
    uitnodiging: d.uitnodiging,
    bezoek: d.bezoek,
    aangewezen: d.aangewezen,
    /** What they said with their answer (through their link). */
    notities: notities
      .filter((t) => t.doorId === d.persoonId)
      .map((t) => ({ op: datum(t.aangemaaktOp), tekst: t.inhoud })),
  }));
}

/** Every presented plan version, the current one marked; a professional reads only her own share. */
export async function plannen(prisma: Db, zaakId: string, alleenVan?: string) {
  const rijen = await prisma.plan.findMany({
    where: { zaakId, status: { not: 'concept' } },
    include: { acties: { orderBy: { nummer: 'asc' } }, hulpvragen: true },
    orderBy: { versie: 'asc' },
  });
  const n = await namen(
    prisma,
    zaakId,
    rijen.flatMap((p) => p.hulpvragen.map((h) => h.professionalId)),
  );
  return rijen.map((p) => ({
    id: p.id,
    versie: p.versie,
    status: p.status,
    huidig: p.status === 'geaccepteerd',
    acties: p.acties.map((a) => ({
      nummer: a.nummer,
      wat: a.wat,
      wie: a.wie,
      uiterlijk: a.uiterlijk?.toISOString().slice(0, 10) ?? null,
    })),
    hulpvragen: p.hulpvragen
      .filter((h) => alleenVan === undefined || h.professionalId === alleenVan)
      .map((h) => ({ professional: wie(n, h.professionalId), tekst: h.tekst })),
  }));
}

/** The conditions forms, every version; a professional reads her own and the published ones of others. */
export async function voorwaarden(prisma: Db, zaakId: string, professional?: string) {
  const where: Prisma.VoorwaardenFormulierWhereInput = professional
    ? { zaakId, OR: [{ professionalId: professional, status: { not: 'concept' } }, { status: 'gepubliceerd' }] }
    : { zaakId, status: { not: 'concept' } };
  const rijen = await prisma.voorwaardenFormulier.findMany({
    where,
    include: { voorwaarden: { orderBy: { nummer: 'asc' } } },
    orderBy: [{ professionalId: 'asc' }, { versie: 'asc' }],
  });
  const n = await namen(
    prisma,
    zaakId,
    rijen.map((f) => f.professionalId),
  );
  return rijen.map((f) => ({
    id: f.id,
    professional: wie(n, f.professionalId),
    versie: f.versie,
    status: f.status,
    zorgen: f.zorgen,
    voorwaarden: f.voorwaarden.map((v) => ({ nummer: v.nummer, tekst: v.tekst })),
    ingediendOp: datum(f.ingediendOp),
    gepubliceerdOp: datum(f.gepubliceerdOp),
  }));
}

/** Each toetsing: whose, of which plan version and round, every verdict with its reason. */
export async function toetsingen(prisma: Db, zaakId: string, alleenVan?: string) {
  const rijen = await prisma.toetsing.findMany({
    where: { zaakId, status: 'vastgelegd', ...(alleenVan && { professionalId: alleenVan }) },
    include: { oordelen: { orderBy: { nummer: 'asc' } } },
    orderBy: { aangemaaktOp: 'asc' },
  });
  const versies = new Map(
    (
      await prisma.plan.findMany({
        where: { id: { in: rijen.map((t) => t.planId).filter((id): id is string => id !== null) } },
        select: { id: true, versie: true },
      })
    ).map((p) => [p.id, p.versie]),
  );
  const n = await namen(
    prisma,
    zaakId,
    rijen.map((t) => t.professionalId),
  );
  return rijen.map((t) => ({
    id: t.id,
    planId: t.planId,
    planVersie: t.planId ? (versies.get(t.planId) ?? null) : null,
    ronde: t.ronde,
    professional: wie(n, t.professionalId),
    op: datum(t.aangemaaktOp),
    oordelen: t.oordelen.map((o) => ({ nummer: o.nummer, voldaan: o.voldaan, reden: o.reden })),
  }));
}

/** The timeline's events of these kinds, oldest first. */
function gebeurtenissen(prisma: Db, zaakId: string, soorten: string[]) {
  return prisma.gebeurtenis.findMany({ where: { zaakId, soort: { in: soorten } }, orderBy: { id: 'asc' } });
}

const detail = (details: Prisma.JsonValue, veld: string): string | undefined => {
  const waarde = (details as Record<string, unknown> | null)?.[veld];
  return typeof waarde === 'string' ? waarde : undefined;
};

/** What was agreed at the conference and happened after it, and how the case ended. */
export async function afspraken(prisma: Db, zaakId: string) {
  const [zaak, aangewezen, rijen, verslagen] = await Promise.all([
    prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } }),
    prisma.deelnemer.findMany({ where: { zaakId, aangewezen: true }, include: { persoon: true } }),
    prisma.afspraak.findMany({ where: { zaakId }, orderBy: { op: 'asc' } }),
    prisma.tekst.findMany({
      where: { zaakId, soort: 'verslag', status: 'vastgelegd' },
      orderBy: { aangemaaktOp: 'asc' },
    }),
  ]);
  const versies = new Map(
    (await prisma.plan.findMany({ where: { zaakId }, select: { id: true, versie: true } })).map((p) => [
      p.id,
      p.versie,
    ]),
  );
  const zicht = await naamzicht(prisma, zaakId);
  const n = await namen(
    prisma,
    zicht,
    rijen.flatMap((a) => a.aanwezigen),
  );
  const van = (soort: string) => rijen.filter((a) => a.soort === soort);
  return {
    aangewezen: aangewezen.map((d) => ({
      persoonId: d.persoonId,
      naam: naamInZaak(zicht, d.persoonId, d.persoon.naam),
    })),
    vervolgcontrole: van('vervolgcontrole').map((a) => ({ op: datum(a.op), gedaan: a.gehouden }))[0] ?? null,
    vervolgverslagen: verslagen.map((t) => ({ op: datum(t.aangemaaktOp), tekst: t.inhoud })),
    voortgangsgesprekken: van('voortgangsgesprek').map((a) => ({ op: datum(a.op), gehouden: a.gehouden })),
    evaluaties: van('evaluatie').map((a) => ({ op: datum(a.op), gehouden: a.gehouden })),
    bijeenkomsten: van('bijeenkomst').map((a) => ({
      id: a.id,
      op: datum(a.op),
      aanwezigen: a.aanwezigen.map((id) => wie(n, id)),
      signaalId: a.aanleidingId,
      herzienPlan: a.planId ? { id: a.planId, versie: versies.get(a.planId) ?? null } : null,
    })),
    afsluiting: await afsluitingVan(prisma, zaak),
  };
}

/** How the case ended, with the reason given; null while it runs. */
export async function afsluitingVan(prisma: Db, zaak: Zaak) {
  if (!zaak.afsluiting) return null;
  const [afgesloten] = await prisma.gebeurtenis.findMany({
    where: { zaakId: zaak.id, soort: 'afgesloten' },
    orderBy: { id: 'desc' },
    take: 1,
  });
  const redenId = afgesloten && detail(afgesloten.details, 'redenId');
  const reden = redenId ? await prisma.tekst.findUnique({ where: { id: redenId } }) : null;
  return { soort: zaak.afsluiting, op: datum(zaak.afgeslotenOp), reden: reden?.inhoud ?? null };
}

/** "Het gaat niet goed": who said it and when, with the note; taken up, or escalated. */
export async function signalen(prisma: Db, zaakId: string) {
  const rijen = await gebeurtenissen(prisma, zaakId, [
    'signaal',
    'signaal.opgepakt',
    'signaal.kring-bijeen',
    'bijeenkomst',
    'escalatie',
    'afgesloten',
  ]);
  const afgesloten = rijen.find((r) => r.soort === 'afgesloten');
  const metDeZaakGesloten = (afgesloten?.details as { signalen?: string[] } | undefined)?.signalen ?? [];
  const gemeld = rijen.filter((r) => r.soort === 'signaal');
  const ids = gemeld.map((r) => detail(r.details, 'signaalId')!);
  const [notities, n] = await Promise.all([
    prisma.tekst.findMany({ where: { id: { in: ids }, zaakId } }),
    namen(
      prisma,
      zaakId,
      gemeld.map((r) => r.doorId),
    ),
  ]);
  const eerste = (id: string, soorten: string[]) =>
    rijen.find((r) => soorten.includes(r.soort) && detail(r.details, 'signaalId') === id)?.op;
  const bijeen = (id: string) =>
    rijen.find((r) => r.soort === 'signaal.kring-bijeen' && detail(r.details, 'signaalId') === id);
  const verslagIds = rijen
    .filter((r) => r.soort === 'signaal.kring-bijeen')
    .map((r) => detail(r.details, 'notitieId'))
    .filter((x): x is string => typeof x === 'string');
  const verslagen = await prisma.tekst.findMany({ where: { id: { in: verslagIds }, zaakId } });
  return gemeld.map((r) => {
    const id = detail(r.details, 'signaalId')!;
    return {
      id,
      op: datum(r.op),
      door: wie(n, r.doorId),
      notitie: notities.find((t) => t.id === id)?.inhoud ?? null,
      uiterlijk: detail(r.details, 'uiterlijk') ?? null,
      opgepaktOp: datum(eerste(id, ['signaal.opgepakt', 'signaal.kring-bijeen', 'bijeenkomst'])),
      /** The designated person said the circle met about it (the coordinator records the meeting), and what about. */
      kringBijeenOp: datum(eerste(id, ['signaal.kring-bijeen'])),
      kringBijeenVerslag:
        verslagen.find((t) => t.id === detail(bijeen(id)?.details ?? null, 'notitieId'))?.inhoud ?? null,
      geescaleerdOp: datum(eerste(id, ['escalatie'])),
      /** Still open when the case closed, and named in the reason for closing. */
      afgeslotenMetDeZaakOp: metDeZaakGesloten.includes(id) ? datum(afgesloten!.op) : null,
    };
  });
}

/** The proposed dates and each professional's availability; a professional sees only her own. */
export async function datumvoorstellen(prisma: Db, zaakId: string, alleenVan?: string) {
  const rijen = await prisma.datumVoorstel.findMany({
    where: { zaakId },
    include: { beschikbaarheden: alleenVan ? { where: { persoonId: alleenVan } } : true },
    orderBy: { op: 'asc' },
  });
  const n = await namen(
    prisma,
    zaakId,
    rijen.flatMap((v) => v.beschikbaarheden.map((b) => b.persoonId)),
  );
  return rijen.map((v) => ({
    id: v.id,
    op: datum(v.op),
    plaats: v.plaats,
    status: v.status,
    beschikbaarheid: v.beschikbaarheden.map((b) => ({ professional: wie(n, b.persoonId), beschikbaar: b.beschikbaar })),
  }));
}

/** The coordinators the matching ranked last, by name, with the reasons; and who was left out, and why. */
export async function kandidaten(prisma: Db, zaakId: string) {
  const [laatste] = await prisma.gebeurtenis.findMany({
    where: { zaakId, soort: 'kandidaten' },
    orderBy: { id: 'desc' },
    take: 1,
  });
  if (!laatste) return { op: null, passend: [], uitgesloten: [] };
  const rangschikking = laatste.details as unknown as Rangschikking;
  const n = await namen(prisma, zaakId, [
    ...rangschikking.passend.map((m) => m.id),
    ...rangschikking.uitgesloten.map((u) => u.id),
  ]);
  return {
    op: datum(laatste.op),
    passend: rangschikking.passend.map((m) => ({ ...wie(n, m.id)!, score: m.score, redenen: m.redenen })),
    uitgesloten: rangschikking.uitgesloten.map((u) => ({ ...wie(n, u.id)!, reden: u.reden })),
  };
}

/** How the conference went for the participants: per answer its group, score and remark; no names. */
export async function tevredenheid(prisma: Db, zaakId: string) {
  const rijen = await prisma.tevredenheid.findMany({
    where: { zaakId },
    orderBy: [{ groep: 'asc' }, { gegevenOp: 'asc' }],
  });
  return rijen.map((r) => ({ groep: r.groep, score: r.score, opmerking: r.opmerking, op: datum(r.gegevenOp) }));
}

interface Lezing {
  handeling: Handeling;
  /** What it shows, for the API's documentation. */
  samenvatting: string;
  lees: (prisma: Db, zaakId: string, g: Gebruiker) => Promise<unknown>;
}

/** Reads of one case: the caller's role decides what each shows. */
export const LEZINGEN: Record<string, Lezing> = {
  kring: {
    handeling: 'zaak.kring',
    samenvatting: 'De kring: wie meedoet, in welke rol, voorgesteld door wie, uitnodiging, bezoek en antwoorden.',
    lees: (p, z) => kring(p, z),
  },
  plannen: {
    handeling: 'zaak.plannen',
    samenvatting:
      'Elke gepresenteerde versie van het plan, de huidige gemarkeerd; een professional ziet haar eigen hulpvraag.',
    lees: (p, z, g) => plannen(p, z, alsProfessional(g)),
  },
  voorwaarden: {
    handeling: 'zaak.voorwaarden',
    samenvatting: 'De voorwaardenformulieren, elke versie; een professional ziet haar eigen en de gepubliceerde.',
    lees: (p, z, g) => voorwaarden(p, z, alsProfessional(g)),
  },
  toetsingen: {
    handeling: 'zaak.toetsingen',
    samenvatting: 'Elke toetsing: plan, ronde, elk oordeel met reden; een professional ziet haar eigen.',
    lees: (p, z, g) => toetsingen(p, z, alsProfessional(g)),
  },
  afspraken: {
    handeling: 'zaak.afspraken',
    samenvatting: 'De afspraken, vervolgcontrole, voortgangsgesprekken, evaluaties, bijeenkomsten en de afsluiting.',
    lees: (p, z) => afspraken(p, z),
  },
  signalen: {
    handeling: 'zaak.signalen',
    samenvatting: 'Meldingen "het gaat niet goed": door wie, wanneer, de toelichting, opgepakt of geëscaleerd.',
    lees: (p, z) => signalen(p, z),
  },
  datumvoorstellen: {
    handeling: 'zaak.datumvoorstellen',
    samenvatting: 'Voorgestelde data en de beschikbaarheid van elke professional; een professional ziet de hare.',
    lees: (p, z, g) => datumvoorstellen(p, z, alsProfessional(g)),
  },
  tevredenheid: {
    handeling: 'zaak.tevredenheid',
    samenvatting:
      'Hoe de deelnemers de conferentie vonden: per antwoord de groep, de score (1–5) en de opmerking, zonder namen.',
    lees: (p, z) => tevredenheid(p, z),
  },
  kandidaten: {
    handeling: 'zaak.kandidaten',
    samenvatting: 'De passende coördinatoren op naam, met de redenen van de rangschikking, en wie niet past en waarom.',
    lees: (p, z) => kandidaten(p, z),
  },
};

/** A professional reads her own part; staff read all. */
function alsProfessional(g: Gebruiker): string | undefined {
  return g.rol === 'professional' ? g.persoonId! : undefined;
}

export function dossierRouter({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  for (const [pad, { handeling, lees }] of Object.entries(LEZINGEN)) {
    router.get(`/:id/${pad}`, async (req: Request, res) => {
      const g = toegestaan(req, handeling);
      const zaak = await prisma.zaak.findFirst({ where: dezeZaak(g, String(req.params.id)), select: { id: true } });
      if (!zaak) throw zaakNietGevonden();
      await vastleggen(prisma, wieVan(req), `${pad}.ingezien`, zaak.id);
      res.json(await lees(prisma, zaak.id, g));
    });
  }
  return router;
}
