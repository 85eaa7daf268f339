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
import { nietBezorgdSignal, statusQuery, type Fase, type ZaakStart, type ZaakToestand } from './zaak-interface';

/** Something the clock does at a moment, unless a command made it moot first. */
interface Wekker {
  /** Which alarm this is; an alarm goes off once per run, even if a bug left it due. */
  sleutel: string;
  op: string;
  actie: () => Promise<void>;
}

// Below this many history events a fresh run would start afresh at once.
const KLEINSTE_DOORSTART = 20;
// A fresh run starts once no command has come for this long, never in the same breath as
// answering one: a caller's next read or command then finds the new run, not the ending one.
const STIL_VOOR_DOORSTART_MS = 30_000;

export async function zaak(start: ZaakStart, overgedragen?: ZaakToestand): Promise<ZaakToestand> {
  const { termijnen } = start;
  const z: ZaakToestand = overgedragen ? { ...overgedragen, run: overgedragen.run + 1 } : beginToestand(start);
  const reg = new Registratie(z);
  registreerOpdrachten(z, reg, termijnen);
  wf.setHandler(statusQuery, () => statusVan(z));
  wf.setHandler(nietBezorgdSignal, (melding) => reg.nietBezorgd(melding));

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
      await reg.meld('aanvraag.ontvangen', 'aanvraag', regiomanager(z));
    });
  }

  const klok: Record<Exclude<Fase, 'aanvraag' | 'afgesloten'>, () => Wekker[]> = {
    // Intake: the coordinator contacts the family within the contact deadline (3 days; on the
    // emergency path 24 hours). Missing it escalates to the regiomanager, and again at every
    // interval until contact is recorded.
    intake: () => [
      {
        sleutel: `contact.${z.intake.escalaties}`,
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
            sleutel: `conferentie.${datum.voorstelId}.${vooraf}`,
            op: iso(voor(ms(datum.op), vooraf)),
            actie: async () => {
              await reg.leg([{ soort: 'herinnering', termijn: 'conferentie' }], undefined, (n) => {
                n.voorbereiding.conferentieHerinnerd.push(String(vooraf));
              });
              const aan = [...genodigden(z), ...coordinator(z)];
              await reg.meld('conferentie.herinnering', `conferentie.${datum.voorstelId}.${vooraf}`, aan, {
                op: datum.op,
              });
            },
          }));
      }
      const wekkers: Wekker[] = [];
      const ronde = v.verlengingen.length;
      if (!v.herinnerd && v.herinneringOp) {
        wekkers.push({
          sleutel: `datum.herinnering.${ronde}`,
          op: v.herinneringOp,
          actie: async () => {
            await reg.leg([{ soort: 'herinnering', termijn: 'datum' }], undefined, (n) => {
              n.voorbereiding.herinnerd = true;
            });
            await reg.meld('datum.herinnering', `datum.herinnering.${ronde}`, [...coordinator(z), ...regiomanager(z)]);
          },
        });
      }
      if (!v.geescaleerd && v.escalatieOp) {
        wekkers.push({
          sleutel: `escalatie.datum.${ronde}`,
          op: v.escalatieOp,
          actie: async () => {
            await reg.leg([{ soort: 'escalatie', termijn: 'datum', keer: 1 }], undefined, (n) => {
              n.voorbereiding.geescaleerd = true;
            });
            await reg.meld('escalatie.datum', `escalatie.datum.${ronde}`, regiomanager(z));
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
          sleutel: 'vervolgcontrole',
          op: u.vervolgOp,
          actie: async () => {
            await reg.leg([{ soort: 'herinnering', termijn: 'vervolgcontrole' }], undefined, (n) => {
              n.uitvoering.vervolgGemeld = true;
            });
            await reg.meld('vervolg.herinnering', 'vervolgcontrole', coordinator(z));
            await reg.meld('vervolg.gepland', 'vervolgcontrole.aangewezen', aangewezenPersonen(z));
          },
        });
      }
      for (const gesprek of u.gesprekken.filter((g) => !g.herinnerd && !g.gehouden)) {
        wekkers.push({
          sleutel: `gesprek.${gesprek.op}`,
          op: iso(voor(ms(gesprek.op), termijnen.gesprekHerinnering)),
          actie: async () => {
            await reg.leg([{ soort: 'herinnering', termijn: 'voortgangsgesprek' }], undefined, (n) => {
              n.uitvoering.gesprekken.find((g) => g.op === gesprek.op)!.herinnerd = true;
            });
            const aan = [...aangewezenPersonen(z), ...coordinator(z)];
            await reg.meld('voortgangsgesprek.herinnering', `gesprek.${gesprek.op}`, aan, { op: gesprek.op });
          },
        });
      }
      if (u.evaluatieOp && !u.evaluatieGemeld) {
        const op = u.evaluatieOp;
        wekkers.push({
          sleutel: `evaluatie.${op}`,
          op,
          actie: async () => {
            await reg.leg([{ soort: 'herinnering', termijn: 'evaluatie' }], undefined, (n) => {
              n.uitvoering.evaluatieGemeld = true;
            });
            await reg.meld('evaluatie.herinnering', `evaluatie.${op}`, [...coordinator(z), ...regiomanager(z)], { op });
          },
        });
      }
      for (const signaal of u.signalen.filter((s) => !s.opgepakt && !s.geescaleerd)) {
        wekkers.push({
          sleutel: `signaal.${signaal.id}`,
          op: signaal.uiterlijk,
          actie: async () => {
            await reg.leg([{ soort: 'escalatie', termijn: 'signaal', keer: 1 }], undefined, (n) => {
              n.uitvoering.signalen.find((s) => s.id === signaal.id)!.geescaleerd = true;
            });
            await reg.meld('signaal.geen-reactie', `signaal.${signaal.id}.escalatie`, [
              ...coordinator(z),
              ...regiomanager(z),
            ]);
          },
        });
      }
      return wekkers;
    },
  };

  /** SMS held back by the quiet hours go out when the morning comes, in any phase. */
  const uitgesteld = (): Wekker[] =>
    z.uitgesteld.map((u) => ({
      sleutel: `uitgesteld.${u.sleutel}.${u.kanaal}`,
      op: u.op,
      actie: async () => {
        z.uitgesteld = z.uitgesteld.filter((w) => w !== u);
        reg.bezorg(u.soort, u.sleutel, u.kanaal);
      },
    }));

  while (z.fase !== 'afgesloten' && z.fase !== 'aanvraag') {
    const fase = z.fase;
    if (
      (await loop(
        () => z.fase !== fase,
        () => [...klok[fase](), ...uitgesteld()],
      )) === 'doorstarten'
    ) {
      // Long cases start afresh with their whole state, so history stays small. Messages on
      // their way finish first; those waiting for the morning travel in the state.
      await wf.condition(() => wf.allHandlersFinished() && reg.lopend === 0);
      await wf.continueAsNew<typeof zaak>(start, z);
    }
  }
  // Closed: what is still on its way is delivered before the case's process ends.
  await loop(() => z.uitgesteld.length === 0, uitgesteld, false);
  await wf.condition(() => wf.allHandlersFinished() && reg.lopend === 0);
  return z;

  /** Runs the clock until `klaar` (or history asks for a fresh run). */
  async function loop(
    klaar: () => boolean,
    wekkers: () => Wekker[],
    doorstart = true,
  ): Promise<'doorstarten' | undefined> {
    const afgegaan = new Set<string>();
    while (!klaar()) {
      const volgende = wekkers()
        .filter((w) => !afgegaan.has(w.sleutel))
        .sort((a, b) => ms(a.op) - ms(b.op))[0];
      const gezien = reg.versie;
      const veranderd = await wf.condition(
        () => klaar() || reg.versie !== gezien || (doorstart && moetDoorstarten()),
        volgende ? Math.max(1, ms(volgende.op) - Date.now()) : undefined,
      );
      if (doorstart && moetDoorstarten()) {
        const tot = volgende ? ms(volgende.op) - Date.now() : STIL_VOOR_DOORSTART_MS;
        if (await stil(Math.max(1, Math.min(tot, STIL_VOOR_DOORSTART_MS)))) return 'doorstarten';
        continue;
      }
      if (veranderd) continue;
      // In turn with the commands: one may have made the alarm moot in the meantime.
      await reg.beurt(async () => {
        for (const wekker of wekkers()) {
          if (!klaar() && !afgegaan.has(wekker.sleutel) && ms(wekker.op) <= Date.now()) {
            afgegaan.add(wekker.sleutel);
            await wekker.actie();
          }
        }
      });
    }
    return undefined;
  }

  /** True when nothing changed the case for `duur` ms. */
  async function stil(duur: number): Promise<boolean> {
    const gezien = reg.versie;
    return !(await wf.condition(() => reg.versie !== gezien, duur));
  }

  function moetDoorstarten(): boolean {
    const info = wf.workflowInfo();
    return start.doorstartNa
      ? info.historyLength >= Math.max(start.doorstartNa, KLEINSTE_DOORSTART)
      : info.continueAsNewSuggested;
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
