// Recorded histories of the process scenarios, replayed on the current workflow code: a
// change that would break running cases (non-deterministic) fails here, before it lands.
// A recorded history is never replaced (it stands for the cases that ran on the code of its
// day); a new scenario adds its own: KRING_HISTORIES_OPNEMEN=1 npm test -- test/zaak.proces.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from './support/omgeving';
import { GENERATIE, HISTORIES } from './support/scenario';

const bestanden = fs.existsSync(HISTORIES)
  ? fs
      .readdirSync(HISTORIES)
      .filter((f) => f.endsWith('.history'))
      .sort()
  : [];

// The scenarios of zaak.proces.test.ts; 'niet-goed' is one the first generation had only.
const SCENARIOS = [
  'afgewezen',
  'doorstarten',
  'geen-reactie',
  'gezin',
  'herziening',
  'noodpad',
  'overdracht',
  'standaard',
  'toetsing',
  'verlenging',
];
const PER_GENERATIE: Array<[string, string[]]> = [
  ['', [...SCENARIOS, 'niet-goed'].sort()],
  [`@${GENERATIE}`, SCENARIOS],
];

test.each(PER_GENERATIE)(
  'every process scenario has a recorded history under the rules "%s", continue-as-new runs included',
  (generatie, scenarios) => {
    const vanDeze = bestanden.filter((f) => (f.split('.')[0]!.split('@')[1] ?? '') === generatie.slice(1));
    expect([...new Set(vanDeze.map((f) => f.split(/[.@]/)[0]))].sort()).toEqual(scenarios);
    expect(vanDeze.filter((f) => f.startsWith(`doorstarten${generatie}.`)).length).toBeGreaterThan(1);
  },
);

test('all of them replay on the current workflow code', async () => {
  const histories = bestanden.map((bestand) => ({
    workflowId: bestand,
    history: temporal.api.history.v1.History.decode(fs.readFileSync(path.join(HISTORIES, bestand))),
  }));
  const fouten: string[] = [];
  for await (const uitkomst of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) {
    if (uitkomst.error) fouten.push(`${uitkomst.workflowId}: ${uitkomst.error.message}`);
  }
  expect(fouten).toEqual([]);
  expect(histories.length).toBe(bestanden.length);
});
