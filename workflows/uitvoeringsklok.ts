// The clock of the uitvoering phase: the follow-up check about four weeks after the
// conference, a reminder before each progress meeting and the evaluation, and an escalation
// for a revised plan nobody checks and for a signal nobody takes up.
import { wekker, type Proces, type Wekker } from './fase';
import { voor } from './termijnen';
import { aangewezenPersonen, coordinator, iso, ms, regiomanager } from './toestand';

export function uitvoeringsklok(p: Proces): Wekker[] {
  const { reg, termijnen } = p;
  const u = () => p.z.uitvoering;
  const wekkers: Wekker[] = [];
  if (u().vervolgOp && !u().vervolgGemeld && !u().vervolgGedaan) {
    wekkers.push(
      wekker(
        reg,
        { sleutel: 'vervolgcontrole', op: u().vervolgOp! },
        { soort: 'herinnering', termijn: 'vervolgcontrole' },
        (n) => {
          n.uitvoering.vervolgGemeld = true;
        },
        (n) => [
          { soort: 'vervolg.herinnering', sleutel: 'vervolgcontrole', aan: coordinator(n) },
          { soort: 'vervolg.gepland', sleutel: 'vervolgcontrole.aangewezen', aan: aangewezenPersonen(n) },
        ],
      ),
    );
  }
  for (const gesprek of u().gesprekken.filter((g) => !g.herinnerd && !g.gehouden)) {
    wekkers.push(
      wekker(
        reg,
        { sleutel: `gesprek.${gesprek.op}`, op: iso(voor(ms(gesprek.op), termijnen.gesprekHerinnering)) },
        { soort: 'herinnering', termijn: 'voortgangsgesprek' },
        (n) => {
          n.uitvoering.gesprekken.find((g) => g.op === gesprek.op)!.herinnerd = true;
        },
        (n) => {
          // The main person comes to the progress meeting too (and gets it in her calendar).
          const hoofdpersoon = n.deelnemers
            .filter((d) => p.regels.gezin && d.rol === 'hoofdpersoon')
            .map((d) => ({ persoonId: d.persoonId, rol: d.rol }));
          const aan = [...hoofdpersoon, ...aangewezenPersonen(n), ...coordinator(n)];
          return [
            {
              soort: 'voortgangsgesprek.herinnering',
              sleutel: `gesprek.${gesprek.op}`,
              aan,
              details: { op: gesprek.op },
            },
          ];
        },
      ),
    );
  }
  const evaluatieOp = u().evaluatieOp;
  if (evaluatieOp && !u().evaluatieGemeld) {
    wekkers.push(
      wekker(
        reg,
        { sleutel: `evaluatie.${evaluatieOp}`, op: evaluatieOp },
        { soort: 'herinnering', termijn: 'evaluatie' },
        (n) => {
          n.uitvoering.evaluatieGemeld = true;
        },
        (n) => [
          {
            soort: 'evaluatie.herinnering',
            sleutel: `evaluatie.${evaluatieOp}`,
            aan: [...coordinator(n), ...regiomanager(n)],
            details: { op: evaluatieOp },
          },
        ],
      ),
    );
  }
  const herziening = u().herziening;
  if (herziening && !herziening.geescaleerd) {
    wekkers.push(
      wekker(
        reg,
        { sleutel: `herziening.${herziening.planId}`, op: herziening.uiterlijk },
        { soort: 'escalatie', termijn: 'herziening', keer: 1 },
        (n) => {
          n.uitvoering.herziening!.geescaleerd = true;
        },
        (n) => [
          {
            soort: 'herziening.geen-toetsing',
            sleutel: `herziening.${herziening.planId}.escalatie`,
            aan: [...coordinator(n), ...regiomanager(n)],
          },
        ],
      ),
    );
  }
  for (const signaal of u().signalen.filter((s) => !s.opgepakt && !s.geescaleerd)) {
    wekkers.push(
      wekker(
        reg,
        { sleutel: `signaal.${signaal.id}`, op: signaal.uiterlijk },
        { soort: 'escalatie', termijn: 'signaal', keer: 1, signaalId: signaal.id },
        (n) => {
          n.uitvoering.signalen.find((s) => s.id === signaal.id)!.geescaleerd = true;
        },
        (n) => [
          {
            soort: 'signaal.geen-reactie',
            sleutel: `signaal.${signaal.id}.escalatie`,
            aan: [...coordinator(n), ...regiomanager(n)],
          },
        ],
      ),
    );
  }
  return wekkers;
}
