// The messages the process sends. `melden` decides them: one per case, event, occurrence and
// recipient, written out in the recipient's language for each of their channels (the
// outbox), with the recipient's own links and, by email, a calendar invitation where the
// message is about a date. `bezorgen` hands one channel's messages of an event to the
// provider, each once, and drops a reminder whose moment has passed.
import { ApplicationFailure } from '@temporalio/activity';
import type { PrismaClient, Bericht as Berichtrij, Melding, Persoon } from '@prisma/client';
import { datumVoor, schrijf, sjablonenVoor, voornaam, type Berichtsoort, type Variabelen } from './berichten';
import type { Afsluitsoort, Conferentie, Kanaalnaam, Linkdoel, Links, Planinhoud } from './berichten/soorten';
import { agendatekst, type Agendapunt } from './agenda';
import { alsHetKan } from './fouten';
import type { Melden, Ontvanger } from './gebeurtenissen';
import { linkUrl, linkVoorBericht } from './links';
import { Geweigerd, PermanenteFout, type Verzender } from './verzenders';

export interface NotificatieDeps {
  prisma: PrismaClient;
  verzender: Verzender;
  /** Where staff open a case: its page, `${publicBaseUrl}/zaken/${id}` (signed out: sign in, then there). */
  publicBaseUrl: string;
  /** Signs the links in participants' messages; absent: messages without links. */
  linkGeheim?: Buffer;
  /** The email sender ("Eigen Kracht <noreply@…>"): the organiser of calendar invitations. */
  afzender?: string;
}

export type Kanaal = Exclude<Kanaalnaam, 'geen'>;

/** A message that could not be delivered, for the alert to the coordinator. */
export interface Mislukking {
  /** The outbox row; for a recipient without any channel ('geen'), the message decided. */
  berichtId: string;
  ontvangerId: string;
  kanaal: Kanaal | 'geen';
  /** onzeker: it may have arrived, but nobody can tell. */
  onzeker: boolean;
}

/** One event's messages on one channel. */
export interface Bezorging {
  zaakId: string;
  sleutel: string;
  kanaal: Kanaal;
}

export interface Gemeld {
  /** Which channels have messages waiting for this event. */
  kanalen: Kanaal[];
  /** Recipients kring has no address or number for. */
  zonderKanaal: Mislukking[];
}

function kanalenVan(
  persoon: { email: string | null; telefoon: string | null; kanaal: 'email' | 'sms' | 'beide' | null },
  afgemeld: boolean,
): Kanaal[] {
  const email = persoon.email ? (['email'] as const) : [];
  const sms = persoon.telefoon && !afgemeld ? (['sms'] as const) : [];
  switch (persoon.kanaal) {
    case 'beide':
      return [...email, ...sms];
    case 'sms':
      // Opted out of SMS, or no number: email is still allowed.
      return sms.length ? [...sms] : [...email];
    default:
      return email.length ? [...email] : [...sms];
  }
}

type Details = Record<string, string | number | boolean>;

/** What a message can draw on: the case, its people, and what the workflow passed. */
interface Gegevens {
  zaakRef: string;
  link: string;
  regio: string;
  nood: boolean;
  coordinator: { naam: string; bereik: string };
  /** The main person's first name, or the language's word for the family. */
  familie: string;
  links: Links;
  details: Details;
  datum: () => string;
  conferentie: () => Conferentie;
  /** Whether the conference has a confirmed date (an invitation names it then). */
  conferentieBekend: boolean;
  plan: () => Planinhoud;
  /** The participant an answer is about (email only). */
  wie: string;
}

const staf = (g: Gegevens) => ({ zaakRef: g.zaakRef, link: g.link });
const deelnemer = (g: Gegevens) => ({ coordinator: g.coordinator, familie: g.familie, links: g.links });
const stafConferentie = (g: Gegevens) => ({ ...staf(g), ...g.conferentie() });

