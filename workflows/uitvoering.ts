// Uitvoering: the plan guides all further help. About four weeks after the conference the
// coordinator checks how it goes; progress meetings and the evaluation come on their dates,
// with the designated person told. When the plan is not carried out as agreed, anyone
// concerned says "Het gaat niet goed. Roep het netwerk bij elkaar.": the designated person
// is asked to call the circle together (the professional does not take over), and a signal
// nobody takes up within a week reaches the coordinator and the regiomanager. The circle
// may meet again and revise the plan; at the evaluation it agrees to close, or goes on.
import { reden } from './contract';
import { openSignalen, sluit } from './afsluiting';
import type { Proces, Procesfase } from './fase';
import { KLOKSPELING_MS } from './intake';
import type { Melding } from './registratie';
import { HERZIENING_STANDAARD, na } from './termijnen';
import { planbericht } from './toetsing';
import { uitvoeringsklok } from './uitvoeringsklok';
import { aangewezenPersonen, coordinator, deelnemer, iso, ms, toetsers } from './toestand';

// The evaluation may be recorded from the day before its date (meetings run into the evening).
const EVALUATIE_SPELING_MS = 24 * 60 * 60_000;

type Opdrachten =
  | 'herzieningIntrekken'
  | 'vervolgVastleggen'
  | 'voortgangsgesprekPlannen'
  | 'voortgangsgesprekVastleggen'
  | 'nietGoedMelden'
  | 'signaalOppakken'
  | 'kringBijeenGeweest'
  | 'bijeenkomstVastleggen'
  | 'evaluatieVastleggen';

