// Toetsing: each professional who set conditions checks the presented plan against those
// conditions only, a verdict per condition. At the conference, a condition not met sends the
// circle back into besloten tijd on that point, as often as needed, until the plan stands.
// After it, a plan the circle revised is checked the same way before it counts: a condition
// not met leaves the plan before it in force, and the coordinator hears so.
import { reden, type Conferentiedeel, type Door, type Reden } from './contract';
import type { Proces } from './fase';
import type { Regels } from './opdrachtmotor';
import type { Melding } from './registratie';
import { coordinator, iso, kringVanHetPlan, lopendeOordelen, toetsers, type ZaakToestand } from './toestand';

export const inDeel = (z: ZaakToestand, deel: Conferentiedeel): Reden | undefined =>
  z.conferentie.deel === deel ? undefined : reden('verkeerd-deel', { deel, huidig: z.conferentie.deel });

/** The plan (or its revision) to the family, the network and the professionals, each their part. */
export function planbericht(z: ZaakToestand, planId: string, herzien: boolean): Melding {
  return { soort: 'plan.aanvaard', sleutel: `plan.${planId}`, aan: kringVanHetPlan(z), details: { planId, herzien } };
}

/** The plan stands: the family's, checked where conditions were set. */
export async function planAanvaard({ reg }: Proces, planId: string, door?: Door): Promise<void> {
  await reg.leg([{ soort: 'plan.geaccepteerd', planId }], door, (n) => {
    n.conferentie.geaccepteerdOp = iso(Date.now());
  });
}

export function toetsing(p: Proces): Regels<'toetsen'> {
  const { z, reg } = p;

  async function opDeConferentie(
    door: Door,
    toetsingId: string,
    oordelen: Array<{ nummer: number; voldaan: boolean }>,
  ) {
    const { ronde, plannen } = z.conferentie;
    const planId = plannen.at(-1)!;
    await reg.leg(
      [{ soort: 'toetsing', toetsingId, planId, professionalId: door.persoonId, ronde, oordelen }],
      door,
      (n) => {
        n.conferentie.oordelen.push(
          ...oordelen.map((o) => ({ ronde, professionalId: door.persoonId, nummer: o.nummer, voldaan: o.voldaan })),
        );
      },
    );
    const dezeRonde = lopendeOordelen(z);
    if (toetsers(z).some((t) => !dezeRonde.some((o) => o.professionalId === t))) return;
    if (dezeRonde.every((o) => o.voldaan)) {
      await planAanvaard(p, planId, door);
      return;
    }
    // A condition not met: professional and coordinator withdraw again, the circle goes
    // back into besloten tijd on that point, as often as needed.
    await reg.leg([{ soort: 'besloten.gestart', ronde: ronde + 1 }], undefined, (n) => {
      n.conferentie.deel = 'besloten';
      n.conferentie.ronde = ronde + 1;
    });
  }

  async function deHerziening(door: Door, toetsingId: string, oordelen: Array<{ nummer: number; voldaan: boolean }>) {
    const { planId } = z.uitvoering.herziening!;
    await reg.leg(
      [{ soort: 'toetsing', toetsingId, planId, professionalId: door.persoonId, ronde: 1, oordelen }],
      door,
      (n) => {
        n.uitvoering.herziening!.oordelen.push(
          ...oordelen.map((o) => ({ professionalId: door.persoonId, nummer: o.nummer, voldaan: o.voldaan })),
        );
      },
    );
    const gegeven = lopendeOordelen(z);
    if (toetsers(z).some((t) => !gegeven.some((o) => o.professionalId === t))) return;
    if (gegeven.every((o) => o.voldaan)) {
      await reg.leg(
        [{ soort: 'plan.geaccepteerd', planId }],
        door,
        (n) => {
          n.uitvoering.planId = planId;
          n.uitvoering.herziening = undefined;
        },
        (n) => (p.regels.gezin ? [planbericht(n, planId, true)] : []),
      );
      return;
    }
    await reg.leg(
      [{ soort: 'herziening.afgewezen', planId }],
      undefined,
      (n) => {
        n.uitvoering.herziening = undefined;
      },
      (n) => [{ soort: 'herziening.afgewezen', sleutel: `herziening.${planId}`, aan: coordinator(n) }],
    );
  }

  return {
    toetsen: {
      fasen: ['conferentie', 'uitvoering'],
      controle: ({ door, oordelen }) => {
        const onderweg = z.fase === 'conferentie' ? inDeel(z, 'presentatie') : undefined;
        if (onderweg) return onderweg;
        if (z.fase === 'uitvoering' && !z.uitvoering.herziening) return reden('geen-herziening');
        const eigen = z.voorwaarden.find((v) => v.professionalId === door.persoonId)?.gepubliceerd;
        if (!eigen) return reden('geen-voorwaarden');
        if (lopendeOordelen(z).some((o) => o.professionalId === door.persoonId)) return reden('al-getoetst');
        const nummers = oordelen.map((o) => o.nummer).sort((a, b) => a - b);
        const verwacht = Array.from({ length: eigen.aantal }, (_, i) => i + 1);
        return JSON.stringify(nummers) === JSON.stringify(verwacht)
          ? undefined
          : reden('oordelen-onvolledig', { aantal: eigen.aantal });
      },
      uitvoeren: ({ door, toetsingId, oordelen }) =>
        z.fase === 'conferentie'
          ? opDeConferentie(door, toetsingId, oordelen)
          : deHerziening(door, toetsingId, oordelen),
    },
  };
}
