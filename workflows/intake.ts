// Aanvraag and intake. The request lands with the regiomanager of its region, who gets the
// coordinators that match the main person's wishes and offers the case to one of them. The
// coordinator who accepts contacts the family within the contact deadline (3 days; on the
// emergency path 24 hours). Missing it escalates to the regiomanager, and again at every
// interval until contact is recorded; then preparation begins.
import type { Duration } from '@temporalio/common';
import { afwijzing } from './afwijzing';
import { reden, type Door } from './contract';
import type { Proces, Procesfase } from './fase';
import { aanvraagOpenen, kandidatenZoeken, zaakOpenen } from './registratie';
import { na } from './termijnen';
import { iso, ms, regiomanager, regiomanagersVan } from './toestand';

// A clock skew allowance for "it happened at …" given by a caller.
export const KLOKSPELING_MS = 5 * 60_000;

/** Takes the request in: its regiomanagers, who is on it, the candidate coordinators. */
export async function aanvraagInnemen({ z, reg, regels }: Proces): Promise<void> {
  await reg.beurt(async () => {
    const { kandidaten, ...geopend } = regels.eenStap
      ? await aanvraagOpenen({ zaakId: z.zaakId })
      : {
          ...(await zaakOpenen({ zaakId: z.zaakId })),
          kandidaten: await kandidatenZoeken({ zaakId: z.zaakId, afgewezenDoor: [] }),
        };
    const { deelnemers, vraagId } = geopend;
    // A run from before regions kept several regiomanagers was told of one.
    const regiomanagers = geopend.regiomanagers ?? (geopend.regiomanagerId ? [geopend.regiomanagerId] : []);
    await reg.leg(
      [
        { soort: 'fase', fase: 'intake' },
        { soort: 'regiomanager', persoonId: regiomanagers[0] ?? null },
        ...(regiomanagers.length > 1 ? [{ soort: 'regiomanagers' as const, persoonIds: regiomanagers }] : []),
        // The question of the request is its first version; the coordinator confirms or changes it.
        ...(vraagId ? [{ soort: 'vraag' as const, tekstId: vraagId }] : []),
      ],
      undefined,
      (n) => {
        n.regiomanagerId = regiomanagers[0];
        n.regiomanagers = regiomanagers;
        n.deelnemers = deelnemers.map((d) => ({ ...d, uitnodiging: 'niet_uitgenodigd', bezoek: 'niet_gepland' }));
        n.intake.kandidaten = kandidaten;
        n.voorbereiding.vraagId = vraagId;
        n.fase = 'intake';
      },
      (n) => [
        { soort: 'aanvraag.ontvangen', sleutel: 'aanvraag', aan: regiomanager(n) },
        // Nobody manages the region: operations and the administrators hear of it at once.
        ...(regels.regios && regiomanagers.length === 0
          ? [
              {
                soort: 'aanvraag.zonder-regiomanager' as const,
                sleutel: 'zonder-regiomanager',
                aan: geopend.beheerders ?? [],
              },
            ]
          : []),
      ],
    );
  });
}

/**
 * The region changed hands: its regiomanagers receive and act on the case from this moment
 * (a command that follows is checked against them), and the case record says so. While the
 * request is still taken in, the change waits its turn (the intake reads the region afresh).
 */
export async function regiomanagersGewijzigd({ z, reg, regels }: Proces, regiomanagers: string[]): Promise<void> {
  const anders = () => [...regiomanagers].sort().join() !== [...regiomanagersVan(z)].sort().join();
  const wijzig = (n: typeof z) => {
    n.regiomanagers = regiomanagers;
    n.regiomanagerId = regiomanagers[0];
  };
  const meteen = regels.regios && z.fase !== 'aanvraag' && z.fase !== 'afgesloten' && anders();
  if (meteen) wijzig(z);
  await reg.beurt(async () => {
    if (z.fase === 'afgesloten' || !(meteen || anders())) return;
    await reg.leg([{ soort: 'regiomanagers', persoonIds: regiomanagers }], undefined, wijzig);
  });
}