/** Per message kind, exactly the variables its template takes: the compiler checks each. */
const VARIABELEN: { [S in Berichtsoort]: (g: Gegevens) => Variabelen[S] } = {
  'aanvraag.ontvangen': (g) => ({ ...staf(g), regio: g.regio, nood: g.nood }),
  'aanvraag.zonder-regiomanager': (g) => ({ ...staf(g), regio: g.regio }),
  'coordinator.aanbod': (g) => ({ ...staf(g), regio: g.regio, nood: g.nood }),
  'coordinator.aanvaard': (g) => ({ ...staf(g), coordinator: g.coordinator.naam }),
  'coordinator.geen-kandidaten': staf,
  'escalatie.contact': (g) => ({ ...staf(g), keer: Number(g.details.keer ?? 1) }),
  'datum.herinnering': staf,
  'escalatie.datum': staf,
  uitnodiging: (g) => ({ ...deelnemer(g), ...(g.conferentieBekend && { conferentie: g.conferentie() }) }),
  'voorwaarden.gedeeld': deelnemer,
  'voorwaarden.gedeeld.coordinator': staf,
  'datum.bevestigd': (g) => ({ ...deelnemer(g), conferentie: g.conferentie() }),
  'datum.bevestigd.coordinator': stafConferentie,
  'conferentie.herinnering': (g) => ({ ...deelnemer(g), conferentie: g.conferentie() }),
  'conferentie.herinnering.coordinator': stafConferentie,
  'conferentie.vervallen.coordinator': (g) => ({ ...stafConferentie(g), verplaatst: g.details.verplaatst === true }),
  'conferentie.vervallen': (g) => ({
    ...deelnemer(g),
    conferentie: g.conferentie(),
    verplaatst: g.details.verplaatst === true,
  }),
  'aanwezigheid.doorgegeven': (g) => ({
    ...staf(g),
    wie: g.wie,
    komt: g.details.komt === true,
    notitie: g.details.notitie === true,
  }),
  'plan.aanvaard': (g) => ({ ...deelnemer(g), herzien: g.details.herzien === true, plan: g.plan() }),
  'vervolg.herinnering': staf,
  'vervolg.gepland': deelnemer,
  'voortgangsgesprek.herinnering': (g) => ({ ...deelnemer(g), datum: g.datum() }),
  'voortgangsgesprek.herinnering.coordinator': (g) => ({ ...staf(g), datum: g.datum() }),
  'evaluatie.herinnering': (g) => ({ ...staf(g), datum: g.datum() }),
  'niet-goed': deelnemer,
  'signaal.gemeld': staf,
  'signaal.opgepakt': staf,
  'kring.bijeen': (g) => ({ ...staf(g), notitie: g.details.notitie === true }),
  'signaal.geen-reactie': staf,
  'datum.voorgesteld': (g) => ({ ...staf(g), datum: g.datum() }),
  'plan.herzien': staf,
  'herziening.afgewezen': staf,
  'herziening.geen-toetsing': staf,
  'zaak.afgesloten': (g) => ({ ...staf(g), afsluiting: g.details.afsluiting as Afsluitsoort }),
  'bericht.mislukt': (g) => ({
    ...staf(g),
    over: g.details.over as Berichtsoort,
    kanaal: g.details.kanaal as Kanaalnaam,
  }),
};

/** Staff reading a participants' message get their own text: what it means for their work. */
const VOOR_STAF: Partial<Record<Berichtsoort, Berichtsoort>> = {
  'voorwaarden.gedeeld': 'voorwaarden.gedeeld.coordinator',
  'datum.bevestigd': 'datum.bevestigd.coordinator',
  'conferentie.herinnering': 'conferentie.herinnering.coordinator',
  'voortgangsgesprek.herinnering': 'voortgangsgesprek.herinnering.coordinator',
  'conferentie.vervallen': 'conferentie.vervallen.coordinator',
};
const STAF = new Set(['coordinator', 'regiomanager', 'beheerder', 'operations']);
const tekstsoort = (soort: Berichtsoort, rol: string): Berichtsoort => (STAF.has(rol) && VOOR_STAF[soort]) || soort;

/** The answer a message asks for, as links for its recipient. */
function linkdoelen(soort: Berichtsoort, rol: string, details: Details): Linkdoel[] {
  const genodigde = rol === 'netwerk' || rol === 'professional';
  switch (soort) {
    case 'uitnodiging':
    case 'datum.bevestigd':
    case 'conferentie.herinnering':
      return genodigde ? ['aanwezigheid'] : [];
    case 'voorwaarden.gedeeld':
      return STAF.has(rol) ? [] : ['voorwaarden'];
    case 'niet-goed':
      return ['signaal'];
    case 'vervolg.gepland':
      return ['niet-goed'];
    case 'plan.aanvaard': {
      const staand: Linkdoel[] = rol === 'hoofdpersoon' || rol === 'aangewezen' ? ['niet-goed'] : [];
      return ['plan', ...staand, ...(details.herzien === true ? [] : (['tevredenheid'] as const))];
    }
    default:
      return [];
  }
}

