// A command the case refuses (wrong phase, wrong role, impossible value), as a failure that
// carries its reason: the code and its values, and the texts as this code's catalogue wrote
// them (so a caller of another version can still show them). Thrown from update validators,
// so the refusal never enters history; the process client turns it into a refusal.
import { ApplicationFailure } from '@temporalio/common';
import { redenTekst, type Reden } from './contract/redenen';

export const AFWIJZING = 'Afwijzing';

export function afwijzing(reden: Reden): ApplicationFailure {
  return ApplicationFailure.create({
    type: AFWIJZING,
    message: redenTekst(reden, 'nl'),
    details: [{ ...reden, nl: redenTekst(reden, 'nl'), en: redenTekst(reden, 'en') }],
    nonRetryable: true,
  });
}

export function isAfwijzing(err: unknown): err is ApplicationFailure {
  return err instanceof ApplicationFailure && err.type === AFWIJZING;
}
