// Case data for tests: a valid request as an API caller sends it, and a stored case record.
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { aanvraagVastleggen, ZaakAanvraag } from '../../zaakproces';

/** A request with addresses of its own: kring knows people by address, and tests must not share them. */
export function geldigeAanvraag(overrides: Record<string, unknown> = {}) {
  const eigen = crypto.randomUUID().slice(0, 8);
  return {
    aanvrager: {
      relatie: 'professional',
      naam: 'Anna de Vries',
      organisatie: 'Jeugdbescherming Flevoland',
      email: `anna.devries.${eigen}@example.org`,
    },
    hoofdpersoon: { naam: 'Samira El Amrani', telefoon: '06-12345678', email: `samira.${eigen}@example.org` },
    regio: 'Flevoland',
    vraag: 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?',
    noodsituatie: false,
    wensen: { taal: 'Arabisch', geslacht: 'vrouw' },
    ...overrides,
  };
}

/** A case record as the API stores it (main person who asked herself), without starting its workflow. */
export function opgeslagenZaak(prisma: PrismaClient, noodsituatie = false) {
  return aanvraagVastleggen(
    prisma,
    ZaakAanvraag.parse({
      aanvrager: { relatie: 'hoofdpersoon' },
      hoofdpersoon: { naam: 'Samira El Amrani', telefoon: '+31612345678' },
      regio: 'Flevoland',
      noodsituatie,
    }),
  );
}

/** The region the default request names, known to kring (set up once per database). */
export async function bekendeRegio(prisma: PrismaClient, naam = 'Flevoland'): Promise<void> {
  await prisma.regio.upsert({ where: { naam }, create: { naam }, update: {} });
}
