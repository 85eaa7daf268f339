// A command the workflow refuses (wrong phase, wrong role, impossible value). Thrown from
// update validators, so the refusal never enters history; the API shows the reason as 409.
import { ApplicationFailure } from '@temporalio/workflow';

export const AFWIJZING = 'Afwijzing';

export interface Reden {
  code: string;
  nl: string;
  en: string;
}

export function afwijzing(reden: Reden): ApplicationFailure {
  return ApplicationFailure.create({ type: AFWIJZING, message: reden.nl, details: [reden], nonRetryable: true });
}
