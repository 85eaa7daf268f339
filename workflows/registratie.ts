// How the workflow records: one change at a time, in the order the case went through them.
// Commands and timers both take their turn here, so the database sees the case's changes in
// the same order as its state, and a command never checks a state another is changing.
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Gebeurtenis, Ontvanger } from '../activities/gebeurtenissen';
import { huidigeTermijn, iso } from './toestand';
import type { Door, ZaakToestand } from './zaak-interface';

const activiteiten = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: a database outage delays the record, it must never lose it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export const { zaakOpenen, kandidatenZoeken } = activiteiten;

export class Registratie {
  private staart: Promise<unknown> = Promise.resolve();
  /** The running deadline as last recorded; a new run records it once more, harmlessly. */
  private vastgelegdeTermijn?: string;
  /** Goes up with every recorded change: timers re-plan when it moves. */
  versie = 0;

  constructor(private readonly z: ZaakToestand) {}

  /** Runs `werk` after everything queued before it; one at a time. */
  beurt<T>(werk: () => Promise<T>): Promise<T> {
    const resultaat = this.staart.then(werk);
    this.staart = resultaat.catch(() => undefined);
    return resultaat;
  }

  /**
   * Records events, then makes the change `wijzig` describes: a change shows in the state
   * only once it is in the case record. The running deadline is recorded along with it
   * when the change moves it.
   */
  async leg(gebeurtenissen: Gebeurtenis[], door?: Door, wijzig?: (z: ZaakToestand) => void): Promise<void> {
    const nieuw = JSON.parse(JSON.stringify(this.z)) as ZaakToestand;
    wijzig?.(nieuw);
    const lopend = huidigeTermijn(nieuw);
    const termijn = JSON.stringify(lopend ?? null);
    const metTermijn: Gebeurtenis[] =
      termijn === this.vastgelegdeTermijn
        ? gebeurtenissen
        : [...gebeurtenissen, { soort: 'termijn', termijn: lopend?.soort ?? null, op: lopend?.op ?? null }];
    await activiteiten.vastleggen({
      zaakId: this.z.zaakId,
      op: iso(Date.now()),
      doorId: door?.persoonId,
      gebeurtenissen: metTermijn,
    });
    Object.assign(this.z, nieuw);
    this.vastgelegdeTermijn = termijn;
    this.versie++;
  }

  async meld(soort: string, sleutel: string, aan: Ontvanger[], details?: Record<string, string | number | boolean>) {
    await activiteiten.melden({ zaakId: this.z.zaakId, soort, sleutel, aan, details });
  }
}
