// Anonymisation, as the AVG asks once a closed case's retention period has passed or a person
// asks to be erased. Names, contact details and free text go; what the reports count stays
// (dates, phases, rounds, outcomes, region, municipality, scores). The audit trail is left as
// written: it holds ids only, and an anonymised person's id now leads to a pseudonym.
import type { Prisma, PrismaClient } from '@prisma/client';

type Tx = Prisma.TransactionClient;

/** What stands where a name was: the same for one person on every screen and in every export. */
export function pseudoniem(persoonId: string): string {
  return `Persoon ${persoonId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/**
 * Who of these people (everyone, when absent) works for kring and keeps their record while they
 * do: a regiomanager, an account that is not blocked, a coordinator in the pool who never had
 * one. Blocked (they left), they are like anyone.
 */
async function medewerkers(db: PrismaClient | Tx, onder?: string[]): Promise<Set<string>> {
  const van = onder ? { persoonId: { in: onder } } : {};
  const [accounts, regios, coordinatoren] = await Promise.all([
    db.gebruiker.findMany({
      where: onder ? van : { persoonId: { not: null } },
      select: { persoonId: true, geblokkeerdOp: true },
    }),
    db.regioManager.findMany({ where: van, select: { persoonId: true } }),
    db.coordinator.findMany({ where: van, select: { persoonId: true } }),
  ]);
  const metAccount = new Set(accounts.map((a) => a.persoonId!));
  return new Set([
    ...accounts.filter((a) => !a.geblokkeerdOp).map((a) => a.persoonId!),
    ...regios.map((r) => r.persoonId),
    ...coordinatoren.filter((c) => !metAccount.has(c.persoonId)).map((c) => c.persoonId),
  ]);
}

const isMedewerker = async (tx: Tx, persoonId: string) => (await medewerkers(tx, [persoonId])).has(persoonId);

/** Waits for, and holds off, an erasure or a new part in a case for this person (zaakproces/inhoud.ts). */
async function persoonVergrendelen(tx: Tx, persoonId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "persoon" WHERE id = ${persoonId}::uuid FOR UPDATE`;
}

/**
 * The person's row becomes a pseudonym, and what else names or reaches them goes: a former
 * colleague's login and coordinator profile, and their number's SMS opt-out (unless someone
 * else kring knows has that number). The first date of erasure stands.
 */
async function persoonAnonimiseren(tx: Tx, persoonId: string, op: Date): Promise<void> {
  const { telefoon, gewistOp } = await tx.persoon.findUniqueOrThrow({ where: { id: persoonId } });
  if (
    telefoon &&
    !(await tx.persoon.findFirst({ where: { telefoon, id: { not: persoonId } }, select: { id: true } }))
  ) {
    await tx.smsAfmelding.deleteMany({ where: { nummer: telefoon } });
  }
  await tx.coordinator.deleteMany({ where: { persoonId } });
  for (const { id } of await tx.gebruiker.findMany({ where: { persoonId }, select: { id: true } })) {
    await tx.gebruiker.update({ where: { id }, data: { naam: `gewist-${id}` } });
  }
  await tx.persoon.update({
    where: { id: persoonId },
    data: { naam: pseudoniem(persoonId), email: null, telefoon: null, organisatie: null, gewistOp: gewistOp ?? op },
  });
}

// The matching's reasons quote the main person's wishes ("spreekt Arabisch", "achtergrond …").
const WENSREDEN: Record<string, { nl: string; en: string }> = {
  taal: { nl: 'spreekt de gewenste taal', en: 'speaks the language wished for' },
  geslacht: { nl: 'zoals gewenst', en: 'as wished' },
  achtergrond: { nl: 'de gewenste achtergrond', en: 'the background wished for' },
};