export function intake(p: Proces): Procesfase<'coordinatorKiezen' | 'opdrachtBeantwoorden' | 'contactVastleggen'> {
  const { z, reg, termijnen } = p;
  const geenKandidaat = reden('geen-kandidaat');

  return {
    klok: () => [
      {
        sleutel: `contact.${z.intake.escalaties}`,
        op: z.intake.contactUiterlijk,
        actie: async () => {
          const keer = z.intake.escalaties + 1;
          await reg.leg(
            [{ soort: 'escalatie', termijn: 'contact', keer }],
            undefined,
            (n) => {
              n.intake.escalaties = keer;
              n.intake.contactUiterlijk = iso(
                volgendeTermijn(ms(z.intake.contactUiterlijk), termijnen.contactHerhaling),
              );
            },
            (n) => [
              {
                soort: 'escalatie.contact',
                sleutel: `escalatie.contact.${keer}`,
                aan: regiomanager(n),
                details: { keer },
              },
            ],
          );
        },
      },
    ],

    opdrachten: {
      coordinatorKiezen: {
        fasen: ['intake'],
        controle: ({ coordinatorId }) => {
          if (z.intake.coordinatorId) return reden('al-gekozen');
          return z.intake.kandidaten.includes(coordinatorId) ? undefined : geenKandidaat;
        },
        uitvoeren: async ({ coordinatorId, door }) => {
          // Checked against today's circle and caseloads, not those of when the request came in.
          if (!(await herrangschik(p, door)).includes(coordinatorId)) throw afwijzing(geenKandidaat);
          await aanbieden(p, coordinatorId, door);
        },
      },

      opdrachtBeantwoorden: {
        fasen: ['intake'],
        wie: (door) => door.persoonId === z.intake.aangeboden,
        uitvoeren: async ({ aanvaard, redenId, door }) => {
          const coordinatorId = door.persoonId;
          if (aanvaard) {
            await reg.leg(
              [{ soort: 'coordinator.aanvaard', coordinatorId }],
              door,
              (n) => {
                n.intake.coordinatorId = coordinatorId;
                n.intake.aangeboden = undefined;
              },
              (n) => [{ soort: 'coordinator.aanvaard', sleutel: 'aanvaard', aan: regiomanager(n) }],
            );
            return;
          }
          // Declined: the next best candidate is offered at once; the regiomanager may still choose another.
          await reg.leg([{ soort: 'coordinator.afgewezen', coordinatorId, redenId }], door, (n) => {
            n.intake.afgewezenDoor.push(coordinatorId);
            n.intake.aangeboden = undefined;
          });
          const [volgende] = await herrangschik(p);
          if (volgende) await aanbieden(p, volgende);
          else
            await reg.meld(
              'coordinator.geen-kandidaten',
              `geen-kandidaten.${z.intake.afgewezenDoor.length}`,
              regiomanager(z),
            );
        },
      },

      contactVastleggen: {
        fasen: ['intake'],
        wie: (door) => door.persoonId === z.intake.coordinatorId,
        controle: ({ op }) =>
          op !== undefined && (ms(op) < ms(z.aangevraagdOp) || ms(op) > Date.now() + KLOKSPELING_MS)
            ? reden('ongeldig-moment', { wat: 'contact' })
            : undefined,
        uitvoeren: async ({ op, door }) => {
          const contactOp = op ? iso(ms(op)) : iso(Date.now());
          const begonnen = Date.now();
          await reg.leg(
            [
              { soort: 'contact', op: contactOp },
              { soort: 'fase', fase: 'voorbereiding' },
            ],
            door,
            (n) => {
              n.intake.contactOp = contactOp;
              n.fase = 'voorbereiding';
              n.voorbereiding.begonnenOp = iso(begonnen);
              n.voorbereiding.herinneringOp = iso(na(begonnen, termijnen.datumHerinnering));
              n.voorbereiding.escalatieOp = iso(na(begonnen, termijnen.datumEscalatie));
            },
          );
        },
      },
    },
  };
}

/** Ranks the coordinators again (the circle may have grown: independence) and keeps the order. */
export async function herrangschik({ z, reg }: Proces, door?: Door): Promise<string[]> {
  // The ranking itself, with its reasons, goes into the case timeline for the regiomanager.
  const kandidaten = await kandidatenZoeken({ zaakId: z.zaakId, afgewezenDoor: z.intake.afgewezenDoor });
  await reg.leg([{ soort: 'kandidaten.herzien', aantal: kandidaten.length }], door, (n) => {
    n.intake.kandidaten = kandidaten;
  });
  return kandidaten;
}

async function aanbieden({ z, reg }: Proces, coordinatorId: string, door?: Door): Promise<void> {
  const ingetrokken = z.intake.aangeboden;
  await reg.leg(
    [
      ...(ingetrokken ? [{ soort: 'coordinator.aanbod-ingetrokken' as const, coordinatorId: ingetrokken }] : []),
      { soort: 'coordinator.aangeboden', coordinatorId },
    ],
    door,
    (n) => {
      n.intake.aangeboden = coordinatorId;
      n.intake.aanbiedingen += 1;
    },
    (n) => [
      {
        soort: 'coordinator.aanbod',
        sleutel: `aanbod.${n.intake.aanbiedingen}`,
        aan: [{ persoonId: coordinatorId, rol: 'coordinator' }],
      },
    ],
  );
}

/**
 * The next deadline one interval on. When that has passed already (workers were down, or
 * the case started late), it counts from now: one escalation, not one per interval missed.
 */
function volgendeTermijn(vorige: number, interval: Duration): number {
  const volgende = na(vorige, interval);
  return volgende > Date.now() ? volgende : na(Date.now(), interval);
}
