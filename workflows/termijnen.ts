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
}

export const TERMIJNEN: Readonly<Record<'standaard' | 'nood', Termijnen>> = {
  // "Binnen een paar dagen neemt de coördinator contact op."
  standaard: { contact: '3 days', contactHerhaling: '3 days' },
  // Emergency path: contact within a day.
  nood: { contact: '24 hours', contactHerhaling: '24 hours' },
};

export function termijnenVoor(noodsituatie: boolean): Termijnen {
  return noodsituatie ? TERMIJNEN.nood : TERMIJNEN.standaard;
}

/** The moment `duur` after `vanaf` (epoch ms). */
export function na(vanaf: number, duur: Duration): number {
  return vanaf + msToNumber(duur);
}