/** The main person's wishes (language, gender, background, a note: special categories), wherever kept. */
async function wensenWissen(tx: Tx, zaakIds: string[]): Promise<void> {
  if (!zaakIds.length) return;
  await tx.zaak.updateMany({ where: { id: { in: zaakIds } }, data: { wensen: {} } });
  type Rangschikking = { passend?: Array<{ redenen?: Array<{ code: string }> }> };
  for (const rij of await tx.gebeurtenis.findMany({ where: { zaakId: { in: zaakIds }, soort: 'kandidaten' } })) {
    const r = rij.details as Rangschikking;
    const zonder = {
      ...r,
      passend: (r.passend ?? []).map((m) => ({
        ...m,
        redenen: (m.redenen ?? []).map((u) => (WENSREDEN[u.code] ? { code: u.code, ...WENSREDEN[u.code] } : u)),
      })),
    };
    await tx.gebeurtenis.update({ where: { id: rij.id }, data: { details: zonder as Prisma.InputJsonObject } });
  }
}

export interface Anonimisering {
  /** False when the case was already anonymised, is open, or is held. */
  zaak: boolean;
  /** Persons anonymised with it: those taking part in no case that still names them. */
  personen: number;
}

/**
 * Anonymises one closed case that is not held. Idempotent: a case done before, reopened by
 * nobody, is left alone; a run cut off halfway is rolled back whole and done by the next.
 */
export async function zaakAnonimiseren(prisma: PrismaClient, zaakId: string): Promise<Anonimisering> {
  return prisma.$transaction(async (tx) => {
    const op = new Date();
    // The gate and the first write in one statement: a hold set meanwhile wins, or waits for this.
    const { count } = await tx.zaak.updateMany({
      where: { id: zaakId, fase: 'afgesloten', geanonimiseerdOp: null, bewarenSinds: null },
      data: { vraag: null, idempotencyKey: null, verzoekHash: null, geanonimiseerdOp: op },
    });
    if (count === 0) return { zaak: false, personen: 0 };
    const inZaak = { zaakId };
    await wensenWissen(tx, [zaakId]);
    await tx.deelnemer.updateMany({ where: inZaak, data: { relatie: null } });
    await tx.tekst.updateMany({ where: inZaak, data: { inhoud: '' } });
    await tx.voorwaardenFormulier.updateMany({ where: inZaak, data: { zorgen: '' } });
    await tx.voorwaarde.updateMany({ where: { formulier: inZaak }, data: { tekst: '' } });
    await tx.datumVoorstel.updateMany({ where: inZaak, data: { plaats: null } });
    await tx.planActie.updateMany({ where: { plan: inZaak }, data: { wat: '', wie: '' } });
    await tx.hulpvraag.updateMany({ where: { plan: inZaak }, data: { tekst: '' } });
    await tx.oordeel.updateMany({ where: { toetsing: inZaak }, data: { reden: '' } });
    await tx.bericht.updateMany({ where: inZaak, data: berichtZonderInhoud });
    await tx.tevredenheid.updateMany({ where: inZaak, data: { opmerking: null } });
    await tx.link.updateMany({ where: { ...inZaak, ingetrokkenOp: null }, data: { ingetrokkenOp: op } });
    // Idempotency keys hash a command's body, which may have carried a name.
    await tx.opdrachtsleutel.deleteMany({ where: inZaak });

    let personen = 0;
    const deelnemers = await tx.deelnemer.findMany({
      where: inZaak,
      select: { persoonId: true },
      distinct: ['persoonId'],
    });
    for (const { persoonId } of deelnemers) {
      await persoonVergrendelen(tx, persoonId);
      const elders = await tx.deelnemer.findFirst({
        where: { persoonId, zaak: { geanonimiseerdOp: null } },
        select: { zaakId: true },
      });
      const persoon = await tx.persoon.findUniqueOrThrow({ where: { id: persoonId }, select: { gewistOp: true } });
      if (elders || persoon.gewistOp || (await isMedewerker(tx, persoonId))) continue;
      await persoonAnonimiseren(tx, persoonId, op);
      personen++;
    }
    return { zaak: true, personen };
  });
}

const berichtZonderInhoud = {
  adres: '',
  onderwerp: '',
  inhoud: '',
  agenda: null,
  fout: null,
  providerId: null,
} satisfies Prisma.BerichtUpdateManyMutationInput;

/** Why a person cannot be erased now; empty when they can. */
export interface Wisbezwaar {
  code: 'zaak-open' | 'bewaarplicht' | 'medewerker';
  zaakIds: string[];
}

