// De conferentie, in three parts, as long as it takes (it has no clock). Informatie: each
// professional speaks. Besloten tijd: professionals and coordinator leave, and the family
// and network make the plan in private; nothing of that deliberation is recorded. Presentatie:
// the plan is presented, and each professional who set conditions checks it against those
// only. A condition not met sends the circle back into besloten tijd on that point, as often
// as needed. Once the plan stands, the agreements on follow-up start the uitvoering.
import { reden, type Conferentiedeel, type Door, type Reden } from './contract';
import type { Proces, Procesfase } from './fase';
import { na } from './termijnen';
import { deelnemer, iso, ms, toetsers } from './toestand';

type Opdrachten = 'bijdrageVastleggen' | 'beslotenTijdStarten' | 'planPresenteren' | 'toetsen' | 'afsprakenVastleggen';

export function conferentie({ z, reg, termijnen }: Proces): Procesfase<Opdrachten> {
  const c = () => z.conferentie;
  const inDeel = (deel: Conferentiedeel): Reden | undefined =>
    c().deel === deel ? undefined : reden('verkeerd-deel', { deel, huidig: c().deel });

  async function planAanvaard(planId: string, door?: Door) {
    await reg.leg([{ soort: 'plan.geaccepteerd', planId }], door, (n) => {
      n.conferentie.geaccepteerdOp = iso(Date.now());
    });
  }

  return {
    klok: () => [],
    opdrachten: {
      bijdrageVastleggen: {
        fasen: ['conferentie'],
        controle: ({ professionalId }) =>
          inDeel('informatie') ??
          (deelnemer(z, professionalId, 'professional') ? undefined : reden('geen-professional')),
        uitvoeren: ({ professionalId, aanwezig, door }) =>
          reg.leg([{ soort: 'bijdrage', professionalId, aanwezig }], door, (n) => {
            n.conferentie.bijdragen = [
              ...n.conferentie.bijdragen.filter((b) => b.professionalId !== professionalId),
              { professionalId, aanwezig },
            ];
          }),
      },

      beslotenTijdStarten: {
        fasen: ['conferentie'],
        controle: () => inDeel('informatie'),
        // Professionals and coordinator leave; nothing of the deliberation is recorded.
        uitvoeren: ({ door }) =>
          reg.leg([{ soort: 'besloten.gestart', ronde: 1 }], door, (n) => {
            n.conferentie.deel = 'besloten';
            n.conferentie.ronde = 1;
          }),
      },

      planPresenteren: {
        fasen: ['conferentie'],
        controle: ({ planId }) =>
          inDeel('besloten') ?? (c().plannen.includes(planId) ? reden('al-gepresenteerd') : undefined),
        uitvoeren: async ({ planId, door }) => {
          const ronde = c().ronde;
          await reg.leg(
            [
              { soort: 'besloten.beeindigd', ronde },
              { soort: 'plan.gepresenteerd', planId, ronde },
            ],
            door,
            (n) => {
              n.conferentie.deel = 'presentatie';
              n.conferentie.plannen.push(planId);
            },
          );
          // Without conditions there is nothing to check: the plan is the family's.
          if (toetsers(z).length === 0) await planAanvaard(planId, door);
        },
      },

      toetsen: {
        fasen: ['conferentie'],
        controle: ({ door, oordelen }) => {
          const deel = inDeel('presentatie');
          if (deel) return deel;
          const eigen = z.voorwaarden.find((v) => v.professionalId === door.persoonId)?.gepubliceerd;
          if (!eigen) return reden('geen-voorwaarden');
          if (c().oordelen.some((o) => o.ronde === c().ronde && o.professionalId === door.persoonId)) {
            return reden('al-getoetst');
          }
          const nummers = oordelen.map((o) => o.nummer).sort((a, b) => a - b);
          const verwacht = Array.from({ length: eigen.aantal }, (_, i) => i + 1);
          return JSON.stringify(nummers) === JSON.stringify(verwacht)
            ? undefined
            : reden('oordelen-onvolledig', { aantal: eigen.aantal });
        },
        uitvoeren: async ({ door, toetsingId, oordelen }) => {
          const { ronde, plannen } = c();
          const planId = plannen.at(-1)!;
          await reg.leg(
            [{ soort: 'toetsing', toetsingId, planId, professionalId: door.persoonId, ronde, oordelen }],
            door,
            (n) => {
              n.conferentie.oordelen.push(
                ...oordelen.map((o) => ({
                  ronde,
                  professionalId: door.persoonId,
                  nummer: o.nummer,
                  voldaan: o.voldaan,
                })),
              );
            },
          );
          const dezeRonde = c().oordelen.filter((o) => o.ronde === ronde);
          if (toetsers(z).some((p) => !dezeRonde.some((o) => o.professionalId === p))) return;
          if (dezeRonde.every((o) => o.voldaan)) {
            await planAanvaard(planId, door);
            return;
          }
          // A condition not met: professional and coordinator withdraw again, the circle goes
          // back into besloten tijd on that point, as often as needed.
          await reg.leg([{ soort: 'besloten.gestart', ronde: ronde + 1 }], undefined, (n) => {
            n.conferentie.deel = 'besloten';
            n.conferentie.ronde = ronde + 1;
          });
        },
      },

      // Agreements on the first progress meeting, on who calls the circle together when the
      // plan must change, and on the evaluation; the follow-up comes about four weeks on.
      afsprakenVastleggen: {
        fasen: ['conferentie'],
        controle: ({ aangewezen, eersteVoortgangsgesprek, evaluatie }) => {
          if (!c().geaccepteerdOp) return reden('plan-niet-aanvaard');
          if (aangewezen.length === 0 || aangewezen.some((p) => !deelnemer(z, p, 'netwerk'))) {
            return reden('aangewezen');
          }
          return ms(eersteVoortgangsgesprek) <= Date.now() || ms(evaluatie) < ms(eersteVoortgangsgesprek)
            ? reden('data')
            : undefined;
        },
        uitvoeren: ({ aangewezen, eersteVoortgangsgesprek, evaluatie, door }) => {
          const vervolgcontrole = iso(na(Date.now(), termijnen.vervolgcontrole));
          const gesprek = iso(ms(eersteVoortgangsgesprek));
          return reg.leg(
            [
              {
                soort: 'afspraken',
                aangewezen,
                vervolgcontrole,
                voortgangsgesprek: gesprek,
                evaluatie: iso(ms(evaluatie)),
              },
              { soort: 'fase', fase: 'uitvoering' },
            ],
            door,
            (n) => {
              for (const d of n.deelnemers) if (aangewezen.includes(d.persoonId)) d.aangewezen = true;
              n.fase = 'uitvoering';
              n.uitvoering.planId = n.conferentie.plannen.at(-1);
              n.uitvoering.vervolgOp = vervolgcontrole;
              n.uitvoering.gesprekken = [{ op: gesprek, herinnerd: false, gehouden: false }];
              n.uitvoering.evaluatieOp = iso(ms(evaluatie));
            },
          );
        },
      },
    },
  };
}
