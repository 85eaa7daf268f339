// What a phase of the process is made of: its clock (deadlines, reminders and escalations
// that run while the case waits for people) and its commands (who may do what, and what it
// changes). Each phase module fills one in and zaak.ts runs them in order; the conditions
// (voorwaarden.ts) and the ways out (afsluiting.ts) span phases and bring commands only.
import type { Opdrachtnaam } from './contract';
import type { Regels } from './opdrachtmotor';
import type { Registratie } from './registratie';
import type { Termijnen } from './termijnen';
import type { ZaakToestand } from './toestand';

/** What every phase works on: the case's state, its recorder, and the timings it started with. */
export interface Proces {
  z: ZaakToestand;
  reg: Registratie;
  termijnen: Termijnen;
}

/** Something the clock does at a moment, unless a command made it moot first. */
export interface Wekker {
  /** Which alarm this is; an alarm goes off once per run, even if a bug left it due. */
  sleutel: string;
  op: string;
  actie: () => Promise<void>;
}

export interface Procesfase<K extends Opdrachtnaam> {
  /** The alarms due while the case is in this phase; none for a phase without a clock. */
  klok: () => Wekker[];
  opdrachten: Regels<K>;
}