export async function wisbezwaren(db: PrismaClient | Tx, persoonId: string): Promise<Wisbezwaar[]> {
  const zaken = await db.zaak.findMany({
    where: { deelnemers: { some: { persoonId } } },
    select: { id: true, fase: true, bewarenSinds: true },
    orderBy: { aangevraagdOp: 'asc' },
  });
  const bezwaren: Wisbezwaar[] = [];
  const open = zaken.filter((z) => z.fase !== 'afgesloten').map((z) => z.id);
  if (open.length) bezwaren.push({ code: 'zaak-open', zaakIds: open });
  const bewaard = zaken.filter((z) => z.bewarenSinds).map((z) => z.id);
  if (bewaard.length) bezwaren.push({ code: 'bewaarplicht', zaakIds: bewaard });
  const tx = db as Tx;
  if (await isMedewerker(tx, persoonId)) bezwaren.push({ code: 'medewerker', zaakIds: [] });
  return bezwaren;
}

export class WissenGeweigerd extends Error {
  constructor(readonly bezwaren: Wisbezwaar[]) {
    super(`wissen geweigerd: ${bezwaren.map((b) => b.code).join(', ')}`);
    this.name = 'WissenGeweigerd';
  }
}

/**
 * Erases a person on request: their name and contact details, and what they wrote or were
 * sent in every case, which must all be closed and not held. Others' words stay, with the
 * person's name in them become their pseudonym. Returns the cases it touched; throws
 * WissenGeweigerd with the reasons when the law keeps the data. A second call changes nothing.
 */
export async function persoonWissen(
  prisma: PrismaClient,
  persoonId: string,
  /** Written in the same transaction: the audit line of the erasure, or of nothing at all. */
  ookVastleggen?: (tx: Tx, gewist: { zaakIds: string[]; alGewist: boolean }) => Promise<void>,
): Promise<{ zaakIds: string[]; gewistOp: Date; alGewist: boolean }> {
  return prisma.$transaction(async (tx) => {
    // Their cases first, then the person: the order the sweep takes them in, so that neither
    // waits for the other in a circle. A hold being set meanwhile waits for this, or this sees it.
    const zakenVan = async () =>
      (await tx.deelnemer.findMany({ where: { persoonId }, select: { zaakId: true }, distinct: ['zaakId'] })).map(
        (d) => d.zaakId,
      );
    const vergrendel = (ids: string[]) => tx.$executeRaw`SELECT 1 FROM "zaak" WHERE id = ANY(${ids}::uuid[]) FOR SHARE`;
    const eerst = await zakenVan();
    await vergrendel(eerst);
    await persoonVergrendelen(tx, persoonId);
    const zaakIds = await zakenVan();
    await vergrendel(zaakIds.filter((id) => !eerst.includes(id)));
    const persoon = await tx.persoon.findUniqueOrThrow({ where: { id: persoonId } });
    const bezwaren = await wisbezwaren(tx, persoonId);
    if (bezwaren.length) throw new WissenGeweigerd(bezwaren);
    // Erased before (on request or by the sweep): done again, harmlessly; the first date stands.
    const op = persoon.gewistOp ?? new Date();
    await tx.deelnemer.updateMany({ where: { persoonId }, data: { relatie: null } });
    await tx.tekst.updateMany({ where: { doorId: persoonId }, data: { inhoud: '' } });
    await tx.voorwaardenFormulier.updateMany({ where: { professionalId: persoonId }, data: { zorgen: '' } });
    await tx.voorwaarde.updateMany({ where: { formulier: { professionalId: persoonId } }, data: { tekst: '' } });
    await tx.oordeel.updateMany({ where: { toetsing: { professionalId: persoonId } }, data: { reden: '' } });
    await tx.hulpvraag.updateMany({ where: { professionalId: persoonId }, data: { tekst: '' } });
    await tx.bericht.updateMany({ where: { melding: { ontvangerId: persoonId } }, data: berichtZonderInhoud });
    await tx.tevredenheid.updateMany({ where: { persoonId }, data: { opmerking: null } });
    await tx.link.updateMany({ where: { persoonId, ingetrokkenOp: null }, data: { ingetrokkenOp: op } });
    // Their own question and wishes, in the cases they were the main person of.
    const alsHoofdpersoon = (
      await tx.deelnemer.findMany({ where: { persoonId, rol: 'hoofdpersoon' }, select: { zaakId: true } })
    ).map((d) => d.zaakId);
    await tx.zaak.updateMany({ where: { id: { in: alsHoofdpersoon } }, data: { vraag: null } });
    await tx.tekst.updateMany({ where: { zaakId: { in: alsHoofdpersoon }, soort: 'vraag' }, data: { inhoud: '' } });
    await wensenWissen(tx, alsHoofdpersoon);
    if (!persoon.gewistOp) await sporenWissen(tx, persoon, zaakIds);
    await persoonAnonimiseren(tx, persoonId, op);
    const gewist = { zaakIds, alGewist: persoon.gewistOp !== null };
    await ookVastleggen?.(tx, gewist);
    return { ...gewist, gewistOp: op };
  });
}

