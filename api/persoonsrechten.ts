// A person's rights under the AVG: the regiomanager finds a person, hands over everything kring
// holds about them (one export, as JSON or as a printable Dutch page), and erases them where
// the law allows. Only a regiomanager with a case of that person in her region reaches them.
// The export holds the person's own data in full (the person, accounts, coordinator profile,
// sms opt-out), and what the cases hold about them only for the cases she reaches: of their
// other cases (another region's families) only a reference, dates and counts, for that
// region's regiomanager to hand over. Other people in it are named by their role, never by
// name, address or number.
import { Router, type Request } from 'express';
import type { Prisma, PrismaClient, Rol } from '@prisma/client';
import { z } from 'zod';
import { persoonWissen, pseudoniem, WissenGeweigerd, type Wisbezwaar } from '../prisma/anonimisering';
import { gegevenspagina } from '../schermen/gegevenspagina';
import { paginakoppen } from '../schermen/koppen';
import { tekst } from '../zaakproces/velden';
import { vastleggen, wieVan, type Wie } from './audit';
import { lezingenVan } from './inzage';
import { niemandGevonden, Probleem, type Tekst } from './problem';
import { zaakBereik, type Gebruiker } from './rechten';
import { toegestaan } from './toegang';
import { valideer } from './validatie';

/** GET /persons: a name, an email address (or part of one), an id or its first eight characters. */
export const Personenzoekvraag = z.strictObject({ zoek: tekst(100) });

export const persoonNietGevonden = () => niemandGevonden({ nl: 'Deze persoon', en: 'This person' });

/** A case as people read it in messages: the first eight characters of its id. */
export const zaakRef = (zaakId: string) => zaakId.slice(0, 8).toUpperCase();

const uniek = <T>(lijst: T[]) => [...new Set(lijst)];

/** Every way a case holds a row of this person (the tables `persoonsgegevens` reads per case). */
const zaakVanPersoon = (persoonId: string): Prisma.ZaakWhereInput[] => [
  { deelnemers: { some: { persoonId } } },
  { coordinatorId: persoonId },
  { regiomanagerId: persoonId },
  { aangebodenAanId: persoonId },
  { meldingen: { some: { ontvangerId: persoonId } } },
  { teksten: { some: { doorId: persoonId } } },
  { formulieren: { some: { professionalId: persoonId } } },
  { toetsingen: { some: { professionalId: persoonId } } },
  { plannen: { some: { hulpvragen: { some: { professionalId: persoonId } } } } },
  { datumvoorstellen: { some: { beschikbaarheden: { some: { persoonId } } } } },
  { tevredenheden: { some: { persoonId } } },
  { links: { some: { persoonId } } },
  { afspraken: { some: { aanwezigen: { has: persoonId } } } },
  { gebeurtenissen: { some: { doorId: persoonId } } },
  { auditEvents: { some: { details: { path: ['persoonId'], equals: persoonId } } } },
];

/**
 * The person's cases the caller does not reach (another region's): only their id and dates
 * leave this module, as a reference; never their region, phase or the person's role in them.
 */
export function zakenBuitenBereik(prisma: PrismaClient, g: Gebruiker, persoonId: string) {
  return prisma.zaak.findMany({
    where: { AND: [{ NOT: zaakBereik(g) }, { OR: zaakVanPersoon(persoonId) }] },
    select: { id: true, aangevraagdOp: true, afgeslotenOp: true },
    orderBy: [{ aangevraagdOp: 'asc' }, { id: 'asc' }],
  });
}

/** The note on the export and the person's page: that there is more, and who hands it over. */
export function buitenBereikTekst(aantal: number, g: Pick<Gebruiker, 'regios'>): string {
  const zaken = aantal === 1 ? '1 zaak' : `${aantal} zaken`;
  const regio = g.regios.length > 1 ? "uw regio's" : 'uw regio';
  return `Deze persoon neemt ook deel aan ${zaken} buiten ${regio}; de regiomanager daar verstrekt die gegevens.`;
}

/**
 * The cases through which the caller reaches a person: her region's, not yet anonymised (an
 * anonymised case names nobody; reaching someone through it would undo that).
 */
const bereikVan = (g: Gebruiker): Prisma.ZaakWhereInput => ({ AND: [zaakBereik(g), { geanonimiseerdOp: null }] });

/**
 * The person, if they take part in a case the caller reaches; the cases she reaches them by
 * (the first is the one the audit trail files her reads under). Otherwise 404.
 */
export async function persoonInBereik(
  prisma: PrismaClient,
  g: Gebruiker,
  id: string,
): Promise<{ persoonId: string; zaakIds: string[] }> {
  const deelnames = z.uuid().safeParse(id).success
    ? await prisma.deelnemer.findMany({
        where: { persoonId: id, zaak: bereikVan(g) },
        select: { zaakId: true, persoonId: true },
        orderBy: { aangemaaktOp: 'asc' },
      })
    : [];
  if (!deelnames.length) throw persoonNietGevonden();
  return { persoonId: deelnames[0]!.persoonId, zaakIds: uniek(deelnames.map((d) => d.zaakId)) };
}

