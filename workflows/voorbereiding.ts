// Voorbereiding: on average 6 to 10 weeks, on the emergency path within a week; the family
// and invitees set the pace. The coordinator records the question with the main person,
// visits every participant (each visit may bring new names: the circle grows until it is
// complete), and proposes a date to the professionals. Without a confirmed date, a nudge at
// 6 weeks (emergency: 3 days) and an escalation at 10 weeks (7 days); an extension by the
// regiomanager moves both. Once the date stands, reminders to everyone before it.
// The professionals' conditions are their own step: voorwaarden.ts.
import { msToNumber } from '@temporalio/common/lib/time';
import * as wf from '@temporalio/workflow';
import { ACTIEVE_FASEN, reden } from './contract';
import { wekker, type Proces, type Procesfase, type Wekker } from './fase';
import { herrangschik } from './intake';
import type { Melding } from './registratie';
import { voor } from './termijnen';
import { coordinator, deelnemer, genodigden, iso, ms, regiomanager } from './toestand';

const LANGSTE_VERLENGING_MS = 26 * 7 * 24 * 60 * 60_000;

type Opdrachten =
  | 'deelnemerToevoegen'
  | 'deelnemerBijwerken'
  | 'aanwezigheidDoorgeven'
  | 'kringCompleet'
  | 'vraagVastleggen'
  | 'datumVoorstellen'
  | 'beschikbaarheidVastleggen'
  | 'datumBevestigen'
  | 'verlengen'
  | 'conferentieStarten';