/** A name, address or number as a case-insensitive PostgreSQL pattern (any spacing inside a name). */
const alsPatroon = (s: string) =>
  s
    .trim()
    .replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
    .replace(/\s+/g, '\\s+');

/**
 * Whole words only (erasing "Eva" leaves "evaluatie" alone), by looking around rather than
 * taking the neighbouring character, so "Eva, Eva" loses both.
 */
const alsWoord = (patronen: string[]) => `(?<![[:alnum:]])(${patronen.join('|')})(?![[:alnum:]])`;

/** A number as people write it: +31 6 12345678, 06-12345678, (06) 123 456 78. */
function alsNummer(telefoon: string): string {
  const cijfers = telefoon.replace(/\D/g, '').slice(-9);
  return `(\\+31|0031|0)?[-[:space:]().]*${cijfers.split('').join('[-[:space:]().]*')}`;
}

/** Free text of a case that others wrote (or the process copied from them), with its table and where. */
const VRIJE_TEKST: ReadonlyArray<readonly [tabel: string, kolom: string, inZaken: string]> = [
  ['zaak', 'vraag', 'id = ANY($3::uuid[])'],
  ['deelnemer', 'relatie', '"zaakId" = ANY($3::uuid[])'],
  ['tekst', 'inhoud', '"zaakId" = ANY($3::uuid[])'],
  ['voorwaarden_formulier', 'zorgen', '"zaakId" = ANY($3::uuid[])'],
  ['voorwaarde', 'tekst', '"formulierId" IN (SELECT id FROM "voorwaarden_formulier" WHERE "zaakId" = ANY($3::uuid[]))'],
  ['datum_voorstel', 'plaats', '"zaakId" = ANY($3::uuid[])'],
  ['plan_actie', 'wat', '"planId" IN (SELECT id FROM "plan" WHERE "zaakId" = ANY($3::uuid[]))'],
  ['plan_actie', 'wie', '"planId" IN (SELECT id FROM "plan" WHERE "zaakId" = ANY($3::uuid[]))'],
  ['hulpvraag', 'tekst', '"planId" IN (SELECT id FROM "plan" WHERE "zaakId" = ANY($3::uuid[]))'],
  ['oordeel', 'reden', '"toetsingId" IN (SELECT id FROM "toetsing" WHERE "zaakId" = ANY($3::uuid[]))'],
  ['tevredenheid', 'opmerking', '"zaakId" = ANY($3::uuid[])'],
];

/**
 * What still names the person after their own rows are cleared: kring's messages to others
 * in their cases that mention them (an invitation names the main person, an answer its
 * sender) lose their text, as their own messages do; in others' words their full name,
 * address and number become their pseudonym (the words stay).
 */
