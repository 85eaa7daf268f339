// The retention sweep: a Temporal Schedule starts it daily (worker/bewaarschema.ts). It
// anonymises every closed case whose retention period has passed, one case per activity, so
// a sweep cut off halfway leaves whole cases done or untouched and the next run finishes.
// A case that keeps failing is counted and left for tomorrow; it holds up no other.
// Its history holds case ids and counts only.
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Bewaarverslag } from '../activities/bewaartermijn';

const opzoeken = wf.proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});
const anonimiseren = wf.proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** Cases per look-up; the run continues as new when its history grows long. */
export const BEWAAR_PARTIJ = 50;

type Voortgang = Bewaarverslag & { nu: number; overslaan: string[] };

export async function bewaartermijn(eerder?: Voortgang): Promise<Bewaarverslag> {
  // One moment for the whole sweep, also across continue-as-new: what fell due after it waits for tomorrow.
  const nu = eerder?.nu ?? Date.now();
  const verslag: Bewaarverslag = {
    zaken: eerder?.zaken ?? 0,
    personen: eerder?.personen ?? 0,
    aangehouden: 0,
    mislukt: eerder?.mislukt ?? 0,
  };
  const overslaan = [...(eerder?.overslaan ?? [])];
  for (;;) {
    const { zaakIds, aangehouden } = await opzoeken.teAnonimiserenZaken({
      nu: new Date(nu).toISOString(),
      limiet: BEWAAR_PARTIJ,
      overslaan,
    });
    verslag.aangehouden = aangehouden;
    for (const zaakId of zaakIds) {
      try {
        const gedaan = await anonimiseren.zaakAnonimiseren({ zaakId });
        if (gedaan.zaak) verslag.zaken++;
        verslag.personen += gedaan.personen;
      } catch (err) {
        if (!(err instanceof wf.ActivityFailure)) throw err;
        verslag.mislukt++;
        overslaan.push(zaakId);
      }
    }
    if (zaakIds.length < BEWAAR_PARTIJ) break;
    if (wf.workflowInfo().continueAsNewSuggested) {
      await wf.continueAsNew<typeof bewaartermijn>({ ...verslag, nu, overslaan });
    }
  }
  // Then the people no case names any more: colleagues who left, what a refused command left behind.
  for (;;) {
    const los = await opzoeken.achtergeblevenenAnonimiseren({ nu: new Date(nu).toISOString(), limiet: BEWAAR_PARTIJ });
    verslag.personen += los;
    if (los < BEWAAR_PARTIJ) break;
  }
  await opzoeken.bewaarverslagVastleggen({ verslag, sleutel: `bewaartermijn:${wf.workflowInfo().runId}` });
  wf.log.info('bewaartermijn', { ...verslag });
  return verslag;
}
