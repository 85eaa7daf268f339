// The languages messages are written in. Adding one is adding its file and its line here;
// the compiler then insists the file renders every message.
import { en } from './en';
import { nl } from './nl';
import type { Bericht, Berichtsoort, Sjablonen, Variabelen } from './soorten';

export const TALEN = { nl, en } as const satisfies Record<string, Sjablonen>;
export type Taal = keyof typeof TALEN;

export function isTaal(taal: string): taal is Taal {
  return taal in TALEN;
}

/** The recipient's language's words; Dutch when theirs is not (yet) written. */
export const sjablonenVoor = (taal: string): Sjablonen => TALEN[isTaal(taal) ? taal : 'nl'];

/** The message in the recipient's language; Dutch when theirs is not (yet) written. */
export function schrijf<S extends Berichtsoort>(taal: string, soort: S, variabelen: Variabelen[S]): Bericht {
  const sjablonen = sjablonenVoor(taal);
  return (sjablonen[soort] as (v: Variabelen[S]) => Bericht)(variabelen);
}

/** How the family is named where a message may: the main person's first name. */
export const voornaam = (naam: string) => naam.trim().split(/\s+/)[0] ?? naam;

/** "dinsdag 15 december om 19:00", in Europe/Amsterdam; kort, for an SMS: "di 15 dec, 19:00". */
export function datumVoor(taal: string, moment: Date, kort = false): string {
  const { locale } = sjablonenVoor(taal);
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Amsterdam',
    weekday: kort ? 'short' : 'long',
    day: 'numeric',
    month: kort ? 'short' : 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(moment);
}

export type { Bericht, Berichtsoort, Variabelen };
