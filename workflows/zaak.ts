// The case workflow: one durable process per request for an Eigen Kracht-conferentie.
//
//   aanvraag → intake → voorbereiding → conferentie (informatie → besloten tijd → presentatie,
//   toetsing, back into besloten tijd until the conditions are met) → uitvoering → afgesloten
//
// This file is the table of contents: the phases in order, and the loop that runs the clock
// of the phase the case is in. Each phase's module holds its deadlines and its commands;
// people move the case from phase to phase by those commands (opdrachtmotor.ts takes them).
import * as wf from '@temporalio/workflow';
import { afsluiting } from './afsluiting';
import { conferentie } from './conferentie';
import { nietBezorgdSignal, regiomanagersSignal, statusQuery, type Fase, type ZaakStart } from './contract';
import type { Proces, Wekker } from './fase';
import { aanvraagInnemen, intake, regiomanagersGewijzigd } from './intake';
import { koppelOpdrachten } from './opdrachtmotor';
import { Registratie } from './registratie';
import { beginToestand, bijgewerkt, ms, statusVan, type ZaakToestand } from './toestand';
import { uitvoering } from './uitvoering';
import { voorbereiding } from './voorbereiding';
import { toetsing } from './toetsing';
import { voorwaarden } from './voorwaarden';

// Below this many history events a fresh run would start afresh at once.
const KLEINSTE_DOORSTART = 20;
// A fresh run starts once no command has come for this long, never in the same breath as
// answering one: a caller's next read or command then finds the new run, not the ending one.
const STIL_VOOR_DOORSTART_MS = 30_000;

type Werkfase = Exclude<Fase, 'aanvraag' | 'afgesloten'>;

export async function zaak(start: ZaakStart, overgedragen?: ZaakToestand): Promise<ZaakToestand> {
  const z = overgedragen ? bijgewerkt(overgedragen) : beginToestand(start);
  // A marker in history says which rules this run follows; a run from before a rule has none.
  const regels = {
    beloften: wf.patched('beloften'),
    regios: wf.patched('regios'),
    gezin: wf.patched('gezin'),
    eenStap: wf.patched('een-stap'),
  };
  const reg = new Registratie(z, regels.regios, regels.eenStap);
  const p: Proces = { z, reg, termijnen: start.termijnen, regels };

  // The phases, in the order a case goes through them.
  const fasen = {
    intake: intake(p),
    voorbereiding: voorbereiding(p),
    conferentie: conferentie(p),
    uitvoering: uitvoering(p),
  } satisfies Record<Werkfase, { klok: () => Wekker[] }>;
  // Every command, with its rule; the conditions and the ways out span several phases.
  koppelOpdrachten(z, reg, {
    ...fasen.intake.opdrachten,
    ...fasen.voorbereiding.opdrachten,
    ...voorwaarden(p),
    ...fasen.conferentie.opdrachten,
    ...toetsing(p),
    ...fasen.uitvoering.opdrachten,
    ...afsluiting(p),
  });
  wf.setHandler(statusQuery, () => statusVan(z));
  wf.setHandler(nietBezorgdSignal, (melding) => reg.nietBezorgd(melding));
  wf.setHandler(regiomanagersSignal, ({ regiomanagers }) => regiomanagersGewijzigd(p, regiomanagers));

  if (z.fase === 'aanvraag') await aanvraagInnemen(p);

  while (z.fase !== 'afgesloten' && z.fase !== 'aanvraag') {
    const fase = z.fase;
    // Through the SDK's sink: the line carries the workflow id (zaak-<id>); not in history.
    wf.log.info('fase', { fase });
    if (
      (await loop(
        () => z.fase !== fase,
        () => [...fasen[fase].klok(), ...uitgesteld()],
      )) === 'doorstarten'
    ) {
      // Long cases start afresh with their whole state, so history stays small. Messages on
      // their way finish first; those waiting for the morning travel in the state.
      await wf.condition(() => wf.allHandlersFinished() && reg.lopend === 0);
      await wf.continueAsNew<typeof zaak>(start, z);
    }
  }
  // Closed: what is still on its way is delivered before the case's process ends.
  wf.log.info('fase', { fase: z.fase });
  await loop(() => z.uitgesteld.length === 0, uitgesteld, false);
  await wf.condition(() => wf.allHandlersFinished() && reg.lopend === 0);
  return z;

  /** SMS held back by the quiet hours go out when the morning comes, in any phase. */
  function uitgesteld(): Wekker[] {
    return z.uitgesteld.map((u) => ({
      sleutel: `uitgesteld.${u.sleutel}.${u.kanaal}`,
      op: u.op,
      actie: async () => {
        z.uitgesteld = z.uitgesteld.filter((w) => w !== u);
        reg.bezorg(u.soort, u.sleutel, u.kanaal);
      },
    }));
  }

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
