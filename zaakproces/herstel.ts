// A request stored while Temporal was out of reach keeps its place: this sweep starts the
// workflow of every case still waiting in "aanvraag", once Temporal answers again. It also
// tells open cases of a region that changed hands when they were not told at the time.
import type { PrismaClient } from '@prisma/client';
import type { Zaakproces } from './client';
import { regiomanagersBijwerken } from './overdracht';

/** Younger requests are still in the hands of the request that stored them. */
const ONGEMOEID_MS = 30_000;
const ELKE_MS = 60_000;

export interface Herstel {
  /** One sweep now; resolves to the number of cases whose workflow it started. */
  eenmaal(): Promise<number>;
  stop(): void;
  /** What the sweeps did since this process started (for /metrics): sweeps run, workflows started. */
  tellingen(): { rondes: number; gestart: number };
}

export function startHerstel(prisma: PrismaClient, proces: Zaakproces): Herstel {
  let bezig: Promise<number> | undefined;
  const tellingen = { rondes: 0, gestart: 0 };
  const eenmaal = () => {
    bezig ??= sweep(prisma, proces)
      .then((gestart) => {
        tellingen.gestart += gestart;
        return gestart;
      })
      .finally(() => {
        tellingen.rondes++;
        bezig = undefined;
      });
    return bezig;
  };
  const timer = setInterval(() => void eenmaal().catch(() => undefined), ELKE_MS);
  timer.unref();
  return { eenmaal, stop: () => clearInterval(timer), tellingen: () => ({ ...tellingen }) };
}

async function sweep(prisma: PrismaClient, proces: Zaakproces): Promise<number> {
  const wachtend = await prisma.zaak.findMany({
    where: { fase: 'aanvraag', aangevraagdOp: { lt: new Date(Date.now() - ONGEMOEID_MS) } },
    select: { id: true, noodsituatie: true, aangevraagdOp: true },
    orderBy: { aangevraagdOp: 'asc' },
    take: 100,
  });
  let gestart = 0;
  for (const zaak of wachtend) {
    try {
      await proces.start(zaak);
      gestart++;
    } catch {
      return gestart; // Temporal is still away: the next sweep tries again.
    }
  }
  await regiomanagersBijwerken(prisma, proces).catch(() => undefined);
  return gestart;
}
