// Quiet hours: no SMS to anyone between 21:00 and 08:00 in the Netherlands; a message due
// then waits until the morning. Urgent escalations to staff do not wait.
//
// Pure arithmetic on the EU summer-time rule (from the last Sunday of March to the last
// Sunday of October, switching at 01:00 UTC), so every worker computes the same moment,
// whatever its own time zone or time-zone data.
import type { Berichtsoort } from '../activities/berichten/soorten';

export const STILTE = { vanaf: 21, tot: 8 } as const;

/** Escalations to staff: these go out at night too. */
export const DRINGEND: ReadonlySet<Berichtsoort> = new Set<Berichtsoort>([
  'escalatie.contact',
  'escalatie.datum',
  'signaal.geen-reactie',
]);

const UUR = 3_600_000;
const DAG = 24 * UUR;

/** 01:00 UTC on the last Sunday of the month (0-based) of that year. */
function laatsteZondag(jaar: number, maand: number): number {
  const laatsteDag = Date.UTC(jaar, maand + 1, 0);
  return laatsteDag - new Date(laatsteDag).getUTCDay() * DAG + UUR;
}

/** The offset of Amsterdam's clock from UTC at moment `t`: one hour, or two in summer. */
export function amsterdamVerschuiving(t: number): number {
  const jaar = new Date(t).getUTCFullYear();
  return t >= laatsteZondag(jaar, 2) && t < laatsteZondag(jaar, 9) ? 2 * UUR : UUR;
}

/** The moment it is `uur`:00 in Amsterdam, `dagen` days after the Amsterdam date of `t`. */
function amsterdamsUur(t: number, dagen: number, uur: number): number {
  const lokaal = new Date(t + amsterdamVerschuiving(t));
  const wandklok = Date.UTC(lokaal.getUTCFullYear(), lokaal.getUTCMonth(), lokaal.getUTCDate() + dagen, uur);
  for (const verschuiving of [2 * UUR, UUR]) {
    if (amsterdamVerschuiving(wandklok - verschuiving) === verschuiving) return wandklok - verschuiving;
  }
  return wandklok - UUR; // an hour that does not exist (the spring switch); 08:00 always does
}

/** When an SMS due at `t` may go out: at `t`, or at 08:00 when `t` falls in the quiet hours. */
export function smsMoment(t: number): number {
  const uur = new Date(t + amsterdamVerschuiving(t)).getUTCHours();
  if (uur >= STILTE.vanaf) return amsterdamsUur(t, 1, STILTE.tot);
  if (uur < STILTE.tot) return amsterdamsUur(t, 0, STILTE.tot);
  return t;
}
