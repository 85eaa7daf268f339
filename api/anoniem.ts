// Who a case shows by name. In a case the retention sweep anonymised, everyone who took part
// shows as their pseudonym, without contact details or organisation, even while a newer case
// still names them (their record keeps its name for that case). The case's coordinator and
// regiomanager(s) are staff: they keep their names. A case not anonymised shows everyone as is.
import type { PrismaClient } from '@prisma/client';
import { pseudoniem } from '../prisma/anonimisering';

/** What decides who a case shows by name: whether it is anonymised, and its staff. */
export interface Naamzicht {
  geanonimiseerdOp: Date | null;
  coordinatorId: string | null;
  regiomanagerId: string | null;
  /** The case's participants, or at least its coordinator and regiomanager deelnames. */
  deelnemers?: ReadonlyArray<{ persoonId: string; rol: string }>;
}

const STAF = ['coordinator', 'regiomanager'];

/** Whether this person shows as their pseudonym in this case. */
export function verhuld(zaak: Naamzicht, persoonId: string): boolean {
  if (!zaak.geanonimiseerdOp) return false;
  if (persoonId === zaak.coordinatorId || persoonId === zaak.regiomanagerId) return false;
  return !zaak.deelnemers?.some((d) => d.persoonId === persoonId && STAF.includes(d.rol));
}

/** A person's name as this case shows it. */
export function naamInZaak(zaak: Naamzicht, persoonId: string, naam: string): string {
  return verhuld(zaak, persoonId) ? pseudoniem(persoonId) : naam;
}

interface Persoonsvelden {
  id: string;
  naam: string;
  email: string | null;
  telefoon: string | null;
  organisatie: string | null;
}

/** A person as this case shows them: hidden, a pseudonym with no contact details or organisation. */
export function persoonInZaak<P extends Persoonsvelden>(zaak: Naamzicht, p: P): P {
  return verhuld(zaak, p.id) ? { ...p, naam: pseudoniem(p.id), email: null, telefoon: null, organisatie: null } : p;
}

/** The case record with its participants as it shows them; a case not anonymised as it is. */
export function zaakZoalsGetoond<
  Z extends Omit<Naamzicht, 'deelnemers'> & {
    deelnemers: Array<{ persoonId: string; rol: string; persoon: Persoonsvelden }>;
  },
>(zaak: Z): Z {
  if (!zaak.geanonimiseerdOp) return zaak;
  return { ...zaak, deelnemers: zaak.deelnemers.map((d) => ({ ...d, persoon: persoonInZaak(zaak, d.persoon) })) };
}

/** For a read that has only the case's id: what decides, from the stored case. */
export async function naamzicht(prisma: PrismaClient, zaakId: string): Promise<Naamzicht> {
  const zaak = await prisma.zaak.findUnique({
    where: { id: zaakId },
    select: {
      geanonimiseerdOp: true,
      coordinatorId: true,
      regiomanagerId: true,
      deelnemers: { where: { rol: { in: ['coordinator', 'regiomanager'] } }, select: { persoonId: true, rol: true } },
    },
  });
  // A case that is not there names nobody: nothing to hide.
  return zaak ?? { geanonimiseerdOp: null, coordinatorId: null, regiomanagerId: null };
}
