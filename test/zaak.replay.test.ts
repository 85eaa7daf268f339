// Recorded histories of the process scenarios, replayed on the current workflow code: a
// change that would break running cases (non-deterministic) fails here, before it lands.
// A recorded history is never replaced (it stands for the cases that ran on the code of its
// day); a new scenario adds its own: KRING_HISTORIES_OPNEMEN=1 npm test -- test/zaak.proces.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from './support/omgeving';
import { HISTORIES } from './support/scenario';

const bestanden = fs.existsSync(HISTORIES)
  ? fs
      .readdirSync(HISTORIES)
      .filter((f) => f.endsWith('.history'))
      .sort()
  : [];

test('every process scenario has a recorded history, continue-as-new runs included', () => {
  const scenarios = new Set(bestanden.map((f) => f.split('.')[0]));
  expect([...scenarios].sort()).toEqual(
    [
      'afgewezen',
      'doorstarten',
      'geen-reactie',
      'gezin',
      'herziening',
      'niet-goed',
      'noodpad',
      'overdracht',
      'standaard',
      'toetsing',
      'verlenging',
    ].sort(),
  );
  expect(bestanden.filter((f) => f.startsWith('doorstarten.')).length).toBeGreaterThan(1);
});

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