export interface GevondenPersoon {
  id: string;
  naam: string;
  gewist: boolean;
  /** Their roles in the caller's cases. */
  rollen: Rol[];
  /** How many of the caller's cases they take part in. */
  zaken: number;
}

/**
 * Persons in the caller's cases by id (whole or its first eight characters, as in a
 * pseudonym), or by a part of their name or email address, case-insensitive. At most 50.
 * `soort`: what was searched, for the audit trail (never the term: it may be a name).
 */
export async function personenZoeken(
  prisma: PrismaClient,
  g: Gebruiker,
  term: string,
): Promise<{ soort: string[]; personen: GevondenPersoon[] }> {
  const bereik = bereikVan(g);
  const of: Prisma.PersoonWhereInput[] = [];
  const soort: string[] = [];
  const t = term.trim();
  if (z.uuid().safeParse(t).success) {
    of.push({ id: t.toLowerCase() });
    soort.push('id');
  } else {
    const ref = /^(?:persoon\s+)?([0-9a-f]{8})$/i.exec(t)?.[1]?.toLowerCase();
    if (ref) {
      of.push({ id: { gte: `${ref}-0000-0000-0000-000000000000`, lte: `${ref}-ffff-ffff-ffff-ffffffffffff` } });
      soort.push('referentie');
    }
    of.push({ naam: { contains: t, mode: 'insensitive' } }, { email: { contains: t, mode: 'insensitive' } });
    soort.push('naam', 'email');
  }
  const personen = await prisma.persoon.findMany({
    where: { AND: [{ OR: of }, { deelnames: { some: { zaak: bereik } } }] },
    select: {
      id: true,
      naam: true,
      gewistOp: true,
      deelnames: { where: { zaak: bereik }, select: { zaakId: true, rol: true } },
    },
    orderBy: [{ naam: 'asc' }, { id: 'asc' }],
    take: 50,
  });
  return {
    soort,
    personen: personen.map((p) => ({
      id: p.id,
      naam: p.naam,
      gewist: p.gewistOp !== null,
      rollen: uniek(p.deelnames.map((d) => d.rol)),
      zaken: uniek(p.deelnames.map((d) => d.zaakId)).length,
    })),
  };
}

/** How the export names someone else: by their role in the case, never by name. */
export const ROLWOORD: Record<Rol, string> = {
  aanvrager: 'de aanvrager',
  hoofdpersoon: 'de hoofdpersoon',
  netwerk: 'iemand uit het netwerk',
  professional: 'een professional',
  coordinator: 'de coördinator',
  regiomanager: 'de regiomanager',
};

const ACCOUNTROL: Record<string, string> = {
  operations: 'een medewerker',
  regiomanager: 'de regiomanager',
  coordinator: 'de coördinator',
  professional: 'een professional',
  admin: 'de beheerder',
};

/** Who read or did something, without their name: the role of the account, or what else acted. */
function doorWie(actor: string, account: { rol: string } | undefined): string {
  if (account) return ACCOUNTROL[account.rol] ?? account.rol;
  return (
    { link: 'een deelnemer via een link', proces: 'kring zelf', beheer: 'de beheerder (opdrachtregel)' }[actor] ??
    'kring'
  );
}

const klein = (s: string) => s.toLocaleLowerCase('nl');
const cijfers = (s: string | null | undefined) => {
  const c = (s ?? '').replace(/\D/g, '');
  return c.length >= 9 ? c.slice(-9) : '';
};
const alsRegex = (s: string) =>
  s
    .trim()
    .replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
const EMAILADRES = /[\w.+%-]+@[\w-]+(?:\.[\w-]+)+/g;
const TELEFOONACHTIG = /\+?\d[\d\s().-]{7,}\d/g;

interface Ander {
  naam: string;
  email: string | null;
  telefoon: string | null;
  rol: string;
}

/**
 * Takes other people out of a text: their full name and first name, their address and their
 * number become their role in brackets; any other email address than the person's own too.
 */
