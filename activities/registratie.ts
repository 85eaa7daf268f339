// Writes what the case workflow decided into the case record, so the API can list and
// search cases without asking Temporal. Every write is idempotent: a retried activity
// finds its own key (run id + activity id) already recorded and changes nothing.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { Fase } from '../workflows/zaak-interface';

export interface RegistratieDeps {
  prisma: PrismaClient;
}

/** Stable for every attempt of one activity execution, unique across executions. */
function schrijfsleutel(): string {
  const { workflowExecution, activityId } = Context.current().info;
  if (!workflowExecution) throw new Error('registration activities run only inside a workflow');
  return `${workflowExecution.runId}:${activityId}`;
}

/** A case whose record is gone (deleted by hand, say) cannot be recorded: retrying will not help. */
async function zolangDeZaakBestaat<T>(zaakId: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = (err as Prisma.PrismaClientKnownRequestError).code;
    if (code === 'P2025' || code === 'P2003') {
      throw ApplicationFailure.nonRetryable(`case ${zaakId} has no record in the database`, 'ZaakOntbreekt');
    }
    throw err;
  }
}

export function createRegistratieActivities({ prisma }: RegistratieDeps) {
  async function procesgebeurtenis(zaakId: string, actie: string, details: Prisma.InputJsonObject) {
    await zolangDeZaakBestaat(zaakId, () =>
      prisma.auditEvent.createMany({
        data: [{ zaakId, actor: 'proces', actie, details, sleutel: schrijfsleutel() }],
        skipDuplicates: true,
      }),
    );
  }

  return {
    async faseVastleggen({ zaakId, fase }: { zaakId: string; fase: Fase }): Promise<void> {
      await zolangDeZaakBestaat(zaakId, () => prisma.zaak.update({ where: { id: zaakId }, data: { fase } }));
      await procesgebeurtenis(zaakId, 'fase.gewijzigd', { fase });
    },

    async contactVastleggen({ zaakId, op }: { zaakId: string; op: string }): Promise<void> {
      await procesgebeurtenis(zaakId, 'intake.contact', { op });
    },

    /** Records that a deadline passed; the regiomanager sees it in the case's timeline. */
    async escalatieVastleggen({ zaakId, termijn, keer }: { zaakId: string; termijn: string; keer: number }) {
      await procesgebeurtenis(zaakId, 'escalatie', { termijn, keer });
    },
  };
}
