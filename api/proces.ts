// The case workflow as the API sees it: start it, ask where it stands, give it commands.
// Temporal's errors become problems the caller understands (404, 409 with the reason, 503).
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { AFWIJZING, type Reden } from '../workflows/afwijzing';
import type { zaak } from '../workflows/zaak';
import { statusQuery, workflowIdVoorZaak, type ZaakStart, type ZaakStatus } from '../workflows/zaak-interface';
import { Probleem } from './problem';

/** How long a read waits for the workflow's answer before showing the stored phase. */
const STATUS_WACHTTIJD_MS = 3000;
/** How long a start or a command may take before the caller hears "try again". */
const OPDRACHT_WACHTTIJD_MS = 15_000;

export interface Proces {
  start(start: ZaakStart): Promise<void>;
  /** The live status, or undefined when Temporal or every worker is out of reach. */
  status(zaakId: string): Promise<ZaakStatus | undefined>;
  opdracht<Arg>(zaakId: string, update: UpdateDefinition<ZaakStatus, [Arg]>, arg: Arg, opdrachtId?: string): Promise<ZaakStatus>;
}

export function procesVia(client: Client, taskQueue: string): Proces {
  return {
    async start(start) {
      try {
        await client.connection.withDeadline(Date.now() + OPDRACHT_WACHTTIJD_MS, () =>
          client.workflow.start<typeof zaak>('zaak', {
            taskQueue,
            workflowId: workflowIdVoorZaak(start.zaakId),
            args: [start],
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
        if (err instanceof WorkflowNotFoundError) throw procesOntbreekt();
        return undefined;
      }
    },

    async opdracht(zaakId, update, arg, opdrachtId) {
      const handle = client.workflow.getHandle(workflowIdVoorZaak(zaakId));
      try {
        // The Idempotency-Key becomes the update id: Temporal runs a repeated command once.
        return await client.connection.withDeadline(Date.now() + OPDRACHT_WACHTTIJD_MS, () =>
          handle.executeUpdate(update, { args: [arg], updateId: opdrachtId }),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw procesOntbreekt();
        const reden = afwijzingVan(err);
        if (reden) throw new Probleem('conflict', { nl: reden.nl, en: reden.en }, [], { code: reden.code });
        throw onbereikbaar(err);
      }
    },
  };
}

function afwijzingVan(err: unknown): Reden | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (cause instanceof ApplicationFailure && cause.type === AFWIJZING) return cause.details?.[0] as Reden;
  return undefined;
}

function procesOntbreekt(): Probleem {
  return new Probleem('niet-gevonden', {
    nl: 'Het proces van deze zaak bestaat niet (meer) in Temporal.',
    en: "This case's process does not exist (any more) in Temporal.",
  });
}

function onbereikbaar(err: unknown): Probleem {
  console.error('Temporal call failed:', err);
  return new Probleem('onbereikbaar', {
    nl: 'Het processysteem (Temporal) is nu niet bereikbaar. Probeer het zo opnieuw.',
    en: 'The process engine (Temporal) cannot be reached right now. Please try again shortly.',
  });
}
