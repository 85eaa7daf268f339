// The messages the process sends. `melden` decides them: one per case, event, occurrence and
// recipient, written out in the recipient's language for each of their channels (the
// outbox). `bezorgen` hands one channel's messages of an event to the provider, each once.
import { ApplicationFailure } from '@temporalio/activity';
import type { PrismaClient, Bericht as Berichtrij } from '@prisma/client';
import { datumVoor, schrijf, type Berichtsoort, type Variabelen } from './berichten';
import type { Afsluitsoort, Kanaalnaam } from './berichten/soorten';
import { alsHetKan } from './fouten';
import type { Melden } from './gebeurtenissen';
import { Geweigerd, PermanenteFout, type Verzender } from './verzenders';

export interface NotificatieDeps {
  prisma: PrismaClient;
  verzender: Verzender;
  /** Where staff open a case: its page, `${publicBaseUrl}/zaken/${id}` (signed out: sign in, then there). */
  publicBaseUrl: string;
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

/** What a message can draw on: the case, its contact person, and what the workflow passed. */
interface Gegevens {
  zaakRef: string;
  link: string;
  regio: string;
  nood: boolean;
  coordinator: string;
  contact: string;
  details: Record<string, string | number | boolean>;
  datum: () => string;
}

const staf = (g: Gegevens) => ({ zaakRef: g.zaakRef, link: g.link });
const deelnemer = (g: Gegevens) => ({ contact: g.contact });

/** Per message kind, exactly the variables its template takes: the compiler checks each. */
const VARIABELEN: { [S in Berichtsoort]: (g: Gegevens) => Variabelen[S] } = {
  'aanvraag.ontvangen': (g) => ({ ...staf(g), regio: g.regio, nood: g.nood }),
  'aanvraag.zonder-regiomanager': (g) => ({ ...staf(g), regio: g.regio }),
  'coordinator.aanbod': (g) => ({ ...staf(g), regio: g.regio, nood: g.nood }),
  'coordinator.aanvaard': (g) => ({ ...staf(g), coordinator: g.coordinator }),
  'coordinator.geen-kandidaten': staf,
  'escalatie.contact': (g) => ({ ...staf(g), keer: Number(g.details.keer ?? 1) }),
  'datum.herinnering': staf,
  'escalatie.datum': staf,
  uitnodiging: (g) => ({ ...deelnemer(g), coordinator: g.coordinator }),
  'voorwaarden.gedeeld': deelnemer,
  'datum.bevestigd': (g) => ({ ...deelnemer(g), datum: g.datum() }),
  'conferentie.herinnering': (g) => ({ ...deelnemer(g), datum: g.datum() }),
  'vervolg.herinnering': staf,
  'vervolg.gepland': (g) => ({ ...deelnemer(g), coordinator: g.coordinator }),
  'voortgangsgesprek.herinnering': (g) => ({ ...deelnemer(g), datum: g.datum() }),
  'evaluatie.herinnering': (g) => ({ ...staf(g), datum: g.datum() }),
  'niet-goed': (g) => ({ ...deelnemer(g), coordinator: g.coordinator }),
  'signaal.gemeld': staf,
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

export function createNotificatieActivities({ prisma, verzender, publicBaseUrl }: NotificatieDeps) {
  /** The variables a message needs, from the case record and what the workflow passed. */
  async function variabelen<S extends Berichtsoort>(
    soort: S,
    zaakId: string,
    taal: string,
    details: Record<string, string | number | boolean>,
  ): Promise<Variabelen[S]> {
    const zaak = await prisma.zaak.findUniqueOrThrow({ where: { id: zaakId } });
    const contactpersoonId = zaak.coordinatorId ?? zaak.regiomanagerId;
    const contactpersoon = contactpersoonId
      ? await prisma.persoon.findUnique({ where: { id: contactpersoonId } })
      : null;
    const gegevens: Gegevens = {
      zaakRef: zaakId.slice(0, 8).toUpperCase(),
      link: `${publicBaseUrl}/zaken/${zaakId}`,
      regio: zaak.regio,
      nood: zaak.noodsituatie,
      coordinator: contactpersoon?.naam ?? 'Eigen Kracht',
      contact: contactpersoon?.telefoon ?? contactpersoon?.email ?? publicBaseUrl,
      details,
      datum: () => {
        if (typeof details.op !== 'string')
          throw ApplicationFailure.nonRetryable(`${soort} needs a date`, 'OntbrekendeVariabele');
        return datumVoor(taal, new Date(details.op));
      },
    };
    return VARIABELEN[soort](gegevens);
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
  async function beslis({ zaakId, soort, sleutel, aan, details }: Melden): Promise<Gemeld> {
    const gemeld: Gemeld = { kanalen: [], zonderKanaal: [] };
    for (const ontvanger of aan) {
      const persoon = await prisma.persoon.findUnique({ where: { id: ontvanger.persoonId } });
      if (!persoon)
        throw ApplicationFailure.nonRetryable(`person ${ontvanger.persoonId} does not exist`, 'PersoonOntbreekt');
      const melding = await prisma.melding.upsert({
        where: { sleutel: `${zaakId}:${sleutel}:${ontvanger.persoonId}` },
        create: {
          zaakId,
          soort,
          ontvangerId: ontvanger.persoonId,
          rol: ontvanger.rol,
          details: details ?? {},
          sleutel: `${zaakId}:${sleutel}:${ontvanger.persoonId}`,
        },
        update: {},
      });
      const afgemeld = persoon.telefoon
        ? (await prisma.smsAfmelding.findUnique({ where: { nummer: persoon.telefoon } })) !== null
        : false;
      const kanalen = kanalenVan(persoon, afgemeld);
      if (kanalen.length === 0) {
        gemeld.zonderKanaal.push({ berichtId: melding.id, ontvangerId: persoon.id, kanaal: 'geen', onzeker: false });
        continue;
      }
      const tekst = schrijf(persoon.taal, soort, await variabelen(soort, zaakId, persoon.taal, details ?? {}));
      for (const kanaal of kanalen) {
        await prisma.bericht.upsert({
          where: { meldingId_kanaal: { meldingId: melding.id, kanaal } },
          create: {
            meldingId: melding.id,
            zaakId,
            kanaal,
            adres: kanaal === 'email' ? persoon.email! : persoon.telefoon!,
            taal: persoon.taal,
            onderwerp: tekst.onderwerp,
            inhoud: kanaal === 'email' ? tekst.email : tekst.sms,
          },
          update: {},
        });
        if (!gemeld.kanalen.includes(kanaal)) gemeld.kanalen.push(kanaal);
      }
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
     * can never take comes back as failed.
     */
    async bezorgen({ zaakId, sleutel, kanaal }: Bezorging): Promise<Mislukking[]> {
      const rijen = await openstaand(zaakId, sleutel, kanaal);
      const mislukt: Mislukking[] = [];
      const faal = async (rij: (typeof rijen)[number], fout: string, onzeker = false) => {
        await markeer(rij, { status: onzeker ? 'onzeker' : 'mislukt', fout });
        mislukt.push({ berichtId: rij.id, ontvangerId: rij.melding.ontvangerId, kanaal, onzeker });
      };
      for (const rij of rijen) {
        const uit = { id: rij.id, aan: rij.adres, onderwerp: rij.onderwerp, tekst: rij.inhoud };
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
        if (kanaal === 'sms' && (await prisma.smsAfmelding.findUnique({ where: { nummer: rij.adres } }))) {
          await faal(rij, 'afgemeld voor sms (STOP)');
          continue;
        }
        await prisma.bericht.update({
          where: { id: rij.id },
          data: { status: 'versturen', pogingen: { increment: 1 }, verstuurdOp: new Date() },
        });
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
