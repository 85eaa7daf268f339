// What can go wrong when a caller asks the case process something, in the domain's terms.
// The callers (API, pages, CLI) decide what each means to their reader; nothing here is HTTP.
import { redenTekst, type Reden, type Taal } from '../workflows/contract';

/** The process refused the command; the reason says why. */
export class Geweigerd extends Error {
  /** The reason's code: one of the catalogue's, or (from a worker of another version) its own. */
  readonly code: string;

  constructor(
    /** The reason as the catalogue knows it; absent when the code is not (yet) in it. */
    readonly reden: Reden | undefined,
    private readonly teksten: Record<Taal, string>,
    code = reden?.code ?? 'geweigerd',
  ) {
    super(teksten.en);
    this.name = 'Geweigerd';
    this.code = code;
  }

  static om(reden: Reden): Geweigerd {
    return new Geweigerd(reden, { nl: redenTekst(reden, 'nl'), en: redenTekst(reden, 'en') });
  }

  tekst(taal: Taal): string {
    return this.teksten[taal];
  }
}

/** A command named a person kring does not know. */
export class PersoonOnbekend extends Error {
  /** `gewist`: the person was erased (AVG) and takes part in no new case. */
  constructor(
    readonly persoonId: string,
    readonly gewist = false,
  ) {
    super(gewist ? `person ${persoonId} was erased` : `person ${persoonId} is not known`);
    this.name = 'PersoonOnbekend';
  }
}

/** The case has no running process yet: its request is stored, and the sweep starts it shortly. */
export class ProcesNietGestart extends Error {
  constructor(
    readonly zaakId: string,
    readonly opnieuwNaSeconden: number,
  ) {
    super(`the process of case ${zaakId} has not started yet`);
    this.name = 'ProcesNietGestart';
  }
}

/**
 * The process did not answer in time: Temporal out of reach, or no worker to take the task
 * right now (one restarting, say). Whether a command was carried out is not known: it may
 * still be, once a worker takes it. Try again after a while with the same command id.
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
