// The one way in to the case process, for every caller (API, pages, CLI, tests): start a
// case, give it a command, read where it stands. Temporal's answers become the domain's:
// refused (with the process's reason), not started, or out of reach for now.
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { AFWIJZING } from '../workflows/afwijzing';
import {
  isRedencode,
  reden,
  nietBezorgdSignal,
  opdrachten,
  regiomanagersSignal,
  statusQuery,
  workflowIdVoorZaak,
  type NietBezorgd,
  type OpdrachtArg,
  type Opdrachtnaam,
  type Opdrachtresultaat,
  type Reden,
  type ZaakStart,
  type ZaakStatus,
} from '../workflows/contract';
import type { Termijnen } from '../workflows/termijnen';
import { beginToestand, statusVan } from '../workflows/toestand';
import type { zaak } from '../workflows/zaak';
import { Geweigerd, ProcesNietGestart, ProcesOnbereikbaar } from './fouten';
import { logboek } from '../service/logboek';

/** What the process needs of a stored request to start its case. */
export interface TeStartenZaak {
  id: string;
  noodsituatie: boolean;
  aangevraagdOp: Date;
}

export interface Zaakproces {
  /**
   * Starts the case's workflow; a repeat joins the running one. Answers the state a new
   * process begins in, known without asking it (a query would wait for its first task).
   */
  start(zaak: TeStartenZaak, opties?: { termijnen?: Termijnen; doorstartNa?: number }): Promise<ZaakStatus>;
  /**
   * Gives command `naam`, once per `opdrachtId` (a retry with the same id gets the first
   * answer). Throws Geweigerd with the process's reason (`zaak-afgesloten` once its process
   * has ended), ProcesNietGestart or ProcesOnbereikbaar.
   */
  opdracht<K extends Opdrachtnaam>(
    zaakId: string,
    naam: K,
    arg: OpdrachtArg<K>,
    opdrachtId?: string,
  ): Promise<Opdrachtresultaat>;
  /** Where the case stands; undefined when it has no process (yet). Throws ProcesOnbereikbaar. */
  status(zaakId: string): Promise<ZaakStatus | undefined>;
  /** Tells the case a message did not arrive after all (a provider's late report). */
  nietBezorgd(zaakId: string, melding: NietBezorgd): Promise<void>;
  /** Tells an open case its region's regiomanagers changed. */
  regiomanagersGewijzigd(zaakId: string, regiomanagers: string[]): Promise<void>;
  /** Whether Temporal answers now (for readiness checks). */
  bereikbaar(): Promise<boolean>;
}

export interface Procesinstellingen {
  taskQueue: string;
  /** The timings a new case starts with (emergency or not). */
  termijnenVoor: (noodsituatie: boolean) => Termijnen;
  /** How long a read waits for the workflow's answer. */
  statusWachttijdMs?: number;
  /** How long a start or a command may take before the caller hears "try again". */
  opdrachtWachttijdMs?: number;
}

/** After this many seconds a caller may try again; a worker restarting is back by then. */
const OPNIEUW_NA_SECONDEN = 5;
/** A request stored while Temporal was away has its process started by the sweep within about this. */
const GESTART_BINNEN_SECONDEN = 90;

