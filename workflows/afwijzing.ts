// A command the case refuses (wrong phase, wrong role, impossible value), with the reason
// in Dutch and English. Thrown from update validators, so the refusal never enters history;
// the API shows it as 409.
import { ApplicationFailure } from '@temporalio/common';

export const AFWIJZING = 'Afwijzing';

export interface Reden {
  code: string;
  nl: string;
  en: string;
}

export function afwijzing(reden: Reden): ApplicationFailure {
  return ApplicationFailure.create({ type: AFWIJZING, message: reden.nl, details: [reden], nonRetryable: true });
}

export function isAfwijzing(err: unknown): err is ApplicationFailure {
  return err instanceof ApplicationFailure && err.type === AFWIJZING;
}
