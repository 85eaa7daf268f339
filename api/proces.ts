// The case workflow as the API sees it: start it, ask where it stands, give it commands.
// Temporal's errors become problems the caller understands (409 with the reason, 503).
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { AFWIJZING, type Reden } from '../workflows/afwijzing';
import type { Termijnen } from '../workflows/termijnen';
import type { zaak } from '../workflows/zaak';
import {
  nietBezorgdSignal,
  statusQuery,
  workflowIdVoorZaak,
  type NietBezorgd,
  type Opdrachtresultaat,
  type ZaakStatus,
} from '../workflows/zaak-interface';
import { Probleem } from './problem';

/** How long a read waits for the workflow's answer before showing the stored phase. */
const STATUS_WACHTTIJD_MS = 3000;
/** How long a start or a command may take before the caller hears "try again". */
const OPDRACHT_WACHTTIJD_MS = 15_000;

/** What the process needs of a stored case to start it. */
export interface TeStartenZaak {
  id: string;
  noodsituatie: boolean;
  aangevraagdOp: Date;
}

export interface Proces {
  /** Starts the case's workflow; a repeat joins the running one. Throws 503 when Temporal is out of reach. */
  start(zaak: TeStartenZaak): Promise<void>;
  /** The live status, or undefined when the workflow does not answer (not started, or out of reach). */
  status(zaakId: string): Promise<ZaakStatus | undefined>;
  /** Tells the case a message did not arrive after all (a provider's late report). */
  nietBezorgd(zaakId: string, melding: NietBezorgd): Promise<void>;
  /** Runs a command once per `opdrachtId` (the caller's Idempotency-Key with a hash of its request), or throws its refusal as 409. */
  opdracht<Arg>(
    zaakId: string,
    update: UpdateDefinition<Opdrachtresultaat, [Arg]>,
    arg: Arg,
    opdrachtId?: string,
  ): Promise<Opdrachtresultaat>;
}

export function procesVia(
  client: Client,
  taskQueue: string,
  termijnenVoor: (noodsituatie: boolean) => Termijnen,
): Proces {
  return {
    async start({ id, noodsituatie, aangevraagdOp }) {
      try {
        await client.connection.withDeadline(Date.now() + OPDRACHT_WACHTTIJD_MS, () =>
          client.workflow.start<typeof zaak>('zaak', {
            taskQueue,
            workflowId: workflowIdVoorZaak(id),
            args: [
              {
                zaakId: id,
                noodsituatie,
                aangevraagdOp: aangevraagdOp.toISOString(),
                termijnen: termijnenVoor(noodsituatie),
              },
            ],
            // A repeated start (idempotent retry) joins the running case; a closed case is never restarted.
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        );
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) return;
        throw onbereikbaar(err);
      }
    },

    async status(zaakId) {
      const handle = client.workflow.getHandle(workflowIdVoorZaak(zaakId));
      try {
        return await client.connection.withDeadline(Date.now() + STATUS_WACHTTIJD_MS, () => handle.query(statusQuery));
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError))
          console.warn(`status of case ${zaakId} unavailable: ${(err as Error).message}`);
        return undefined;
      }
    },

    async nietBezorgd(zaakId, melding) {
      try {
        await client.workflow.getHandle(workflowIdVoorZaak(zaakId)).signal(nietBezorgdSignal, melding);
      } catch (err) {
        // A closed case cannot be told; the message's status says it all.
        if (!(err instanceof WorkflowNotFoundError)) throw onbereikbaar(err);
      }
    },

    async opdracht(zaakId, update, arg, opdrachtId) {
      const handle = client.workflow.getHandle(workflowIdVoorZaak(zaakId));
      try {
        return await client.connection.withDeadline(Date.now() + OPDRACHT_WACHTTIJD_MS, () =>
          handle.executeUpdate(update, { args: [arg], updateId: updateId(update.name, opdrachtId) }),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) {
          throw new Probleem(
            'conflict',
            {
              nl: 'Het proces van deze zaak is nog niet gestart. Probeer het over een minuut opnieuw.',
              en: "This case's process has not started yet. Please try again in a minute.",
            },
            [],
            { code: 'proces-niet-gestart' },
          );
        }
        const reden = afwijzingVan(err);
        if (reden) throw new Probleem('conflict', { nl: reden.nl, en: reden.en }, [], { code: reden.code });
        throw onbereikbaar(err);
      }
    },
  };
}

/**
 * Temporal runs an update once per id. The caller's key already carries a hash of its
 * request, so a key reused for a different request is not mistaken for a repeat.
 */
function updateId(naam: string, opdrachtId: string | undefined): string | undefined {
  return opdrachtId === undefined ? undefined : `${naam}:${opdrachtId}`;
}

function afwijzingVan(err: unknown): Reden | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && cause.type === AFWIJZING) return cause.details?.[0] as Reden;
  return undefined;
}

function onbereikbaar(err: unknown): Probleem {
  console.error('Temporal call failed:', err instanceof Error ? err.message : err);
  return new Probleem('onbereikbaar', {
    nl: 'Het processysteem (Temporal) is nu niet bereikbaar. Probeer het zo opnieuw.',
    en: 'The process engine (Temporal) cannot be reached right now. Please try again shortly.',
  });
}