/** What the link is about, where it is about one thing. */
const LINKONDERWERP: Partial<Record<Linkdoel, string>> = { signaal: 'signaalId', plan: 'planId' };

/**
 * Reminders about a moment: not delivered once it has passed (a worker down for a day, an
 * SMS held over the quiet hours), and with Twilio not kept in its queue beyond it.
 */
/** Messages that put a conference date in a calendar, or take it out. */
const OVER_EEN_DATUM = new Set<Berichtsoort>(['uitnodiging', 'datum.bevestigd', 'conferentie.vervallen']);

const TIJDGEBONDEN = new Set<Berichtsoort>([
  'datum.bevestigd',
  'conferentie.herinnering',
  'voortgangsgesprek.herinnering',
  'datum.voorgesteld',
]);

const FAMILIE: Record<string, string> = { nl: 'het gezin', en: 'the family' };

/** "Eigen Kracht <noreply@x>" → its name and address. */
function adresVan(afzender: string): { naam: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(afzender);
  return m ? { naam: m[1] || 'Eigen Kracht', email: m[2]! } : { naam: 'Eigen Kracht', email: afzender.trim() };
}

/** What the case holds that a message draws on: read once per event, for all its recipients. */
interface Zaakgegevens {
  zaakId: string;
  regio: string;
  nood: boolean;
  contactpersoon: Persoon | null;
  hoofdpersoon?: Persoon;
  /** The conference date the message is about: the confirmed one, or the one it names. */
  voorstel: { id: string; op: Date; plaats: string | null } | null;
  plan?: {
    acties: Array<{ wat: string; wie: string; uiterlijk: Date | null }>;
    hulpvragen: Array<{ professionalId: string; tekst: string }>;
    professionals: Persoon[];
  };
  wie?: string;
}