export function uitvoering(p: Proces): Procesfase<Opdrachten> {
  const { z, reg, termijnen } = p;
  const u = () => z.uitvoering;
  const nieuweHerziening = (planId: string) => ({
    planId,
    oordelen: [],
    uiterlijk: iso(na(Date.now(), termijnen.toetsingHerziening ?? HERZIENING_STANDAARD)),
    geescaleerd: false,
  });

  return {
    klok: () => uitvoeringsklok(p),
    opdrachten: {
      vervolgVastleggen: {
        fasen: ['uitvoering'],
        controle: () => (u().vervolgGedaan ? reden('al-gedaan') : undefined),
        uitvoeren: ({ tekstId, door }) =>
          reg.leg([{ soort: 'vervolg.gedaan', tekstId }], door, (n) => {
            n.uitvoering.vervolgGedaan = true;
          }),
      },

      voortgangsgesprekPlannen: {
        fasen: ['uitvoering'],
        controle: ({ op }) => {
          if (ms(op) <= Date.now()) return reden('datum-voorbij');
          return u().gesprekken.some((g) => g.op === iso(ms(op))) ? reden('al-gepland') : undefined;
        },
        uitvoeren: ({ op, door }) =>
          reg.leg([{ soort: 'voortgangsgesprek.gepland', op: iso(ms(op)) }], door, (n) => {
            n.uitvoering.gesprekken.push({ op: iso(ms(op)), herinnerd: false, gehouden: false });
          }),
      },

      voortgangsgesprekVastleggen: {
        fasen: ['uitvoering'],
        controle: ({ op }) =>
          u().gesprekken.some((g) => g.op === iso(ms(op)) && !g.gehouden) ? undefined : reden('onbekend-gesprek'),
        uitvoeren: ({ op, door }) =>
          reg.leg([{ soort: 'voortgangsgesprek.gehouden', op: iso(ms(op)) }], door, (n) => {
            n.uitvoering.gesprekken.find((g) => g.op === iso(ms(op)))!.gehouden = true;
          }),
      },

      // "Het gaat niet goed. Roep het netwerk bij elkaar." The professional does not take over:
      // the designated person is asked to call the circle together.
      nietGoedMelden: {
        fasen: ['uitvoering'],
        controle: ({ tekstId }) => (u().signalen.some((s) => s.id === tekstId) ? reden('al-gemeld') : undefined),
        uitvoeren: async ({ tekstId, door }) => {
          const op = iso(Date.now());
          const uiterlijk = iso(na(ms(op), termijnen.reactieOpSignaal));
          await reg.leg(
            [{ soort: 'signaal', signaalId: tekstId, uiterlijk }],
            door,
            (n) => {
              n.uitvoering.signalen.push({
                id: tekstId,
                doorId: door.persoonId,
                op,
                opgepakt: false,
                uiterlijk,
                geescaleerd: false,
              });
            },
            (n) => [
              {
                soort: 'niet-goed',
                sleutel: `signaal.${tekstId}`,
                aan: aangewezenPersonen(n),
                details: { signaalId: tekstId },
              },
              // The coordinator hears of it at once, not only after a week of silence.
              ...(p.regels.beloften
                ? [
                    {
                      soort: 'signaal.gemeld' as const,
                      sleutel: `signaal.${tekstId}.coordinator`,
                      aan: coordinator(n).filter((c) => c.persoonId !== door.persoonId),
                    },
                  ]
                : []),
            ],
          );
        },
      },

      signaalOppakken: {
        fasen: ['uitvoering'],
        controle: ({ signaalId }) =>
          u().signalen.some((s) => s.id === signaalId && !s.opgepakt) ? undefined : reden('geen-open-signaal'),
        uitvoeren: async ({ signaalId, door }) => {
          await reg.leg(
            [{ soort: 'signaal.opgepakt', signaalId }],
            door,
            (n) => {
              n.uitvoering.signalen.find((s) => s.id === signaalId)!.opgepakt = true;
            },
            (n) =>
              p.regels.gezin && door.rol === 'aangewezen'
                ? [{ soort: 'signaal.opgepakt', sleutel: `signaal.${signaalId}.opgepakt`, aan: coordinator(n) }]
                : [],
          );
        },
      },

      // From the designated person's link: the circle met. The coordinator hears it and records
      // the meeting itself (who came, a revised plan), as only she can.
      kringBijeenGeweest: {
        fasen: ['uitvoering'],
        controle: ({ signaalId }) => {
          const signaal = u().signalen.find((s) => s.id === signaalId);
          if (!signaal) return reden('onbekend-signaal');
          return signaal.kringBijeen ? reden('al-vastgelegd') : undefined;
        },
        uitvoeren: async ({ signaalId, notitieId, door }) => {
          await reg.leg(
            [{ soort: 'signaal.kring-bijeen', signaalId, ...(notitieId && { notitieId }) }],
            door,
            (n) => {
              const signaal = n.uitvoering.signalen.find((s) => s.id === signaalId)!;
              signaal.opgepakt = true;
              signaal.kringBijeen = true;
            },
            (n) => [
              {
                soort: 'kring.bijeen',
                sleutel: `signaal.${signaalId}.bijeen`,
                aan: coordinator(n),
                details: { notitie: notitieId !== undefined },
              },
            ],
          );
        },
      },

      bijeenkomstVastleggen: {
        fasen: ['uitvoering'],
        controle: ({ bijeenkomstId, op, aanwezigen, signaalId, herzienPlanId }) => {
          if (ms(op) > Date.now() + KLOKSPELING_MS) return reden('ongeldig-moment', { wat: 'bijeenkomst' });
          if (u().bijeenkomsten.some((b) => b.id === bijeenkomstId)) return reden('al-vastgelegd');
          if (aanwezigen.length === 0 || aanwezigen.some((a) => !deelnemer(z, a) && a !== z.intake.coordinatorId)) {
            return reden('aanwezigen');
          }
          if (signaalId && !u().signalen.some((s) => s.id === signaalId)) return reden('onbekend-signaal');
          if (herzienPlanId && z.conferentie.plannen.includes(herzienPlanId)) return reden('geen-nieuw-plan');
          if (herzienPlanId && u().herziening) return reden('herziening-loopt');
          return undefined;
        },
        uitvoeren: async ({ bijeenkomstId, op, aanwezigen, signaalId, herzienPlanId, door }) => {
          // A revised plan counts once every professional who set conditions has checked it.
          const terToetsing = p.regels.beloften && herzienPlanId !== undefined && toetsers(z).length > 0;
          const bijeenkomst = { bijeenkomstId, op: iso(ms(op)), aanwezigen, signaalId, herzienPlanId };
          await reg.leg(
            [{ soort: 'bijeenkomst', ...bijeenkomst, ...(terToetsing && { terToetsing }) }],
            door,
            (n) => {
              n.uitvoering.bijeenkomsten.push({
                id: bijeenkomstId,
                op: iso(ms(op)),
                aanwezigen,
                planId: herzienPlanId,
              });
              const signaal = n.uitvoering.signalen.find((s) => s.id === signaalId);
              if (signaal) {
                signaal.opgepakt = true;
                signaal.kringBijeen = true;
              }
              if (herzienPlanId) {
                n.conferentie.plannen.push(herzienPlanId);
                if (terToetsing) n.uitvoering.herziening = nieuweHerziening(herzienPlanId);
                else n.uitvoering.planId = herzienPlanId;
              }
            },
            (n): Melding[] => {
              if (terToetsing) {
                const aan = toetsers(n).map((persoonId) => ({ persoonId, rol: 'professional' }));
                return [{ soort: 'plan.herzien', sleutel: `herzien.${herzienPlanId}`, aan }];
              }
              return herzienPlanId && p.regels.gezin ? [planbericht(n, herzienPlanId, true)] : [];
            },
          );
        },
      },

      // The revision waiting for its check is withdrawn (the circle changed its mind, or a
      // professional does not check it): the plan before it stays in force.
      herzieningIntrekken: {
        fasen: ['uitvoering'],
        controle: () => (u().herziening ? undefined : reden('geen-herziening')),
        uitvoeren: ({ redenId, door }) =>
          reg.leg([{ soort: 'herziening.ingetrokken', planId: u().herziening!.planId, redenId }], door, (n) => {
            n.uitvoering.herziening = undefined;
          }),
      },

      evaluatieVastleggen: {
        fasen: ['uitvoering'],
        controle: ({ kringAkkoord, nieuweDatum }) => {
          if (Date.now() < ms(u().evaluatieOp!) - EVALUATIE_SPELING_MS) return reden('te-vroeg');
          const open = openSignalen(p);
          if (kringAkkoord && p.regels.beloften && open.length > 0)
            return reden('open-signaal', { aantal: open.length });
          return !kringAkkoord && !(nieuweDatum && ms(nieuweDatum) > Date.now()) ? reden('nieuwe-datum') : undefined;
        },
        uitvoeren: ({ kringAkkoord, nieuweDatum, door }) =>
          kringAkkoord
            ? sluit(p, 'afgerond', door, undefined, [{ soort: 'evaluatie', kringAkkoord }])
            : reg.leg([{ soort: 'evaluatie', kringAkkoord, nieuweDatum: iso(ms(nieuweDatum!)) }], door, (n) => {
                n.uitvoering.evaluatieOp = iso(ms(nieuweDatum!));
                n.uitvoering.evaluatieGemeld = false;
              }),
      },
    },
  };
}
