// What a phase of the process is made of: its clock (deadlines, reminders and escalations
// that run while the case waits for people) and its commands (who may do what, and what it
// changes). Each phase module fills one in and zaak.ts runs them in order; the conditions
// (voorwaarden.ts) and the ways out (afsluiting.ts) span phases and bring commands only.
import type { Opdrachtnaam } from './contract';
import type { Regels } from './opdrachtmotor';
import type { Gebeurtenis } from '../activities/gebeurtenissen';
import type { Melding, Registratie } from './registratie';
import type { Termijnen } from './termijnen';
import type { ZaakToestand } from './toestand';

/** What every phase works on: the case's state, its recorder, and the timings it started with. */
export interface Proces {
  z: ZaakToestand;
  reg: Registratie;
  termijnen: Termijnen;
  /**
   * Rules added while cases were running. A run that began before a rule came keeps the
   * rules it began with (its history has no marker of the rule: see zaak.ts), so its history
   * replays as it was recorded.
   */
  regels: {
    /**
     * "The process keeps its promises": a revised plan is checked against the conditions, no
     * closing over an open signal, the coordinator hears of a signal at once, professionals
     * are asked about a proposed date.
     */
    beloften: boolean;
    /** Regions set up through kring: a request nobody manages is reported at once. */
    regios: boolean;
    /**
     * The family's side: the plan goes to the family, the network and the professionals; an
     * invitee's answer and a signal taken up reach the coordinator; the designated person may
     * say "het gaat niet goed"; a conference date the case closes before is cancelled.
     */
    gezin: boolean;
    /**
     * A step is one activity: the request taken in with one read, and a record with its
     * messages and their delivery in one (registratie.ts).
     */
    eenStap: boolean;
  };
}

/** Something the clock does at a moment, unless a command made it moot first. */
export interface Wekker {
  /** Which alarm this is; an alarm goes off once per run, even if a bug left it due. */
  sleutel: string;
  op: string;
  actie: () => Promise<void>;
}

/**
 * The usual alarm: when it goes off, it records this event and makes its change, and the
 * change brings its messages (Registratie.leg, by nobody: the clock).
 */
export function wekker(
  reg: Registratie,
  { sleutel, op }: Pick<Wekker, 'sleutel' | 'op'>,
  gebeurtenis: Gebeurtenis,
  wijzig: (z: ZaakToestand) => void,
  melden: (z: ZaakToestand) => Melding[],
): Wekker {
  return {
    sleutel,
    op,
    actie: async () => {
      await reg.leg([gebeurtenis], undefined, wijzig, melden);
    },
  };
}

export interface Procesfase<K extends Opdrachtnaam> {
  /** The alarms due while the case is in this phase; none for a phase without a clock. */
  klok: () => Wekker[];
  opdrachten: Regels<K>;
}
