// The process's timings, in one place. Deadlines are targets: missing one escalates to the
// regiomanager, it never acts over the family's head. A case keeps the timings it started
// with (they travel in its start input), so changing them here affects new cases only.
import type { Duration } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';

export interface Termijnen {
  /** The coordinator contacts the family within this time after the request. */
  contact: Duration;
  /** Once the contact deadline is missed, escalate again at this interval until contact. */
  contactHerhaling: Duration;
  /** Preparation without a confirmed date: a nudge to coordinator and regiomanager … */
  datumHerinnering: Duration;
  /** … and later an escalation to the regiomanager. Both count from the end of intake. */
  datumEscalatie: Duration;
  /** Reminders to every participant, this long before the conference. */
  conferentieHerinneringen: Duration[];
  /** After the conference the coordinator checks how the plan is going. */
  vervolgcontrole: Duration;
  /** Reminder of a progress meeting to the designated person and the coordinator, this long before. */
  gesprekHerinnering: Duration;
  /** "Het gaat niet goed": if nobody picks it up within this time, coordinator and regiomanager hear of it. */
  reactieOpSignaal: Duration;
  /**
   * A revised plan not checked by every professional within this time: coordinator and
   * regiomanager hear of it. Absent in cases started before it came: HERZIENING_STANDAARD.
   */
  toetsingHerziening?: Duration;
}

export const HERZIENING_STANDAARD: Duration = '7 days';

export const TERMIJNEN: Readonly<Record<'standaard' | 'nood', Termijnen>> = {
  standaard: {
    // "Binnen een paar dagen neemt de coördinator contact op."
    contact: '3 days',
    contactHerhaling: '3 days',
    // Preparation takes 6 to 10 weeks on average.
    datumHerinnering: '6 weeks',
    datumEscalatie: '10 weeks',
    conferentieHerinneringen: ['7 days', '1 day'],
    // "Ongeveer vier weken later kijkt de coördinator hoe het gaat."
    vervolgcontrole: '4 weeks',
    gesprekHerinnering: '1 day',
    reactieOpSignaal: '7 days',
    toetsingHerziening: '7 days',
  },
  nood: {
    // Emergency path: contact within a day, a conference within about a week.
    contact: '24 hours',
    contactHerhaling: '24 hours',
    datumHerinnering: '3 days',
    datumEscalatie: '7 days',
    conferentieHerinneringen: ['1 day'],
    vervolgcontrole: '4 weeks',
    gesprekHerinnering: '1 day',
    reactieOpSignaal: '7 days',
    toetsingHerziening: '3 days',
  },
};

export function termijnenVoor(noodsituatie: boolean): Termijnen {
  return noodsituatie ? TERMIJNEN.nood : TERMIJNEN.standaard;
}

/** The moment `duur` after `vanaf` (epoch ms). */
export function na(vanaf: number, duur: Duration): number {
  return vanaf + msToNumber(duur);
}

/** The moment `duur` before `tot` (epoch ms). */
export function voor(tot: number, duur: Duration): number {
  return tot - msToNumber(duur);
}
