// Case data for tests: a valid request as an API caller sends it, and a stored case record.
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { workflowIdVoorZaak } from '../../workflows/zaak-interface';

export function geldigeAanvraag(overrides: Record<string, unknown> = {}) {
  return {
    aanvrager: {
      relatie: 'professional',
      naam: 'Anna de Vries',
      organisatie: 'Jeugdbescherming Flevoland',
      email: 'anna.devries@example.org',
    },
    hoofdpersoon: { naam: 'Samira El Amrani', telefoon: '06-12345678', email: 'samira@example.org' },
    regio: 'Flevoland',
    vraag: 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?',
    noodsituatie: false,
    wensen: { taal: 'Arabisch', geslacht: 'vrouw' },
    ...overrides,
  };
}

/** A case record as the API stores it (main person who asked herself), without starting its workflow. */
export async function opgeslagenZaak(prisma: PrismaClient, noodsituatie = false) {
  const id = crypto.randomUUID();
  const hoofdpersoon = await prisma.persoon.create({ data: { naam: 'Samira El Amrani', telefoon: '+31612345678' } });
  return prisma.zaak.create({
    data: {
      id,
      regio: 'Flevoland',
      noodsituatie,
      workflowId: workflowIdVoorZaak(id),
      deelnemers: {
        create: [
          { persoonId: hoofdpersoon.id, rol: 'hoofdpersoon' },
          { persoonId: hoofdpersoon.id, rol: 'aanvrager', relatie: 'hoofdpersoon' },
        ],
      },
    },
  });
}