export function createNotificatieActivities({
  prisma,
  verzender,
  publicBaseUrl,
  linkGeheim,
  afzender,
}: NotificatieDeps) {
  const eigenKracht = adresVan(afzender ?? 'Eigen Kracht <noreply@localhost>');

  async function zaakgegevens(zaakId: string, soort: Berichtsoort, details: Details): Promise<Zaakgegevens> {
    const zaak = await prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } });
    const contactpersoonId = zaak.coordinatorId ?? zaak.regiomanagerId;
    const [contactpersoon, hoofdpersoon, voorstel, wie] = await Promise.all([
      contactpersoonId ? prisma.persoon.findUnique({ where: { id: contactpersoonId } }) : null,
      prisma.deelnemer.findFirst({ where: { zaakId, rol: 'hoofdpersoon' }, include: { persoon: true } }),
      typeof details.voorstelId === 'string'
        ? prisma.datumVoorstel.findUnique({ where: { id: details.voorstelId } })
        : prisma.datumVoorstel.findFirst({ where: { zaakId, status: 'bevestigd' } }),
      typeof details.persoonId === 'string' ? prisma.persoon.findUnique({ where: { id: details.persoonId } }) : null,
    ]);
    let plan: Zaakgegevens['plan'];
    if (soort === 'plan.aanvaard' && typeof details.planId === 'string') {
      const rij = await prisma.plan.findUniqueOrThrow({
        where: { id: details.planId },
        include: { acties: { orderBy: { nummer: 'asc' } }, hulpvragen: true },
      });
      const professionals = await prisma.persoon.findMany({
        where: { id: { in: rij.hulpvragen.map((h) => h.professionalId) } },
      });
      plan = { acties: rij.acties, hulpvragen: rij.hulpvragen, professionals };
    }
    return {
      zaakId,
      regio: zaak.regio,
      nood: zaak.noodsituatie,
      contactpersoon,
      hoofdpersoon: hoofdpersoon?.persoon,
      voorstel,
      plan,
      wie: wie?.naam,
    };
  }

  /** The plan as this recipient may read it: a professional only what is asked of them. */
  function planVoor(z: Zaakgegevens, persoonId: string, rol: string, taal: string): Planinhoud {
    if (!z.plan) throw ApplicationFailure.nonRetryable('plan.aanvaard needs a plan', 'OntbrekendeVariabele');
    const { locale } = sjablonenVoor(taal);
    const dag = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Amsterdam', dateStyle: 'long' });
    const alleenEigenDeel = rol === 'professional';
    const aan = (id: string) => {
      const p = z.plan!.professionals.find((x) => x.id === id);
      return p ? `${p.naam}${p.organisatie ? ` (${p.organisatie})` : ''}` : '—';
    };
    return {
      alleenEigenDeel,
      acties: alleenEigenDeel
        ? []
        : z.plan.acties.map((a) => ({
            wat: a.wat,
            wie: a.wie,
            ...(a.uiterlijk && { uiterlijk: dag.format(a.uiterlijk) }),
          })),
      hulpvragen: z.plan.hulpvragen
        .filter((h) => !alleenEigenDeel || h.professionalId === persoonId)
        .map((h) => ({ aan: aan(h.professionalId), tekst: h.tekst })),
    };
  }

  function gegevens(
    z: Zaakgegevens,
    soort: Berichtsoort,
    ontvanger: Ontvanger,
    taal: string,
    details: Details,
    links: Links,
  ): Gegevens {
    const contact = z.contactpersoon;
    const nodig = (wat: string): never => {
      throw ApplicationFailure.nonRetryable(`${soort} needs ${wat}`, 'OntbrekendeVariabele');
    };
    return {
      zaakRef: z.zaakId.slice(0, 8).toUpperCase(),
      link: `${publicBaseUrl}/zaken/${z.zaakId}`,
      regio: z.regio,
      nood: z.nood,
      coordinator: {
        naam: contact?.naam ?? 'Eigen Kracht',
        bereik: contact?.telefoon ?? contact?.email ?? publicBaseUrl,
      },
      familie: z.hoofdpersoon ? voornaam(z.hoofdpersoon.naam) : (FAMILIE[taal] ?? FAMILIE.nl!),
      links,
      details,
      datum: () => (typeof details.op === 'string' ? datumVoor(taal, new Date(details.op)) : nodig('a date')),
      conferentieBekend: z.voorstel !== null,
      conferentie: () => {
        const op = z.voorstel?.op ?? (typeof details.op === 'string' ? new Date(details.op) : nodig('a date'));
        return {
          datum: datumVoor(taal, op),
          kort: datumVoor(taal, op, true),
          ...(z.voorstel?.plaats && { plaats: z.voorstel.plaats }),
        };
      },
      plan: () => planVoor(z, ontvanger.persoonId, ontvanger.rol, taal),
      wie: z.wie ?? '—',
    };
  }

  /** The recipient's links for this message: made once per message and purpose. */
  async function linksVoor(melding: Melding, ontvanger: Ontvanger, details: Details): Promise<Links> {
    if (!linkGeheim) return {};
    const links: Links = {};
    for (const doel of linkdoelen(melding.soort as Berichtsoort, ontvanger.rol, details)) {
      const veld = LINKONDERWERP[doel];
      const onderwerpId = veld && typeof details[veld] === 'string' ? (details[veld] as string) : undefined;
      const link = await linkVoorBericht(prisma, {
        meldingId: melding.id,
        zaakId: melding.zaakId,
        persoonId: ontvanger.persoonId,
        doel,
        onderwerpId,
      });
      links[doel] = linkUrl(publicBaseUrl, linkGeheim, link);
    }
    return links;
  }

  /** The recipient's other messages that put a conference date in a calendar or took it out, oldest first. */
  function agendaberichten(melding: Melding, tot?: Date) {
    return prisma.melding.findMany({
      where: {
        zaakId: melding.zaakId,
        ontvangerId: melding.ontvangerId,
        soort: { in: [...OVER_EEN_DATUM] },
        id: { not: melding.id },
        ...(tot && { aangemaaktOp: { lte: tot } }),
      },
      orderBy: { aangemaaktOp: 'asc' },
    });
  }

  /** How many calendar messages about this date the recipient had before this one: its SEQUENCE. */
  async function volgnummer(melding: Melding, voorstelId: string): Promise<number> {
    const eerder = await agendaberichten(melding, melding.aangemaaktOp);
    return eerder.filter((m) => (m.details as Details).voorstelId === voorstelId).length;
  }

  /**
   * The calendar entry a message about a date carries by email. The coordinator organises it,
   * so an invitee's "accept" or "decline" from the calendar reaches a person.
   */
  async function agendaVoor(
    soort: Berichtsoort,
    melding: Melding,
    z: Zaakgegevens,
    taal: string,
    details: Details,
  ): Promise<Omit<Agendapunt, 'deelnemer'> | undefined> {
    const titels = sjablonenVoor(taal).agenda;
    const familie = z.hoofdpersoon ? ` (${voornaam(z.hoofdpersoon.naam)})` : '';
    // Staff's own copies are Eigen Kracht's: a coordinator is not organiser and guest at once.
    const contact = STAF.has(melding.rol) ? null : z.contactpersoon;
    const organisator = contact?.email ? { naam: contact.naam, email: contact.email } : eigenKracht;
    if (OVER_EEN_DATUM.has(soort) && z.voorstel) {
      return {
        uid: `conferentie.${z.voorstel.id}`,
        methode: soort === 'conferentie.vervallen' ? 'CANCEL' : 'REQUEST',
        volgnummer: await volgnummer(melding, z.voorstel.id),
        titel: titels.conferentie + familie,
        begin: z.voorstel.op,
        uren: 4,
        plaats: z.voorstel.plaats ?? undefined,
        organisator,
      };
    }
    if (soort === 'voortgangsgesprek.herinnering' && typeof details.op === 'string') {
      return {
        uid: `gesprek.${z.zaakId}.${Date.parse(details.op)}`,
        methode: 'REQUEST',
        volgnummer: 0,
        titel: titels.voortgangsgesprek + familie,
        begin: new Date(details.op),
        uren: 2,
        organisator,
      };
    }
    return undefined;
  }

  /** Writes the message out for each of the recipient's channels: the outbox rows. */
  async function schrijfUit<S extends Berichtsoort>(
    melding: Melding,
    persoon: Persoon,
    kanalen: Kanaal[],
    soort: S,
    g: Gegevens,
    agenda?: Omit<Agendapunt, 'deelnemer'>,
    geldigTot?: Date,
  ): Promise<void> {
    const tekst = schrijf(persoon.taal, soort, VARIABELEN[soort](g));
    // One row per channel, written once: a retry finds them there and leaves them be.
    await prisma.bericht.createMany({
      data: kanalen.map((kanaal) => {
        const email = kanaal === 'email';
        return {
          meldingId: melding.id,
          zaakId: melding.zaakId,
          kanaal,
          adres: email ? persoon.email! : persoon.telefoon!,
          taal: persoon.taal,
          onderwerp: tekst.onderwerp,
          inhoud: email ? tekst.email : tekst.sms,
          agenda:
            email && agenda
              ? agendatekst({ ...agenda, deelnemer: { naam: persoon.naam, email: persoon.email! } })
              : null,
          geldigTot,
        };
      }),
      skipDuplicates: true,
    });
  }

  /**
   * A new date replaces one the recipient had in their calendar: a cancellation of each
   * earlier date goes first (by email: it is the calendar that needs it).
   */
  async function verplaatst(melding: Melding, persoon: Persoon, z: Zaakgegevens, ontvanger: Ontvanger) {
    const eerder = await agendaberichten(melding);
    const over = (m: Melding) => (m.details as Details).voorstelId;
    // Per earlier date, when it last went into the calendar (an invitation or a confirmation).
    const inDeAgenda = new Map<string, Date>();
    for (const m of eerder) {
      const id = over(m);
      if (m.soort !== 'conferentie.vervallen' && typeof id === 'string') inDeAgenda.set(id, m.aangemaaktOp);
    }
    for (const [voorstelId, sinds] of inDeAgenda) {
      if (voorstelId === z.voorstel?.id) continue;
      const sleutel = `${melding.sleutel}:vervalt.${voorstelId}`;
      // Taken out again since it last went in: once is enough.
      const alEruit = eerder.some(
        (m) =>
          m.soort === 'conferentie.vervallen' &&
          over(m) === voorstelId &&
          m.sleutel !== sleutel &&
          m.aangemaaktOp >= sinds,
      );
      if (alEruit) continue;
      const details = { voorstelId, verplaatst: true };
      const vervallen = await prisma.melding.upsert({
        where: { sleutel },
        create: {
          zaakId: z.zaakId,
          soort: 'conferentie.vervallen',
          ontvangerId: persoon.id,
          rol: ontvanger.rol,
          details,
          sleutel,
        },
        update: {},
      });
      const oudeDatum = { ...z, voorstel: await prisma.datumVoorstel.findUniqueOrThrow({ where: { id: voorstelId } }) };
      const g = gegevens(oudeDatum, 'conferentie.vervallen', ontvanger, persoon.taal, details, {});
      const agenda = await agendaVoor('conferentie.vervallen', vervallen, oudeDatum, persoon.taal, details);
      await schrijfUit(vervallen, persoon, ['email'], tekstsoort('conferentie.vervallen', ontvanger.rol), g, agenda);
    }
  }

  /** The event's messages on this channel that are not out yet, oldest first. */
  function openstaand(zaakId: string, sleutel: string, kanaal: Kanaal) {
    return prisma.bericht.findMany({
      where: {
        zaakId,
        kanaal,
        status: { in: ['wachtrij', 'versturen'] },
        melding: { sleutel: { startsWith: `${zaakId}:${sleutel}:` } },
      },
      include: { melding: true },
      orderBy: { aangemaaktOp: 'asc' },
    });
  }

  async function markeer(
    rij: Berichtrij,
    data: Partial<Pick<Berichtrij, 'status' | 'providerId' | 'fout' | 'verstuurdOp'>>,
  ) {
    await prisma.bericht.update({ where: { id: rij.id }, data });
  }

  /** Decides the messages of one event: one per recipient, written out per channel. */
  async function beslis({ zaakId, soort, sleutel, aan, details = {} }: Melden): Promise<Gemeld> {
    const gemeld: Gemeld = { kanalen: [], zonderKanaal: [] };
    const z = await zaakgegevens(zaakId, soort, details);
    // Which date a calendar message was about, for cancelling it when the date moves.
    const meldingDetails =
      OVER_EEN_DATUM.has(soort) && z.voorstel ? { ...details, voorstelId: z.voorstel.id } : details;
    // Everyone's record and SMS opt-out in one read each, not one per recipient.
    const personen = await prisma.persoon.findMany({ where: { id: { in: aan.map((o) => o.persoonId) } } });
    const nummers = personen.flatMap((p) => (p.telefoon ? [p.telefoon] : []));
    const afgemeld = new Set(
      nummers.length === 0
        ? []
        : (await prisma.smsAfmelding.findMany({ where: { nummer: { in: nummers } } })).map((a) => a.nummer),
    );
    for (const ontvanger of aan) {
      const persoon = personen.find((p) => p.id === ontvanger.persoonId);
      if (!persoon)
        throw ApplicationFailure.nonRetryable(`person ${ontvanger.persoonId} does not exist`, 'PersoonOntbreekt');
      const melding = await prisma.melding.upsert({
        where: { sleutel: `${zaakId}:${sleutel}:${ontvanger.persoonId}` },
        create: {
          zaakId,
          soort,
          ontvangerId: ontvanger.persoonId,
          rol: ontvanger.rol,
          details: meldingDetails,
          sleutel: `${zaakId}:${sleutel}:${ontvanger.persoonId}`,
        },
        update: {},
      });
      const kanalen = kanalenVan(persoon, persoon.telefoon !== null && afgemeld.has(persoon.telefoon));
      if (kanalen.length === 0) {
        gemeld.zonderKanaal.push({ berichtId: melding.id, ontvangerId: persoon.id, kanaal: 'geen', onzeker: false });
        continue;
      }
      if (soort === 'datum.bevestigd' && kanalen.includes('email')) await verplaatst(melding, persoon, z, ontvanger);
      const links = await linksVoor(melding, ontvanger, details);
      const g = gegevens(z, soort, ontvanger, persoon.taal, details, links);
      const moment =
        soort === 'datum.bevestigd'
          ? z.voorstel?.op
          : typeof details.op === 'string'
            ? new Date(details.op)
            : undefined;
      await schrijfUit(
        melding,
        persoon,
        kanalen,
        tekstsoort(soort, ontvanger.rol),
        g,
        await agendaVoor(soort, melding, z, persoon.taal, details),
        TIJDGEBONDEN.has(soort) ? moment : undefined,
      );
      for (const kanaal of kanalen) if (!gemeld.kanalen.includes(kanaal)) gemeld.kanalen.push(kanaal);
    }
    return gemeld;
  }

  return {
    melden(opdracht: Melden): Promise<Gemeld> {
      return alsHetKan(prisma, opdracht.zaakId, () => beslis(opdracht));
    },

    /**
     * Hands the event's messages on this channel to the provider, each at most once. Throws
     * (to be retried) when the provider refused or did not answer; a message the provider
     * can never take comes back as failed. A reminder whose moment has passed is not sent.
     */
    async bezorgen({ zaakId, sleutel, kanaal }: Bezorging): Promise<Mislukking[]> {
      const rijen = await openstaand(zaakId, sleutel, kanaal);
      const mislukt: Mislukking[] = [];
      const faal = async (rij: (typeof rijen)[number], fout: string, onzeker = false) => {
        await markeer(rij, { status: onzeker ? 'onzeker' : 'mislukt', fout });
        mislukt.push({ berichtId: rij.id, ontvangerId: rij.melding.ontvangerId, kanaal, onzeker });
      };
      for (const rij of rijen) {
        const uit = {
          id: rij.id,
          aan: rij.adres,
          onderwerp: rij.onderwerp,
          tekst: rij.inhoud,
          agenda: rij.agenda ?? undefined,
          geldigTot: rij.geldigTot ?? undefined,
        };
        if (rij.status === 'versturen') {
          // An earlier attempt stopped after handing it over: did the provider take it?
          const gevonden =
            kanaal === 'sms' ? await verzender.zoekSms(uit, rij.verstuurdOp ?? rij.aangemaaktOp) : undefined;
          if (gevonden) {
            await markeer(rij, { status: 'verstuurd', providerId: gevonden, fout: null });
            continue;
          }
          if (kanaal === 'email') {
            // No SMTP server can be asked: rather one message possibly missing (and a person told) than two.
            await faal(rij, 'verzending onderbroken; mogelijk niet bezorgd', true);
            continue;
          }
        }
        if (rij.geldigTot && rij.geldigTot.getTime() <= Date.now()) {
          // Never delivered as if on time: "the conference is tonight" the morning after.
          await markeer(rij, { status: 'vervallen', fout: 'het moment is voorbij; niet meer verstuurd' });
          continue;
        }
        if (kanaal === 'sms' && (await prisma.smsAfmelding.findUnique({ where: { nummer: rij.adres } }))) {
          await faal(rij, 'afgemeld voor sms (STOP)');
          continue;
        }
        // Claimed only as read: an earlier attempt that timed out may still be running, and the
        // one of the two that claims the row second leaves it to the first.
        const geclaimd = await prisma.bericht.updateMany({
          where: { id: rij.id, status: rij.status, pogingen: rij.pogingen },
          data: { status: 'versturen', pogingen: { increment: 1 }, verstuurdOp: new Date() },
        });
        if (geclaimd.count === 0) continue;
        try {
          const providerId = await verzender[kanaal](uit);
          await markeer(rij, { status: 'verstuurd', providerId, fout: null });
        } catch (err) {
          if (err instanceof PermanenteFout) {
            await faal(rij, err.message);
            continue;
          }
          // The provider's words (which may name the address) stay in the outbox row, for staff;
          // the process and its logs get the row's id and a code only.
          const fout = (err as Error).message ?? String(err);
          await markeer(rij, { ...(err instanceof Geweigerd && { status: 'wachtrij' }), fout });
          // Retried; a row left in 'versturen' is looked up first next time.
          throw ApplicationFailure.retryable(`bericht ${rij.id} niet bezorgd`, 'BezorgingMislukt');
        }
      }
      return mislukt;
    },

    /** After the last retry: what is still not out is marked failed (or uncertain), for the alert. */
    async bezorgingOpgeven({ zaakId, sleutel, kanaal }: Bezorging): Promise<Mislukking[]> {
      const rijen = await openstaand(zaakId, sleutel, kanaal);
      for (const rij of rijen) {
        await markeer(rij, {
          status: rij.status === 'versturen' ? 'onzeker' : 'mislukt',
          fout: `${rij.fout ?? 'provider gaf geen gehoor'}; opgegeven na herhaalde pogingen`,
        });
      }
      return rijen.map((r) => ({
        berichtId: r.id,
        ontvangerId: r.melding.ontvangerId,
        kanaal,
        onzeker: r.status === 'versturen',
      }));
    },
  };
}
