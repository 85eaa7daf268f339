// The case workflow: one durable process per request for an Eigen Kracht-conferentie.
// Read top to bottom, it is the process as DOMAIN.md tells it.
import type { Duration } from '@temporalio/common';
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import { afwijzing } from './afwijzing';
import { na } from './termijnen';
import {
  contactVastleggenUpdate,
  statusQuery,
  type ContactVastleggen,
  type Fase,
  type ZaakStart,
  type ZaakStatus,
} from './zaak-interface';

const registratie = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: a database outage delays the record, it must never lose it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// A clock skew allowance for "contact happened at …" given by a caller.
const KLOKSPELING_MS = 5 * 60_000;

export async function zaak(start: ZaakStart): Promise<void> {
  const { zaakId, termijnen } = start;
  const aangevraagdOp = Date.parse(start.aangevraagdOp);

  let fase: Fase = 'intake';
  let contactUiterlijk = na(aangevraagdOp, termijnen.contact);
  let contactOpgenomenOp: number | undefined;
  const escalaties = { contact: 0 };

  const status = (): ZaakStatus => ({
    fase,
    noodsituatie: start.noodsituatie,
    termijnen: { contactUiterlijk: contactOpgenomenOp === undefined ? iso(contactUiterlijk) : undefined },
    escalaties: { ...escalaties },
    contactOpgenomenOp: iso(contactOpgenomenOp),
  });
  wf.setHandler(statusQuery, status);

  wf.setHandler(
    contactVastleggenUpdate,
    async ({ op }: ContactVastleggen) => {
      contactOpgenomenOp = op ? Date.parse(op) : Date.now();
      await registratie.contactVastleggen({ zaakId, op: iso(contactOpgenomenOp)! });
      // Answer with the phase the contact leads to, not the one it ends.
      await wf.condition(() => fase !== 'intake');
      return status();
    },
    {
      validator: ({ op }: ContactVastleggen) => {
        if (fase !== 'intake' || contactOpgenomenOp !== undefined) {
          throw afwijzing({
            code: 'verkeerde-fase',
            nl: `Het contact met het gezin is al vastgelegd; de zaak is in fase ${fase}.`,
            en: `Contact with the family has already been recorded; the case is in phase ${fase}.`,
          });
        }
        if (op === undefined) return;
        const moment = Date.parse(op);
        if (Number.isNaN(moment) || moment < aangevraagdOp || moment > Date.now() + KLOKSPELING_MS) {
          throw afwijzing({
            code: 'ongeldig-moment',
            nl: 'Het moment van contact moet tussen de aanvraag en nu liggen.',
            en: 'The moment of contact must lie between the request and now.',
          });
        }
      },
    },
  );

  /** A new phase shows (in queries, to validators) once the case record has it too. */
  async function naarFase(nieuw: Fase): Promise<void> {
    await registratie.faseVastleggen({ zaakId, fase: nieuw });
    fase = nieuw;
  }

  // Intake: the coordinator contacts the family within the contact deadline. Missing it
  // escalates to the regiomanager, and again at every interval until contact is recorded.
  await registratie.faseVastleggen({ zaakId, fase });
  while (contactOpgenomenOp === undefined) {
    const gehaald = await wf.condition(() => contactOpgenomenOp !== undefined, tot(contactUiterlijk));
    if (gehaald) break;
    escalaties.contact += 1;
    await registratie.escalatieVastleggen({ zaakId, termijn: 'contact', keer: escalaties.contact });
    contactUiterlijk = volgendeTermijn(contactUiterlijk, termijnen.contactHerhaling);
  }

  // Voorbereiding: the coordinator prepares the conference with the family.
  await naarFase('voorbereiding');
  await wf.condition(() => false);
}

/**
 * The next deadline one interval on. When that has passed already (workers were down), it
 * counts from now: one escalation after an outage, not one for every interval missed.
 */
function volgendeTermijn(vorige: number, interval: Duration): number {
  const volgende = na(vorige, interval);
  return volgende > Date.now() ? volgende : na(Date.now(), interval);
}

/** Time left until `moment`, at least 1 ms (a zero timeout would mean "no timeout"). */
function tot(moment: number): number {
  return Math.max(1, moment - Date.now());
}

function iso(moment: number | undefined): string | undefined {
  return moment === undefined ? undefined : new Date(moment).toISOString();
}