export function zaakprocesVia(client: Client, instellingen: Procesinstellingen): Zaakproces {
  const { taskQueue, termijnenVoor, statusWachttijdMs = 3000, opdrachtWachttijdMs = 15_000 } = instellingen;
  const binnen = <T>(ms: number, werk: () => Promise<T>) => client.connection.withDeadline(Date.now() + ms, werk);
  const handle = (zaakId: string) => client.workflow.getHandle<typeof zaak>(workflowIdVoorZaak(zaakId));

  /** No run took the command: the case's process has ended, or it has not started yet. */
  async function waaromNietGevonden(zaakId: string): Promise<Error> {
    try {
      const { status } = await binnen(statusWachttijdMs, () => handle(zaakId).describe());
      // Running after all: the command met the moment a run started afresh.
      return status.name === 'RUNNING'
        ? new ProcesOnbereikbaar(OPNIEUW_NA_SECONDEN)
        : Geweigerd.om(reden('zaak-afgesloten'));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return new ProcesNietGestart(zaakId, GESTART_BINNEN_SECONDEN);
      return onbereikbaar(err);
    }
  }

  return {
    async start({ id, noodsituatie, aangevraagdOp }, opties = {}) {
      const begin: ZaakStart = {
        zaakId: id,
        noodsituatie,
        aangevraagdOp: aangevraagdOp.toISOString(),
        termijnen: opties.termijnen ?? termijnenVoor(noodsituatie),
        ...(opties.doorstartNa !== undefined && { doorstartNa: opties.doorstartNa }),
      };
      try {
        await binnen(opdrachtWachttijdMs, () =>
          client.workflow.start<typeof zaak>('zaak', {
            taskQueue,
            workflowId: workflowIdVoorZaak(id),
            args: [begin],
            // A repeated start (idempotent retry) joins the running case; a closed case is never restarted.
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          }),
        );
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw onbereikbaar(err);
      }
      return statusVan(beginToestand(begin));
    },

    async opdracht(zaakId, naam, arg, opdrachtId) {
      try {
        return await binnen(opdrachtWachttijdMs, () =>
          handle(zaakId).executeUpdate(opdrachten[naam], {
            args: [arg],
            // Temporal runs an update once per id. The caller's id already carries a hash of
            // its request, so an id reused for a different request is not mistaken for a repeat.
            updateId: opdrachtId === undefined ? undefined : `${naam}:${opdrachtId}`,
          }),
        );
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw await waaromNietGevonden(zaakId);
        const weigering = weigeringVan(err);
        if (weigering) throw weigering;
        // The command failed inside the process for another reason: ours to fix, not the caller's.
        if (err instanceof WorkflowUpdateFailedError) throw err;
        throw onbereikbaar(err);
      }
    },

    async status(zaakId) {
      try {
        return await binnen(statusWachttijdMs, () => handle(zaakId).query(statusQuery));
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return undefined;
        throw onbereikbaar(err);
      }
    },

    async nietBezorgd(zaakId, melding) {
      try {
        await binnen(opdrachtWachttijdMs, () => handle(zaakId).signal(nietBezorgdSignal, melding));
      } catch (err) {
        // A closed case cannot be told; the message's status says it all.
        if (!(err instanceof WorkflowNotFoundError)) throw onbereikbaar(err);
      }
    },

    async regiomanagersGewijzigd(zaakId, regiomanagers) {
      try {
        await binnen(opdrachtWachttijdMs, () => handle(zaakId).signal(regiomanagersSignal, { regiomanagers }));
      } catch (err) {
        // A case closed in the meantime keeps the regiomanagers it had.
        if (!(err instanceof WorkflowNotFoundError)) throw onbereikbaar(err);
      }
    },

    async bereikbaar() {
      try {
        await binnen(2000, () => client.workflowService.describeNamespace({ namespace: client.options.namespace }));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/**
 * The process's refusal, written from the catalogue when its code and values are known here;
 * otherwise (a worker of another version) with the texts the refusal carries.
 */
export function weigeringVan(err: unknown): Geweigerd | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const { cause } = err;
  if (!(cause instanceof ApplicationFailure) || cause.type !== AFWIJZING) return undefined;
  const details = (cause.details?.[0] ?? {}) as { code?: unknown; waarden?: unknown; nl?: unknown; en?: unknown };
  const code = typeof details.code === 'string' ? details.code : 'geweigerd';
  if (isRedencode(code)) {
    try {
      return Geweigerd.om({ code, waarden: details.waarden } as Reden);
    } catch {
      // Values of another shape than this catalogue's: the carried texts below.
    }
  }
  const meegegeven =
    typeof details.nl === 'string' && typeof details.en === 'string' ? { nl: details.nl, en: details.en } : undefined;
  return new Geweigerd(undefined, meegegeven ?? { nl: cause.message, en: cause.message }, code);
}

function onbereikbaar(err: unknown): ProcesOnbereikbaar {
  logboek.warn({ err }, 'zaakproces onbereikbaar');
  return new ProcesOnbereikbaar(OPNIEUW_NA_SECONDEN, { cause: err });
}
