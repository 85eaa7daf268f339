// A region that changes hands: its open cases are told who its regiomanagers are now, so
// that reach (the API's, by region) and the right to act (the process's) change together.
// The database is the truth; a case that was not told (Temporal away, a change made with the
// CLI) is found and told by the next sweep.
import type { PrismaClient } from '@prisma/client';
import type { Zaakproces } from './client';

/** Tells every open case (of this region, or of all) whose regiomanagers differ; returns how many. */
export async function regiomanagersBijwerken(
  prisma: PrismaClient,
  proces: Zaakproces,
  regio?: string,
): Promise<number> {
  const [zaken, beheer] = await Promise.all([
    prisma.zaak.findMany({
      where: { fase: { in: ['intake', 'voorbereiding', 'conferentie', 'uitvoering'] }, ...(regio && { regio }) },
      select: { id: true, regio: true, deelnemers: { where: { rol: 'regiomanager' }, select: { persoonId: true } } },
    }),
    prisma.regioManager.findMany({ where: regio ? { regio } : {} }),
  ]);
  const huidig = (r: string) =>
    beheer
      .filter((b) => b.regio === r)
      .map((b) => b.persoonId)
      .sort();
  let verteld = 0;
  for (const zaak of zaken) {
    const nu = huidig(zaak.regio);
    const bekend = zaak.deelnemers.map((d) => d.persoonId).sort();
    if (nu.join() === bekend.join()) continue;
    await proces.regiomanagersGewijzigd(zaak.id, nu);
    verteld++;
  }
  return verteld;
}