export function voorbereiding(p: Proces): Procesfase<Opdrachten> {
  const { z, reg, termijnen } = p;
  const v = () => z.voorbereiding;

  function klok(): Wekker[] {
    const datum = v().bevestigd;
    if (datum) {
      return termijnen.conferentieHerinneringen
        .filter((vooraf) => !v().conferentieHerinnerd.includes(String(vooraf)))
        .map((vooraf) =>
          wekker(
            reg,
            { sleutel: `conferentie.${datum.voorstelId}.${vooraf}`, op: iso(voor(ms(datum.op), vooraf)) },
            { soort: 'herinnering', termijn: 'conferentie' },
            (n) => {
              n.voorbereiding.conferentieHerinnerd.push(String(vooraf));
            },
            (n) => [
              {
                soort: 'conferentie.herinnering',
                sleutel: `conferentie.${datum.voorstelId}.${vooraf}`,
                aan: [...genodigden(n), ...coordinator(n)],
                details: { op: datum.op },
              },
            ],
          ),
        );
    }
    const wekkers: Wekker[] = [];
    const ronde = v().verlengingen.length;
    if (!v().herinnerd && v().herinneringOp) {
      wekkers.push(
        wekker(
          reg,
          { sleutel: `datum.herinnering.${ronde}`, op: v().herinneringOp! },
          { soort: 'herinnering', termijn: 'datum' },
          (n) => {
            n.voorbereiding.herinnerd = true;
          },
          (n) => [
            {
              soort: 'datum.herinnering',
              sleutel: `datum.herinnering.${ronde}`,
              aan: [...coordinator(n), ...regiomanager(n)],
            },
          ],
        ),
      );
    }
    if (!v().geescaleerd && v().escalatieOp) {
      wekkers.push(
        wekker(
          reg,
          { sleutel: `escalatie.datum.${ronde}`, op: v().escalatieOp! },
          { soort: 'escalatie', termijn: 'datum', keer: 1 },
          (n) => {
            n.voorbereiding.geescaleerd = true;
          },
          (n) => [{ soort: 'escalatie.datum', sleutel: `escalatie.datum.${ronde}`, aan: regiomanager(n) }],
        ),
      );
    }
    return wekkers;
  }

  return {
    klok,
    opdrachten: {
      // ---- The question and the circle ----

      vraagVastleggen: {
        fasen: ['intake', 'voorbereiding'],
        uitvoeren: ({ tekstId, door }) =>
          reg.leg([{ soort: 'vraag', tekstId }], door, (n) => {
            n.voorbereiding.vraagId = tekstId;
          }),
      },

      deelnemerToevoegen: {
        fasen: ACTIEVE_FASEN,
        controle: ({ persoonId, rol, wettelijkeRol }) => {
          if (deelnemer(z, persoonId, rol)) return reden('al-deelnemer');
          if (z.fase === 'voorbereiding' && v().kringCompleet) return reden('kring-compleet');
          if (wettelijkeRol && rol !== 'professional') return reden('wettelijke-rol-professional');
          return undefined;
        },
        uitvoeren: async ({ persoonId, rol, wettelijkeRol, voorgesteldDoor, door }) => {
          await reg.leg(
            [{ soort: 'deelnemer.toegevoegd', persoonId, rol, wettelijkeRol, voorgesteldDoor }],
            door,
            (n) => {
              n.deelnemers.push({
                persoonId,
                rol,
                wettelijkeRol,
                uitnodiging: 'niet_uitgenodigd',
                bezoek: 'niet_gepland',
              });
            },
          );
          // A new name may be someone a candidate coordinator knows: no longer independent.
          if (z.fase === 'intake' && !z.intake.coordinatorId) await herrangschik(p);
        },
      },

      deelnemerBijwerken: {
        fasen: ['voorbereiding', 'conferentie'],
        controle: ({ persoonId, uitnodiging, bezoek }) => {
          const d = deelnemer(z, persoonId);
          if (!d || d.rol === 'aanvrager') return reden('geen-deelnemer');
          if (!uitnodiging && !bezoek) return reden('niets');
          return undefined;
        },
        uitvoeren: async ({ persoonId, uitnodiging, bezoek, door }) => {
          const eerderUitgenodigd = deelnemer(z, persoonId)!.uitnodiging !== 'niet_uitgenodigd';
          await reg.leg(
            [{ soort: 'deelnemer.bijgewerkt', persoonId, uitnodiging, bezoek }],
            door,
            (n) => {
              for (const d of n.deelnemers.filter((d) => d.persoonId === persoonId && d.rol !== 'aanvrager')) {
                if (uitnodiging) d.uitnodiging = uitnodiging;
                if (bezoek) d.bezoek = bezoek;
              }
            },
            (n): Melding[] => {
              if (uitnodiging !== 'uitgenodigd' || eerderUitgenodigd) return [];
              const aan = [{ persoonId, rol: deelnemer(n, persoonId)!.rol }];
              return [
                { soort: 'uitnodiging', sleutel: `uitnodiging.${persoonId}`, aan },
                // Everyone invited may read the conditions: a late invitee gets the published forms too.
                ...n.voorwaarden
                  .filter((f) => f.gepubliceerd)
                  .map((f) => ({
                    soort: 'voorwaarden.gedeeld' as const,
                    sleutel: `voorwaarden.${f.gepubliceerd!.formulierId}`,
                    aan,
                  })),
              ];
            },
          );
        },
      },

      aanwezigheidDoorgeven: {
        fasen: ['voorbereiding'],
        controle: ({ door }) =>
          deelnemer(z, door.persoonId)!.uitnodiging === 'niet_uitgenodigd' ? reden('niet-uitgenodigd') : undefined,
        uitvoeren: async ({ komt, notitieId, door }) => {
          const uitnodiging = komt ? ('bevestigd' as const) : ('afgemeld' as const);
          const bijgewerkt = { soort: 'deelnemer.bijgewerkt' as const, persoonId: door.persoonId, uitnodiging };
          await reg.leg([{ ...bijgewerkt, ...(notitieId && { notitieId }) }], door, (n) => {
            for (const d of n.deelnemers.filter((d) => d.persoonId === door.persoonId && d.rol !== 'aanvrager')) {
              d.uitnodiging = uitnodiging;
            }
          });
          // The coordinator hears the answer (and that there is a note) without looking.
          if (p.regels.gezin) {
            const details = { komt, persoonId: door.persoonId, notitie: notitieId !== undefined };
            // Each answer is its own message (yes, then no after all): the command's own id names it.
            const { runId, historyLength } = wf.workflowInfo();
            const sleutel = `aanwezigheid.${door.persoonId}.${wf.currentUpdateInfo()?.id ?? `${runId}.${historyLength}`}`;
            await reg.meld('aanwezigheid.doorgegeven', sleutel, coordinator(z), details);
          }
        },
      },

      kringCompleet: {
        fasen: ['voorbereiding'],
        uitvoeren: ({ compleet, door }) =>
          reg.leg([{ soort: 'kring', compleet }], door, (n) => {
            n.voorbereiding.kringCompleet = compleet;
          }),
      },

      // ---- The date ----

      datumVoorstellen: {
        fasen: ['voorbereiding'],
        controle: ({ voorstelId, op }) => {
          if (ms(op) <= Date.now()) return reden('datum-voorbij');
          if (v().datumvoorstellen.some((d) => d.id === voorstelId)) return reden('al-voorgesteld');
          return undefined;
        },
        uitvoeren: async ({ voorstelId, op, door }) => {
          await reg.leg(
            [{ soort: 'datum.voorgesteld', voorstelId, op: iso(ms(op)) }],
            door,
            (n) => {
              n.voorbereiding.datumvoorstellen.push({ id: voorstelId, op: iso(ms(op)), beschikbaar: {} });
            },
            // The professionals are asked whether they can come; the date respects their availability.
            (n) =>
              p.regels.beloften
                ? [
                    {
                      soort: 'datum.voorgesteld',
                      sleutel: `datumvoorstel.${voorstelId}`,
                      aan: n.deelnemers
                        .filter((d) => d.rol === 'professional' && d.uitnodiging !== 'afgemeld')
                        .map((d) => ({ persoonId: d.persoonId, rol: d.rol })),
                      details: { op: iso(ms(op)) },
                    },
                  ]
                : [],
          );
        },
      },

      beschikbaarheidVastleggen: {
        fasen: ['voorbereiding'],
        controle: ({ voorstelId, professionalId, door }) => {
          if (door.rol === 'professional' && door.persoonId !== professionalId) return reden('niet-uzelf');
          if (!deelnemer(z, professionalId, 'professional')) return reden('geen-professional');
          if (!v().datumvoorstellen.some((d) => d.id === voorstelId)) return reden('onbekend-voorstel');
          return undefined;
        },
        uitvoeren: ({ voorstelId, professionalId, beschikbaar, door }) =>
          reg.leg([{ soort: 'beschikbaarheid', voorstelId, professionalId, beschikbaar }], door, (n) => {
            n.voorbereiding.datumvoorstellen.find((d) => d.id === voorstelId)!.beschikbaar[professionalId] =
              beschikbaar;
          }),
      },

      datumBevestigen: {
        fasen: ['voorbereiding'],
        controle: ({ voorstelId }) => {
          const voorstel = v().datumvoorstellen.find((d) => d.id === voorstelId);
          if (!voorstel) return reden('onbekend-voorstel');
          return ms(voorstel.op) <= Date.now() ? reden('datum-voorbij') : undefined;
        },
        uitvoeren: async ({ voorstelId, door }) => {
          const op = v().datumvoorstellen.find((d) => d.id === voorstelId)!.op;
          const details: Record<string, string> = p.regels.gezin ? { op, voorstelId } : { op };
          // A date confirmed again after another (A, B, then A) is a new message: the command names it.
          const keer = p.regels.gezin ? wf.currentUpdateInfo()?.id : undefined;
          const sleutel = keer ? `datum.${voorstelId}.${keer}` : `datum.${voorstelId}`;
          await reg.leg(
            [{ soort: 'datum.bevestigd', voorstelId, op }],
            door,
            (n) => {
              n.voorbereiding.bevestigd = { voorstelId, op };
              // A reminder whose moment passed before the date was confirmed is not sent late.
              n.voorbereiding.conferentieHerinnerd = termijnen.conferentieHerinneringen
                .filter((vooraf) => voor(ms(op), vooraf) <= Date.now())
                .map(String);
            },
            (n) => [{ soort: 'datum.bevestigd', sleutel, aan: [...genodigden(n), ...coordinator(n)], details }],
          );
        },
      },

      verlengen: {
        fasen: ['voorbereiding'],
        controle: ({ duur }) => {
          if (v().bevestigd) return reden('datum-staat');
          const lengte = duurInMs(duur);
          return lengte > 0 && lengte <= LANGSTE_VERLENGING_MS ? undefined : reden('ongeldige-duur');
        },
        uitvoeren: ({ duur, redenId, door }) => {
          // The family sets the pace: the target window moves, and reminders not yet due wait for it.
          const herinneringOp = iso(ms(v().herinneringOp!) + duurInMs(duur));
          const escalatieOp = iso(ms(v().escalatieOp!) + duurInMs(duur));
          return reg.leg([{ soort: 'verlenging', duur, redenId, herinneringOp, escalatieOp }], door, (n) => {
            n.voorbereiding.herinneringOp = herinneringOp;
            n.voorbereiding.escalatieOp = escalatieOp;
            n.voorbereiding.herinnerd = ms(herinneringOp) <= Date.now() && n.voorbereiding.herinnerd;
            n.voorbereiding.geescaleerd = ms(escalatieOp) <= Date.now() && n.voorbereiding.geescaleerd;
            n.voorbereiding.verlengingen.push({ duur, redenId, op: iso(Date.now()) });
          });
        },
      },

      // ---- Ready: the conference begins ----

      conferentieStarten: {
        fasen: ['voorbereiding'],
        controle: () => {
          if (!v().vraagId) return reden('geen-vraag');
          if (!v().kringCompleet) return reden('kring-open');
          return v().bevestigd ? undefined : reden('geen-datum');
        },
        uitvoeren: ({ door }) =>
          reg.leg([{ soort: 'fase', fase: 'conferentie' }, { soort: 'conferentie.gestart' }], door, (n) => {
            n.fase = 'conferentie';
            n.conferentie.deel = 'informatie';
            n.conferentie.begonnenOp = iso(Date.now());
          }),
      },
    },
  };
}

/** A duration as given ("2 weeks"), in ms; NaN when it is none. */
function duurInMs(duur: string): number {
  try {
    return msToNumber(duur as Parameters<typeof msToNumber>[0]);
  } catch {
    return NaN;
  }
}