async function sporenWissen(
  tx: Tx,
  persoon: { id: string; naam: string; email: string | null; telefoon: string | null },
  zaakIds: string[],
): Promise<void> {
  const { id, naam, email, telefoon } = persoon;
  const precies = [naam, email].filter((s): s is string => !!s && s.trim().length >= 3).map(alsPatroon);
  if (telefoon) precies.push(alsNummer(telefoon));
  if (!zaakIds.length || !precies.length) return;
  // A message says a main person by first name: a message that may mean them goes whole.
  const voornaam = naam.trim().split(/\s+/)[0] ?? '';
  const inBericht = [...precies, ...(voornaam.length >= 2 ? [alsPatroon(voornaam)] : [])];
  await tx.$executeRawUnsafe(
    `UPDATE "bericht" SET "adres" = '', "onderwerp" = '', "inhoud" = '', "agenda" = NULL, "fout" = NULL, "providerId" = NULL
      WHERE "zaakId" = ANY($2::uuid[])
        AND ("onderwerp" ~* $1 OR "inhoud" ~* $1 OR "agenda" ~* $1 OR "adres" ~* $1 OR "fout" ~* $1)`,
    alsWoord(inBericht),
    zaakIds,
  );
  for (const [tabel, kolom, inZaken] of VRIJE_TEKST) {
    await tx.$executeRawUnsafe(
      `UPDATE "${tabel}" SET "${kolom}" = regexp_replace("${kolom}", $1, $2, 'gi') WHERE ${inZaken} AND "${kolom}" ~* $1`,
      alsWoord(precies),
      pseudoniem(id),
      zaakIds,
    );
  }
}

/**
 * People no case names any more who do not work for kring (now): those whose cases are all
 * anonymised (a colleague who has left, kept while she worked), and those in no case at all,
 * stored before `voor` (what a refused command left behind). Up to `limiet`; returns how many.
 */
export async function achtergeblevenenAnonimiseren(prisma: PrismaClient, voor: Date, limiet: number): Promise<number> {
  const kandidaten = await prisma.persoon.findMany({
    where: {
      id: { notIn: [...(await medewerkers(prisma))] },
      gewistOp: null,
      OR: [
        { deelnames: { some: {}, every: { zaak: { geanonimiseerdOp: { not: null } } } } },
        { deelnames: { none: {} }, aangemaaktOp: { lt: voor } },
      ],
    },
    select: { id: true },
    take: limiet,
  });
  let aantal = 0;
  for (const { id } of kandidaten) {
    aantal += await prisma.$transaction(async (tx) => {
      await persoonVergrendelen(tx, id);
      const genoemd = await tx.deelnemer.findFirst({
        where: { persoonId: id, zaak: { geanonimiseerdOp: null } },
        select: { id: true },
      });
      if (genoemd || (await isMedewerker(tx, id))) return 0;
      await persoonAnonimiseren(tx, id, new Date());
      return 1;
    });
  }
  return aantal;
}

/** A region's retention period in days, or the default when it sets none. */
export interface Bewaartermijnen {
  standaardDagen: number;
}

const DAG_MS = 24 * 60 * 60_000;

/**
 * Closed cases whose retention period has passed by `nu` and that nobody holds, oldest first;
 * and how many past their period are held.
 */
export async function teAnonimiseren(
  prisma: PrismaClient,
  nu: Date,
  { standaardDagen }: Bewaartermijnen,
  limiet: number,
  /** Cases this sweep already failed on. */
  overslaan: string[] = [],
): Promise<{ zaakIds: string[]; aangehouden: number }> {
  const eigen = await prisma.regio.findMany({
    where: { bewaartermijnDagen: { not: null } },
    select: { naam: true, bewaartermijnDagen: true },
  });
  const voor = (dagen: number) => ({ lt: new Date(nu.getTime() - dagen * DAG_MS) });
  const verlopen: Prisma.ZaakWhereInput = {
    fase: 'afgesloten',
    geanonimiseerdOp: null,
    OR: [
      ...eigen.map((r) => ({ regio: r.naam, afgeslotenOp: voor(r.bewaartermijnDagen!) })),
      { regio: { notIn: eigen.map((r) => r.naam) }, afgeslotenOp: voor(standaardDagen) },
    ],
  };
  const [zaken, aangehouden] = await Promise.all([
    prisma.zaak.findMany({
      where: { ...verlopen, bewarenSinds: null, id: { notIn: overslaan } },
      select: { id: true },
      orderBy: { afgeslotenOp: 'asc' },
      take: limiet,
    }),
    prisma.zaak.count({ where: { ...verlopen, bewarenSinds: { not: null } } }),
  ]);
  return { zaakIds: zaken.map((z) => z.id), aangehouden };
}
