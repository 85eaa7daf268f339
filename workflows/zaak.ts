// The case workflow: one durable process per request for an Eigen Kracht-conferentie.
//
//   aanvraag → intake → voorbereiding → conferentie (informatie → besloten tijd → presentatie,
//   toetsing, back into besloten tijd until the conditions are met) → uitvoering → afgesloten
//
// People move the case from phase to phase by their commands (opdrachten.ts: who may do what,
// when). This file is the process's clock: per phase, the deadlines, reminders and
// escalations that run while the case waits for people. Read it top to bottom.
import type { Duration } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import { registreerOpdrachten } from './opdrachten';
import { Registratie, kandidatenZoeken, zaakOpenen } from './registratie';
import { na, voor } from './termijnen';
import {
  aangewezenPersonen,
  beginToestand,
  coordinator,
  genodigden,
  iso,
  ms,
  regiomanager,
  statusVan,
} from './toestand';
import { statusQuery, type Fase, type ZaakStart, type ZaakToestand } from './zaak-interface';

/** Something the clock does at a moment, unless a command made it moot first. */
interface Wekker {
  op: string;
  actie: () => Promise<void>;
}

export async function zaak(start: ZaakStart, overgedragen?: ZaakToestand): Promise<ZaakToestand> {
  const { termijnen } = start;
  const z: ZaakToestand = overgedragen
    ? { ...overgedragen, run: overgedragen.run + 1 }
    : beginToestand(start, undefined, [], []);
  const reg = new Registratie(z);
  registreerOpdrachten(z, reg, termijnen);
  wf.setHandler(statusQuery, () => statusVan(z));

  // Aanvraag: the request lands with the regiomanager of its region, who gets the
  // coordinators that match the main person's wishes.
  if (z.fase === 'aanvraag') {
    await reg.beurt(async () => {
      const { regiomanagerId, deelnemers } = await zaakOpenen({ zaakId: z.zaakId });
      const kandidaten = await kandidatenZoeken({ zaakId: z.zaakId, afgewezenDoor: [] });
      await reg.leg(
        [
          { soort: 'fase', fase: 'intake' },
          { soort: 'regiomanager', persoonId: regiomanagerId ?? null },
        ],
        undefined,
        (n) => {
          n.regiomanagerId = regiomanagerId;
          n.deelnemers = deelnemers.map((d) => ({ ...d, uitnodiging: 'niet_uitgenodigd', bezoek: 'niet_gepland' }));
          n.intake.kandidaten = kandidaten;
          n.fase = 'intake';
        },
      );
      await reg.meld('aanvraag.ontvangen', 'aanvraag', regiomanager(z), { noodsituatie: z.noodsituatie });
    });
  }

  const klok: Record<Exclude<Fase, 'aanvraag' | 'afgesloten'>, () => Wekker[]> = {
    // Intake: the coordinator contacts the family within the contact deadline (3 days; on the
    // emergency path 24 hours). Missing it escalates to the regiomanager, and again at every
    // interval until contact is recorded.
    intake: () => [
      {
        op: z.intake.contactUiterlijk,
        actie: async () => {
          const keer = z.intake.escalaties + 1;
          await reg.leg([{ soort: 'escalatie', termijn: 'contact', keer }], undefined, (n) => {
            n.intake.escalaties = keer;
            n.intake.contactUiterlijk = iso(volgendeTermijn(ms(z.intake.contactUiterlijk), termijnen.contactHerhaling));
          });
          await reg.meld('escalatie.contact', `escalatie.contact.${keer}`, regiomanager(z), { keer });
        },
      },
    ],

    // Voorbereiding: the family and invitees set the pace. Without a confirmed date, a nudge
    // at 6 weeks (emergency: 3 days) and an escalation at 10 weeks (7 days); an extension by
    // the regiomanager moves both. Once the date stands, reminders to everyone before it.
    voorbereiding: () => {
      const v = z.voorbereiding;
      if (v.bevestigd) {
        const datum = v.bevestigd;
        return termijnen.conferentieHerinneringen
          .filter((vooraf) => !v.conferentieHerinnerd.includes(String(vooraf)))
          .map((vooraf) => ({
            op: iso(voor(ms(datum.op), vooraf)),
            actie: async () => {
              await reg.meld(
                'conferentie.herinnering',
                `conferentie.${datum.voorstelId}.${vooraf}`,
                [...genodigden(z), ...coordinator(z)],
                {
                  op: datum.op,
                },
              );
              await reg.leg([{ soort: 'herinnering', termijn: 'conferentie' }], undefined, (n) => {
                n.voorbereiding.conferentieHerinnerd.push(String(vooraf));
              });
            },
          }));
      }
      const wekkers: Wekker[] = [];
      if (!v.herinnerd && v.herinneringOp) {
        wekkers.push({
          op: v.herinneringOp,
          actie: async () => {
            await reg.meld('datum.herinnering', `datum.herinnering.${v.verlengingen.length}`, [
              ...coordinator(z),
              ...regiomanager(z),
            ]);
            await reg.leg([{ soort: 'herinnering', termijn: 'datum' }], undefined, (n) => {
              n.voorbereiding.herinnerd = true;
            });
          },
        });
      }
      if (!v.geescaleerd && v.escalatieOp) {
        wekkers.push({
          op: v.escalatieOp,
          actie: async () => {
            await reg.meld('escalatie.datum', `escalatie.datum.${v.verlengingen.length}`, regiomanager(z));
            await reg.leg([{ soort: 'escalatie', termijn: 'datum', keer: 1 }], undefined, (n) => {
              n.voorbereiding.geescaleerd = true;
            });
          },
        });
      }
      return wekkers;
    },

    // De conferentie runs as long as it takes; it has no clock.
    conferentie: () => [],

    // Uitvoering: about four weeks after the conference the coordinator checks how the plan
    // goes; progress meetings and the evaluation come on their dates, with the designated
    // person told. "Het gaat niet goed" that nobody takes up within a week reaches the
    // coordinator and the regiomanager.
    uitvoering: () => {
      const u = z.uitvoering;
      const wekkers: Wekker[] = [];
      if (u.vervolgOp && !u.vervolgGemeld && !u.vervolgGedaan) {
        wekkers.push({
          op: u.vervolgOp,
          actie: async () => {
            await reg.meld('vervolg.herinnering', 'vervolgcontrole', coordinator(z));
            await reg.meld('vervolg.gepland', 'vervolgcontrole.aangewezen', aangewezenPersonen(z));
            await reg.leg([{ soort: 'herinnering', termijn: 'vervolgcontrole' }], undefined, (n) => {
              n.uitvoering.vervolgGemeld = true;
            });
          },
        });
      }
      for (const gesprek of u.gesprekken.filter((g) => !g.herinnerd && !g.gehouden)) {
        wekkers.push({
          op: iso(voor(ms(gesprek.op), termijnen.gesprekHerinnering)),
          actie: async () => {
            await reg.meld(
              'voortgangsgesprek.herinnering',
              `gesprek.${gesprek.op}`,
              [...aangewezenPersonen(z), ...coordinator(z)],
              {
                op: gesprek.op,
              },
            );
            await reg.leg([{ soort: 'herinnering', termijn: 'voortgangsgesprek' }], undefined, (n) => {
              n.uitvoering.gesprekken.find((g) => g.op === gesprek.op)!.herinnerd = true;
            });
          },
        });
      }
      if (u.evaluatieOp && !u.evaluatieGemeld) {
        const op = u.evaluatieOp;
        wekkers.push({
          op,
          actie: async () => {
            await reg.meld('evaluatie.herinnering', `evaluatie.${op}`, [...coordinator(z), ...regiomanager(z)], { op });
            await reg.leg([{ soort: 'herinnering', termijn: 'evaluatie' }], undefined, (n) => {
              n.uitvoering.evaluatieGemeld = true;
            });
          },
        });
      }
      for (const signaal of u.signalen.filter((s) => !s.opgepakt && !s.geescaleerd)) {
        wekkers.push({
          op: signaal.uiterlijk,
          actie: async () => {
            await reg.meld(
              'signaal.geen-reactie',
              `signaal.${signaal.id}.escalatie`,
              [...coordinator(z), ...regiomanager(z)],
              {
                signaalId: signaal.id,
              },
            );
            await reg.leg([{ soort: 'escalatie', termijn: 'signaal', keer: 1 }], undefined, (n) => {
              n.uitvoering.signalen.find((s) => s.id === signaal.id)!.geescaleerd = true;
            });
          },
        });
      }
      return wekkers;
    },
  };

  while (z.fase !== 'afgesloten' && z.fase !== 'aanvraag') {
    if ((await loop(z.fase, klok[z.fase])) === 'doorstarten') {
      // Long cases start afresh with their whole state, so history stays small.
      await wf.condition(wf.allHandlersFinished);
      await reg.beurt(async () => undefined);
      await wf.continueAsNew<typeof zaak>(start, z);
    }
  }
  await wf.condition(wf.allHandlersFinished);
  return z;

  /** Runs the phase's clock until a command moves the case on (or history asks for a fresh run). */
  async function loop(fase: Fase, wekkers: () => Wekker[]): Promise<'doorstarten' | undefined> {
    while (z.fase === fase) {
      const volgende = wekkers().sort((a, b) => ms(a.op) - ms(b.op))[0];
      const gezien = reg.versie;
      const veranderd = await wf.condition(
        () => z.fase !== fase || reg.versie !== gezien || moetDoorstarten(),
        volgende ? Math.max(1, ms(volgende.op) - Date.now()) : undefined,
      );
      if (moetDoorstarten()) return 'doorstarten';
      if (veranderd) continue;
      // In turn with the commands: one may have made the alarm moot in the meantime.
      await reg.beurt(async () => {
        for (const wekker of wekkers()) {
          if (z.fase === fase && ms(wekker.op) <= Date.now()) await wekker.actie();
        }
      });
    }
    return undefined;
  }

  function moetDoorstarten(): boolean {
    const info = wf.workflowInfo();
    return start.doorstartNa ? info.historyLength >= start.doorstartNa : info.continueAsNewSuggested;
  }
}

/**
 * The next deadline one interval on. When that has passed already (workers were down, or
 * the case started late), it counts from now: one escalation, not one per interval missed.
 */
function volgendeTermijn(vorige: number, interval: Duration): number {
  const volgende = na(vorige, interval);
  return volgende > Date.now() ? volgende : na(Date.now(), interval);
}
