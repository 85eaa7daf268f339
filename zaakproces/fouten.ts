// What can go wrong when a caller asks the case process something, in the domain's terms.
// The callers (API, pages, CLI) decide what each means to their reader; nothing here is HTTP.
import { redenTekst, type Reden } from '../workflows/contract';

/** The process refused the command; the reason says why (by code, with its values). */
export class Geweigerd extends Error {
  constructor(readonly reden: Reden) {
    super(redenTekst(reden, 'en'));
    this.name = 'Geweigerd';
  }
}

/** The case has no running process (yet): its request is stored, the sweep will start it. */
export class ProcesNietGestart extends Error {
  constructor(readonly zaakId: string) {
    super(`the process of case ${zaakId} has not started`);
    this.name = 'ProcesNietGestart';
  }
}

/**
 * The process did not answer in time: Temporal out of reach, or no worker to take the task
 * right now (one restarting, say). Nothing is known to have happened; try again after a while.
 */
export class ProcesOnbereikbaar extends Error {
  constructor(
    readonly opnieuwNaSeconden: number,
    options?: { cause?: unknown },
  ) {
    super('the case process did not answer in time', options);
    this.name = 'ProcesOnbereikbaar';
  }
}
