// De conferentie, in three parts, as long as it takes (it has no clock). Informatie: each
// professional speaks. Besloten tijd: professionals and coordinator leave, and the family
// and network make the plan in private; nothing of that deliberation is recorded. Presentatie:
// the plan is presented, and each professional who set conditions checks it against those
// only (toetsing.ts), back into besloten tijd until it stands. Then the agreements on
// follow-up start the uitvoering.
import { reden } from './contract';
import type { Proces, Procesfase } from './fase';
import { na } from './termijnen';
import { inDeel, planAanvaard, planbericht } from './toetsing';
import { deelnemer, iso, ms, toetsers } from './toestand';

type Opdrachten = 'bijdrageVastleggen' | 'beslotenTijdStarten' | 'planPresenteren' | 'afsprakenVastleggen';

export function conferentie(p: Proces): Procesfase<Opdrachten> {
  const { z, reg, termijnen } = p;
  const c = () => z.conferentie;

  return {
    klok: () => [],
    opdrachten: {
      bijdrageVastleggen: {
        fasen: ['conferentie'],
        controle: ({ professionalId }) =>
          inDeel(z, 'informatie') ??
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
        controle: () => inDeel(z, 'informatie'),
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
          inDeel(z, 'besloten') ?? (c().plannen.includes(planId) ? reden('al-gepresenteerd') : undefined),
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
          if (toetsers(z).length === 0) await planAanvaard(p, planId, door);
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
        uitvoeren: async ({ aangewezen, eersteVoortgangsgesprek, evaluatie, door }) => {
          const vervolgcontrole = iso(na(Date.now(), termijnen.vervolgcontrole));
          const gesprek = iso(ms(eersteVoortgangsgesprek));
          await reg.leg(
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
            // The plan goes to those whose plan it is, now that they know who calls them together.
            (n) => (p.regels.gezin ? [planbericht(n, n.uitvoering.planId!, false)] : []),
          );
        },
      },
    },
  };
}