export function afscherming(
  eigen: { naam: string; adressen: string[]; telefoon: string | null },
  anderen: Ander[],
): (tekst: string) => string {
  const eigenWoorden = new Set(klein(eigen.naam).split(/\s+/));
  const eigenAdressen = new Set(eigen.adressen.map(klein));
  const eigenNummer = cijfers(eigen.telefoon);
  const adressen = new Map(anderen.filter((a) => a.email).map((a) => [klein(a.email!), a.rol]));
  const nummers = new Map(
    anderen
      .filter((a) => cijfers(a.telefoon) && cijfers(a.telefoon) !== eigenNummer)
      .map((a) => [cijfers(a.telefoon), a.rol]),
  );
  const grens = (kern: string) => `(?<![\\p{L}\\p{N}])${kern}(?![\\p{L}\\p{N}])`;
  const namen: Array<[RegExp, string]> = [];
  for (const a of [...anderen].sort((x, y) => y.naam.length - x.naam.length)) {
    if (a.naam.trim().length >= 2 && klein(a.naam.trim()) !== klein(eigen.naam.trim())) {
      namen.push([new RegExp(grens(alsRegex(a.naam)), 'giu'), `[${a.rol}]`]);
    }
  }
  // A first name alone (a message says the main person so): written with a capital, not one of the person's own.
  for (const a of anderen) {
    const voornaam = a.naam.trim().split(/\s+/)[0] ?? '';
    if (voornaam.length >= 3 && !eigenWoorden.has(klein(voornaam))) {
      namen.push([new RegExp(grens(alsRegex(voornaam)), 'gu'), `[${a.rol}]`]);
    }
  }
  return (tekst) => {
    let t = tekst.replace(EMAILADRES, (m) =>
      eigenAdressen.has(klein(m))
        ? m
        : `[e-mailadres${adressen.has(klein(m)) ? ` van ${adressen.get(klein(m))}` : ''}]`,
    );
    t = t.replace(TELEFOONACHTIG, (m) => {
      const rol = nummers.get(cijfers(m));
      return rol ? `[telefoonnummer van ${rol}]` : m;
    });
    for (const [patroon, door] of namen) t = t.replace(patroon, door);
    return t;
  };
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Everything kring holds about one person, for the regiomanager `g` to hand over. What is the
 * person's own is here in full: the person, their accounts, coordinator profile, regions, sms
 * opt-out. What a case holds (texts, messages, conditions, verdicts, help requests, remarks,
 * relatie, meetings, process steps, who read it) only for the cases `g` reaches; of the
 * person's other cases only `zakenBuitenBereik`: a reference, the case's dates and how many
 * rows of each kind, never its region, phase, their role or any content (another region's
 * family; their regiomanager hands that over). Every table that points at a person is here,
 * or left out for the reason given:
 * - persoon; deelname (persoonId; voorgesteldDoorId as the role of who proposed them);
 *   melding + bericht (ontvangerId); tekst (doorId); voorwaarden_formulier + voorwaarde,
 *   toetsing + oordeel, hulpvraag (professionalId); beschikbaarheid, tevredenheid, link
 *   (persoonId; never the link's key, which is not stored, nor its message key); afspraak
 *   (aanwezigen); gebeurtenis (doorId: what they did, without the details, which hold others'
 *   ids); sms_afmelding (their number); gebruiker with its token, sessie and aanmeldlink rows
 *   (dates only, never a hash or form key); coordinator and coordinator_relatie (who they
 *   know privately: a number only, those are others; who knows them: a pseudonym);
 *   regio_manager; zaak (aangebodenAanId: offers made to them); audit_event (reads of their
 *   cases, events that name them, and per action what their accounts did).
 * - Left out: opdrachtsleutel (a command's idempotency key and a hash of its body: nothing
 *   readable, the commands are in the timeline); aanmeldteller (keyed by a hash, linked to no
 *   one); zaak.regiomanagerId/coordinatorId (the same as their deelname with that role);
 *   the case's own content written by others (the plan, others' texts): the family's and
 *   others' data, not theirs, except their own share (hulpvraag) as a professional.
 */
export async function persoonsgegevens(prisma: PrismaClient, persoonId: string, g: Gebruiker) {
  const persoon = await prisma.persoon.findUniqueOrThrow({
    where: { id: persoonId },
    include: { coordinator: true, regios: { orderBy: { regio: 'asc' } } },
  });
  const deelnames = await prisma.deelnemer.findMany({
    where: { persoonId },
    include: {
      zaak: {
        select: {
          id: true,
          regio: true,
          fase: true,
          afsluiting: true,
          aangevraagdOp: true,
          afgeslotenOp: true,
          bewarenSinds: true,
          geanonimiseerdOp: true,
          coordinatorId: true,
          regiomanagerId: true,
          aangebodenAanId: true,
        },
      },
    },
    orderBy: { aangemaaktOp: 'asc' },
  });
  const zaakIds = uniek(deelnames.map((d) => d.zaakId));
  const [
    medeDeelnemers,
    meldingen,
    teksten,
    formulieren,
    toetsingen,
    hulpvragen,
    beschikbaarheden,
    tevredenheden,
    links,
    afspraken,
    handelingen,
    smsAfmelding,
    accounts,
    kentMij,
    ikKen,
    aanbiedingen,
    overPersoon,
    buiten,
  ] = await Promise.all([
    prisma.deelnemer.findMany({
      where: { zaakId: { in: zaakIds }, persoonId: { not: persoonId } },
      select: { zaakId: true, persoonId: true, rol: true },
    }),
    prisma.melding.findMany({
      where: { ontvangerId: persoonId },
      include: { berichten: { orderBy: { aangemaaktOp: 'asc' } } },
      orderBy: { aangemaaktOp: 'asc' },
    }),
    prisma.tekst.findMany({ where: { doorId: persoonId }, orderBy: { aangemaaktOp: 'asc' } }),
    prisma.voorwaardenFormulier.findMany({
      where: { professionalId: persoonId },
      include: { voorwaarden: { orderBy: { nummer: 'asc' } } },
      orderBy: { aangemaaktOp: 'asc' },
    }),
    prisma.toetsing.findMany({
      where: { professionalId: persoonId },
      include: { oordelen: { orderBy: { nummer: 'asc' } } },
      orderBy: { aangemaaktOp: 'asc' },
    }),
    prisma.hulpvraag.findMany({
      where: { professionalId: persoonId },
      include: { plan: { select: { zaakId: true, versie: true, status: true } } },
    }),
    prisma.beschikbaarheid.findMany({
      where: { persoonId },
      include: { voorstel: { select: { zaakId: true, op: true, status: true } } },
    }),
    prisma.tevredenheid.findMany({ where: { persoonId }, orderBy: { gegevenOp: 'asc' } }),
    prisma.link.findMany({ where: { persoonId }, orderBy: { aangemaaktOp: 'asc' } }),
    prisma.afspraak.findMany({ where: { aanwezigen: { has: persoonId } }, orderBy: { op: 'asc' } }),
    prisma.gebeurtenis.findMany({
      where: { doorId: persoonId },
      select: { zaakId: true, soort: true, op: true },
      orderBy: { id: 'asc' },
    }),
    persoon.telefoon ? prisma.smsAfmelding.findUnique({ where: { nummer: persoon.telefoon } }) : null,
    prisma.gebruiker.findMany({
      where: { persoonId },
      select: {
        id: true,
        naam: true,
        rol: true,
        aangemaaktOp: true,
        geblokkeerdOp: true,
        tokens: { select: { aangemaaktOp: true, verlooptOp: true, ingetrokkenOp: true } },
        sessies: { select: { aangemaaktOp: true, laatstGebruiktOp: true, verlooptOp: true, beeindigdOp: true } },
        aanmeldlinks: { select: { aangemaaktOp: true, verlooptOp: true, gebruiktOp: true } },
      },
      orderBy: { aangemaaktOp: 'asc' },
    }),
    prisma.coordinatorRelatie.findMany({ where: { persoonId }, select: { coordinatorId: true } }),
    prisma.coordinatorRelatie.count({ where: { coordinatorId: persoonId } }),
    prisma.zaak.findMany({ where: { aangebodenAanId: persoonId }, select: { id: true } }),
    prisma.auditEvent.findMany({
      where: { details: { path: ['persoonId'], equals: persoonId } },
      orderBy: { id: 'asc' },
    }),
    zakenBuitenBereik(prisma, g, persoonId),
  ]);

  // The cases the caller reaches, among all those the rows name: only theirs are shown.
  const genoemd = uniek([
    ...zaakIds,
    ...meldingen.map((m) => m.zaakId),
    ...teksten.map((t) => t.zaakId),
    ...formulieren.map((f) => f.zaakId),
    ...toetsingen.map((t) => t.zaakId),
    ...hulpvragen.map((h) => h.plan.zaakId),
    ...beschikbaarheden.map((b) => b.voorstel.zaakId),
    ...tevredenheden.map((t) => t.zaakId),
    ...links.map((l) => l.zaakId),
    ...afspraken.map((a) => a.zaakId),
    ...handelingen.map((h) => h.zaakId),
    ...aanbiedingen.map((a) => a.id),
    ...overPersoon.flatMap((e) => (e.zaakId ? [e.zaakId] : [])),
  ]);
  const binnen = new Set(
    (
      await prisma.zaak.findMany({ where: { AND: [{ id: { in: genoemd } }, zaakBereik(g)] }, select: { id: true } })
    ).map((z) => z.id),
  );
  const hier = <T>(rijen: T[], zaak: (r: T) => string) => rijen.filter((r) => binnen.has(zaak(r)));
  const lezingen = await lezingenVan(
    prisma,
    zaakIds.filter((id) => binnen.has(id)),
  );
  /** How many rows of each kind the person has in a case outside reach: no content, no role. */
  const aantallen = (zaakId: string) => {
    const tel = <T>(rijen: T[], zaak: (r: T) => string | null) => rijen.filter((r) => zaak(r) === zaakId).length;
    return {
      deelnames: tel(deelnames, (d) => d.zaakId),
      berichten: meldingen.filter((m) => m.zaakId === zaakId).reduce((n, m) => n + m.berichten.length, 0),
      teksten: tel(teksten, (t) => t.zaakId),
      voorwaarden: tel(formulieren, (f) => f.zaakId),
      toetsingen: tel(toetsingen, (t) => t.zaakId),
      hulpvragen: tel(hulpvragen, (h) => h.plan.zaakId),
      beschikbaarheden: tel(beschikbaarheden, (b) => b.voorstel.zaakId),
      tevredenheden: tel(tevredenheden, (t) => t.zaakId),
      links: tel(links, (l) => l.zaakId),
      afspraken: tel(afspraken, (a) => a.zaakId),
      handelingen: tel(handelingen, (h) => h.zaakId),
      aangeboden: tel(aanbiedingen, (a) => a.id),
      vastgelegd: tel(overPersoon, (e) => e.zaakId),
    };
  };
  const eigenAccounts = new Set(accounts.map((a) => a.id));
  const [eigenHandelingen, actoren] = await Promise.all([
    eigenAccounts.size
      ? prisma.auditEvent.groupBy({
          by: ['actie'],
          where: { actor: { in: [...eigenAccounts] } },
          _count: { _all: true },
          _min: { op: true },
          _max: { op: true },
          orderBy: { actie: 'asc' },
        })
      : [],
    prisma.gebruiker.findMany({
      where: {
        id: { in: uniek(overPersoon.map((e) => e.actor)).filter((a) => z.uuid().safeParse(a).success) },
      },
      select: { id: true, rol: true },
    }),
  ]);

  // Everyone else in their cases (staff named on a case too), by role: whom to take out of texts.
  // Their role in a case the caller reaches first: a role elsewhere says nothing here.
  const eerstBinnen = <T extends { zaakId: string }>(rijen: T[]) =>
    [...rijen].sort((a, b) => Number(binnen.has(b.zaakId)) - Number(binnen.has(a.zaakId)));
  const rolVan = new Map<string, Rol>();
  for (const d of eerstBinnen(medeDeelnemers)) if (!rolVan.has(d.persoonId)) rolVan.set(d.persoonId, d.rol);
  for (const d of eerstBinnen(deelnames)) {
    for (const [veld, rol] of [
      ['coordinatorId', 'coordinator'],
      ['regiomanagerId', 'regiomanager'],
      ['aangebodenAanId', 'coordinator'],
    ] as const) {
      const id = d.zaak[veld];
      if (id && id !== persoonId && !rolVan.has(id)) rolVan.set(id, rol);
    }
  }
  const anderePersonen = await prisma.persoon.findMany({
    where: { id: { in: [...rolVan.keys()] } },
    select: { id: true, naam: true, email: true, telefoon: true },
  });
  const zonderAnderen = afscherming(
    {
      naam: persoon.naam,
      adressen: [persoon.email, ...accounts.map((a) => a.naam)].filter((a): a is string => !!a),
      telefoon: persoon.telefoon,
    },
    anderePersonen.map((p) => ({ ...p, rol: ROLWOORD[rolVan.get(p.id)!] })),
  );
  const vrij = (s: string | null) => (s === null ? null : zonderAnderen(s));
  const voorsteller = new Map(
    eerstBinnen(medeDeelnemers)
      .reverse()
      .map((d) => [d.persoonId, d.rol]),
  );

  return {
    soort: 'kring-persoonsgegevens',
    versie: 2,
    gemaaktOp: new Date().toISOString(),
    toelichting:
      'Alles wat kring over deze persoon vastlegt: de persoon zelf, accounts en profiel volledig, en wat de zaken van uw regio over deze persoon bevatten. Andere mensen staan erin met hun rol, niet met hun naam, e-mailadres of telefoonnummer. Sleutels en wachtwoorden van links en accounts bewaart kring niet leesbaar; ze staan er niet in.',
    persoon: {
      id: persoon.id,
      naam: persoon.naam,
      email: persoon.email,
      telefoon: persoon.telefoon,
      taal: persoon.taal,
      kanaal: persoon.kanaal,
      organisatie: persoon.organisatie,
      aangemaaktOp: iso(persoon.aangemaaktOp),
      gewistOp: iso(persoon.gewistOp),
    },
    deelnames: hier(deelnames, (d) => d.zaakId).map((d) => ({
      zaakId: d.zaakId,
      regio: d.zaak.regio,
      fase: d.zaak.fase,
      afsluiting: d.zaak.afsluiting,
      zaakAangevraagdOp: iso(d.zaak.aangevraagdOp),
      zaakAfgeslotenOp: iso(d.zaak.afgeslotenOp),
      bewaarplichtSinds: iso(d.zaak.bewarenSinds),
      zaakGeanonimiseerdOp: iso(d.zaak.geanonimiseerdOp),
      rol: d.rol,
      relatie: vrij(d.relatie),
      status: d.status,
      wettelijkeRol: d.wettelijkeRol,
      uitnodiging: d.uitnodiging,
      bezoek: d.bezoek,
      aangewezen: d.aangewezen,
      voorgesteldDoor: d.voorgesteldDoorId
        ? d.voorgesteldDoorId === persoonId
          ? 'zichzelf'
          : ROLWOORD[voorsteller.get(d.voorgesteldDoorId) ?? 'netwerk']
        : null,
      sinds: iso(d.aangemaaktOp),
    })),
    berichten: hier(meldingen, (m) => m.zaakId).flatMap((m) =>
      m.berichten.map((b) => ({
        zaakId: m.zaakId,
        soort: m.soort,
        rol: m.rol,
        kanaal: b.kanaal,
        adres: b.adres,
        taal: b.taal,
        onderwerp: zonderAnderen(b.onderwerp),
        inhoud: zonderAnderen(b.inhoud),
        status: b.status,
        fout: vrij(b.fout),
        metAgenda: b.agenda !== null,
        aangemaaktOp: iso(b.aangemaaktOp),
        verstuurdOp: iso(b.verstuurdOp),
        bijgewerktOp: iso(b.bijgewerktOp),
      })),
    ),
    teksten: hier(teksten, (t) => t.zaakId).map((t) => ({
      zaakId: t.zaakId,
      soort: t.soort,
      inhoud: zonderAnderen(t.inhoud),
      status: t.status,
      aangemaaktOp: iso(t.aangemaaktOp),
    })),
    voorwaarden: hier(formulieren, (f) => f.zaakId).map((f) => ({
      zaakId: f.zaakId,
      versie: f.versie,
      zorgen: zonderAnderen(f.zorgen),
      status: f.status,
      voorwaarden: f.voorwaarden.map((v) => ({ nummer: v.nummer, tekst: zonderAnderen(v.tekst) })),
      aangemaaktOp: iso(f.aangemaaktOp),
      ingediendOp: iso(f.ingediendOp),
      gepubliceerdOp: iso(f.gepubliceerdOp),
    })),
    toetsingen: hier(toetsingen, (t) => t.zaakId).map((t) => ({
      zaakId: t.zaakId,
      ronde: t.ronde,
      status: t.status,
      oordelen: t.oordelen.map((o) => ({ nummer: o.nummer, voldaan: o.voldaan, reden: zonderAnderen(o.reden) })),
      aangemaaktOp: iso(t.aangemaaktOp),
    })),
    hulpvragen: hier(hulpvragen, (h) => h.plan.zaakId).map((h) => ({
      zaakId: h.plan.zaakId,
      planversie: h.plan.versie,
      planstatus: h.plan.status,
      tekst: zonderAnderen(h.tekst),
    })),
    beschikbaarheden: hier(beschikbaarheden, (b) => b.voorstel.zaakId).map((b) => ({
      zaakId: b.voorstel.zaakId,
      datum: iso(b.voorstel.op),
      datumstatus: b.voorstel.status,
      beschikbaar: b.beschikbaar,
    })),
    tevredenheden: hier(tevredenheden, (t) => t.zaakId).map((t) => ({
      zaakId: t.zaakId,
      groep: t.groep,
      score: t.score,
      opmerking: vrij(t.opmerking),
      gegevenOp: iso(t.gegevenOp),
    })),
    links: hier(links, (l) => l.zaakId).map((l) => ({
      zaakId: l.zaakId,
      doel: l.doel,
      eenmalig: l.eenmalig,
      aangemaaktOp: iso(l.aangemaaktOp),
      verlooptOp: iso(l.verlooptOp),
      gebruiktOp: iso(l.gebruiktOp),
      ingetrokkenOp: iso(l.ingetrokkenOp),
    })),
    afspraken: hier(afspraken, (a) => a.zaakId).map((a) => ({
      zaakId: a.zaakId,
      soort: a.soort,
      op: iso(a.op),
      gehouden: a.gehouden,
    })),
    handelingen: hier(handelingen, (h) => h.zaakId).map((h) => ({ zaakId: h.zaakId, soort: h.soort, op: iso(h.op) })),
    smsAfmelding: smsAfmelding ? { nummer: smsAfmelding.nummer, afgemeldOp: iso(smsAfmelding.afgemeldOp) } : null,
    accounts: accounts.map((a) => ({
      naam: a.naam,
      rol: a.rol,
      aangemaaktOp: iso(a.aangemaaktOp),
      geblokkeerdOp: iso(a.geblokkeerdOp),
      tokens: a.tokens.map((t) => ({
        aangemaaktOp: iso(t.aangemaaktOp),
        verlooptOp: iso(t.verlooptOp),
        ingetrokkenOp: iso(t.ingetrokkenOp),
      })),
      sessies: a.sessies.map((s) => ({
        aangemaaktOp: iso(s.aangemaaktOp),
        laatstGebruiktOp: iso(s.laatstGebruiktOp),
        verlooptOp: iso(s.verlooptOp),
        beeindigdOp: iso(s.beeindigdOp),
      })),
      aanmeldlinks: a.aanmeldlinks.map((l) => ({
        aangemaaktOp: iso(l.aangemaaktOp),
        verlooptOp: iso(l.verlooptOp),
        gebruiktOp: iso(l.gebruiktOp),
      })),
    })),
    coordinator: persoon.coordinator
      ? {
          regios: persoon.coordinator.regios,
          talen: persoon.coordinator.talen,
          geslacht: persoon.coordinator.geslacht,
          achtergronden: persoon.coordinator.achtergronden,
          beschikbaar: persoon.coordinator.beschikbaar,
          afwezigVan: iso(persoon.coordinator.afwezigVan),
          afwezigTot: iso(persoon.coordinator.afwezigTot),
          maxZaken: persoon.coordinator.maxZaken,
          bijgewerktOp: iso(persoon.coordinator.bijgewerktOp),
          privéBekenden: ikKen,
        }
      : null,
    regiomanagerVan: persoon.regios.map((r) => r.regio),
    privéBekendBij: kentMij.map((r) => pseudoniem(r.coordinatorId)),
    aangebodenZaken: hier(aanbiedingen, (z) => z.id).map((z) => z.id),
    inzagen: lezingen.map((l) => ({
      op: iso(l.op),
      zaakId: l.zaakId,
      wat: l.actie,
      door: doorWie(l.actor, l.account),
      via: (l.via ?? '').split(':')[0] || null,
    })),
    vastgelegdOverPersoon: overPersoon
      .filter((e) => e.zaakId === null || binnen.has(e.zaakId))
      .map((e) => ({
        op: iso(e.op),
        zaakId: e.zaakId,
        wat: e.actie,
        door: eigenAccounts.has(e.actor)
          ? 'zijzelf'
          : doorWie(
              e.actor,
              actoren.find((a) => a.id === e.actor),
            ),
      })),
    eigenHandelingen: eigenHandelingen.map((h) => ({
      wat: h.actie,
      aantal: h._count._all,
      eerste: iso(h._min.op),
      laatste: iso(h._max.op),
    })),
    /** The person's cases outside the caller's reach: a reference, dates and counts only. */
    zakenBuitenBereik: {
      aantal: buiten.length,
      toelichting: buiten.length ? buitenBereikTekst(buiten.length, g) : null,
      zaken: buiten.map((z) => ({
        ref: zaakRef(z.id),
        aangevraagdOp: iso(z.aangevraagdOp),
        afgeslotenOp: iso(z.afgeslotenOp),
        aantallen: aantallen(z.id),
      })),
    },
  };
}

export type Persoonsgegevens = Awaited<ReturnType<typeof persoonsgegevens>>;

/** Why erasure is refused, in words, naming the cases. */
export function bezwaarTekst(b: Wisbezwaar): Tekst {
  const een = b.zaakIds.length === 1;
  const refs = b.zaakIds.map(zaakRef).join(', ');
  switch (b.code) {
    case 'zaak-open':
      return een
        ? { nl: `zaak ${refs} loopt nog`, en: `case ${refs} is still open` }
        : { nl: `de zaken ${refs} lopen nog`, en: `cases ${refs} are still open` };
    case 'bewaarplicht':
      return een
        ? { nl: `op zaak ${refs} rust een bewaarplicht`, en: `case ${refs} is under a legal hold` }
        : { nl: `op de zaken ${refs} rust een bewaarplicht`, en: `cases ${refs} are under a legal hold` };
    case 'medewerker':
      return {
        nl: 'deze persoon is medewerker van kring (een account, een coördinatorprofiel of een regio); die gegevens blijven zolang dat zo is',
        en: 'this person works for kring (an account, a coordinator profile or a region); that data stays while they do',
      };
  }
}

export function wissenGeweigerd(bezwaren: Wisbezwaar[]): Probleem {
  const tekst = (taal: 'nl' | 'en') => bezwaren.map((b) => bezwaarTekst(b)[taal]).join('; ');
  return new Probleem(
    'conflict',
    {
      nl: `Deze persoon kan nu niet worden gewist: ${tekst('nl')}.`,
      en: `This person cannot be erased now: ${tekst('en')}.`,
    },
    [],
    { code: 'wissen-geweigerd', bezwaren: bezwaren.map((b) => ({ code: b.code, zaakIds: b.zaakIds })) },
  );
}

export interface Gewist {
  persoonId: string;
  /** The pseudonym that now stands where the name was. */
  naam: string;
  gewistOp: string;
  /** Erased before: this call changed nothing. */
  alGewist: boolean;
  zaakIds: string[];
  /** What was taken, by kind: how many rows lost their content. */
  gewist: Record<string, number>;
}

/**
 * Erases the person, or refuses with every reason (409); either way audited with ids only.
 * `zaakId`: the case the caller reaches them by, to file the event under.
 */
export async function wissen(prisma: PrismaClient, wie: Wie, persoonId: string, zaakId: string): Promise<Gewist> {
  const [berichten, teksten, voorwaarden, toetsingen, hulpvragen, tevredenheden, links] = await Promise.all([
    prisma.bericht.count({ where: { melding: { ontvangerId: persoonId }, NOT: { inhoud: '' } } }),
    prisma.tekst.count({ where: { doorId: persoonId, NOT: { inhoud: '' } } }),
    prisma.voorwaardenFormulier.count({ where: { professionalId: persoonId } }),
    prisma.toetsing.count({ where: { professionalId: persoonId } }),
    prisma.hulpvraag.count({ where: { professionalId: persoonId } }),
    prisma.tevredenheid.count({ where: { persoonId, opmerking: { not: null } } }),
    prisma.link.count({ where: { persoonId, ingetrokkenOp: null } }),
  ]);
  try {
    // The audit line in the erasure's own transaction: no erasure without it.
    const r = await persoonWissen(prisma, persoonId, (tx, gewist) =>
      vastleggen(tx, wie, 'persoon.gewist', zaakId, {
        persoonId,
        zaakIds: gewist.zaakIds,
        ...(gewist.alGewist && { alGewist: true }),
      }),
    );
    return {
      persoonId,
      naam: pseudoniem(persoonId),
      gewistOp: r.gewistOp.toISOString(),
      alGewist: r.alGewist,
      zaakIds: r.zaakIds,
      gewist: r.alGewist
        ? {}
        : { berichten, teksten, voorwaarden, toetsingen, hulpvragen, tevredenheden, linksIngetrokken: links },
    };
  } catch (err) {
    if (!(err instanceof WissenGeweigerd)) throw err;
    await vastleggen(prisma, wie, 'persoon.wissen-geweigerd', zaakId, {
      persoonId,
      bezwaren: err.bezwaren.map((b) => b.code),
      zaakIds: uniek(err.bezwaren.flatMap((b) => b.zaakIds)),
    });
    throw wissenGeweigerd(err.bezwaren);
  }
}

/**
 * The export, for a caller who reaches the person (else 404), and its reading in the audit
 * trail: filed under the case she reaches them by, with ids only.
 */
export async function gegevensOpvragen(
  prisma: PrismaClient,
  g: Gebruiker,
  wie: Wie,
  id: string,
  formaat: 'json' | 'html',
  scherm = false,
): Promise<Persoonsgegevens> {
  const { persoonId, zaakIds } = await persoonInBereik(prisma, g, id);
  const gegevens = await persoonsgegevens(prisma, persoonId, g);
  await vastleggen(prisma, wie, 'persoon.gegevens-opgevraagd', zaakIds[0]!, {
    persoonId,
    zaakIds: uniek(gegevens.deelnames.map((d) => d.zaakId)),
    formaat,
    ...(scherm && { scherm: true }),
  });
  return gegevens;
}

/** The file name a download gets: the person's pseudonym, never their name. */
export const bestandsnaam = (persoonId: string) =>
  `kring-gegevens-${pseudoniem(persoonId).replace(/\s+/g, '-').toLowerCase()}.json`;

export function persoonsrechtenRouter({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const g = toegestaan(req, 'persoon.zoeken');
    const { zoek } = valideer(Personenzoekvraag, req.query, 'query');
    const { soort, personen } = await personenZoeken(prisma, g, zoek);
    // The term itself may be a name or an address: the audit trail keeps what was searched and found.
    await vastleggen(prisma, wieVan(req), 'personen.gezocht', null, {
      soort,
      personen: personen.map((p) => p.id),
      aantal: personen.length,
    });
    res.json({ personen });
  });

  router.get('/:id/gegevens', async (req: Request, res) => {
    const g = toegestaan(req, 'persoon.gegevens');
    const formaat = req.accepts(['json', 'html']) === 'html' ? 'html' : 'json';
    const gegevens = await gegevensOpvragen(prisma, g, wieVan(req), String(req.params.id), formaat);
    if (formaat === 'json') return void res.json(gegevens);
    // A page to read and print: its own style sheets, as the screens have them.
    paginakoppen(req, res, () => undefined);
    res.type('html').send(gegevenspagina(gegevens));
  });

  router.post('/:id/wissen', async (req, res) => {
    const g = toegestaan(req, 'persoon.wissen');
    const { persoonId, zaakIds } = await persoonInBereik(prisma, g, String(req.params.id));
    res.json(await wissen(prisma, wieVan(req), persoonId, zaakIds[0]!));
  });

  return router;
}
