// The case workflow's public interface: what starts it, what it answers, which commands it
// takes. Imported by the workflow and by its callers (API, tests), so both sides share types.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Termijnen } from './termijnen';

export type Fase = 'aanvraag' | 'intake' | 'voorbereiding' | 'conferentie' | 'uitvoering' | 'afgesloten';

/** Start input. Ids and process facts only: personal data stays in the database. */
export interface ZaakStart {
  zaakId: string;
  noodsituatie: boolean;
  /** ISO timestamp of the request; deadlines count from here. */
  aangevraagdOp: string;
  termijnen: Termijnen;
}

export interface ZaakStatus {
  fase: Fase;
  noodsituatie: boolean;
  /** ISO timestamps of the deadlines that are running; absent when none is. */
  termijnen: { contactUiterlijk?: string };
  /** How often each deadline has escalated to the regiomanager. */
  escalaties: { contact: number };
  contactOpgenomenOp?: string;
}

export interface ContactVastleggen {
  /** When the coordinator reached the family (ISO); defaults to now. */
  op?: string;
}

export const statusQuery = defineQuery<ZaakStatus>('status');
export const contactVastleggenUpdate = defineUpdate<ZaakStatus, [ContactVastleggen]>('contactVastleggen');

export function workflowIdVoorZaak(zaakId: string): string {
  return `zaak-${zaakId}`;
}
