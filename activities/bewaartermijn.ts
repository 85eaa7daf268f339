// The retention sweep's side effects: which closed cases are due, anonymising one, and the
// sweep's own line in the audit trail (counts, never names).
import type { PrismaClient } from '@prisma/client';
import { STANDAARD_BEWAARTERMIJN_DAGEN } from '../config/bewaartermijn';
import {
  achtergeblevenenAnonimiseren,
  teAnonimiseren,
  zaakAnonimiseren,
  type Anonimisering,
} from '../prisma/anonimisering';

/** A person stored for a command that was refused, in no case, is kept this long, then anonymised. */
const LOS_NA_DAGEN = 30;

export interface BewaartermijnDeps {
  prisma: PrismaClient;
  /** BEWAARTERMIJN_DAGEN; absent: the default. */
  bewaartermijnDagen?: number;
}

/** What one sweep did. */
export interface Bewaarverslag {
  /** Cases anonymised by this sweep. */
  zaken: number;
  /** Persons anonymised with them, and persons left in no case. */
  personen: number;
  /** Cases past their period that a legal hold keeps. */
  aangehouden: number;
  /** Cases that failed again and again: left for the next sweep (their ids are in the run's history). */
  mislukt: number;
}

export function createBewaartermijnActivities({ prisma, bewaartermijnDagen }: BewaartermijnDeps) {
  const termijnen = { standaardDagen: bewaartermijnDagen ?? STANDAARD_BEWAARTERMIJN_DAGEN };
  return {
    /** Up to `limiet` cases due by `nu` (the sweep's time, so that a test's skipped time counts). */
    async teAnonimiserenZaken({ nu, limiet, overslaan = [] }: { nu: string; limiet: number; overslaan?: string[] }) {
      return teAnonimiseren(prisma, new Date(nu), termijnen, limiet, overslaan);
    },
    async zaakAnonimiseren({ zaakId }: { zaakId: string }): Promise<Anonimisering> {
      return zaakAnonimiseren(prisma, zaakId);
    },
    /** People no case names any more and who do not work for kring: up to `limiet`; returns how many. */
    async achtergeblevenenAnonimiseren({ nu, limiet }: { nu: string; limiet: number }): Promise<number> {
      return achtergeblevenenAnonimiseren(prisma, new Date(Date.parse(nu) - LOS_NA_DAGEN * 24 * 60 * 60_000), limiet);
    },
    async bewaarverslagVastleggen({ verslag, sleutel }: { verslag: Bewaarverslag; sleutel: string }) {
      // The sweep's run id as key: a retried activity records its report once.
      await prisma.auditEvent.createMany({
        data: [
          { actor: 'proces', via: 'bewaartermijn', actie: 'bewaartermijn.verwerkt', details: { ...verslag }, sleutel },
        ],
        skipDuplicates: true,
      });
    },
  };
}
