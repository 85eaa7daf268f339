// Voorwaarden: where youth protection, probation, debt restructuring, a curator or a court
// measure is involved, that professional may set conditions on the plan, with the concerns
// behind them, on a form. A new version replaces the one before; a published form is a
// public document that every invitee may read. The plan is later checked against the
// published conditions only (conferentie.ts). Agreed from the request on, so in intake and
// voorbereiding.
import { reden } from './contract';
import type { Proces } from './fase';
import type { Regels } from './opdrachtmotor';
import { coordinator, deelnemer, genodigden } from './toestand';

export function voorwaarden({ z, reg }: Proces): Regels<'voorwaardenIndienen' | 'voorwaardenPubliceren'> {
  const eigen = (professionalId: string) => z.voorwaarden.find((v) => v.professionalId === professionalId);

  return {
    voorwaardenIndienen: {
      fasen: ['intake', 'voorbereiding'],
      controle: ({ door, versie, aantal }) => {
        if (!deelnemer(z, door.persoonId, 'professional')?.wettelijkeRol) return reden('geen-wettelijke-rol');
        const eerder = eigen(door.persoonId);
        return aantal < 1 || (eerder && versie <= eerder.ingediend.versie) ? reden('ongeldige-versie') : undefined;
      },
      uitvoeren: ({ door, formulierId, versie, aantal }) =>
        reg.leg(
          [{ soort: 'voorwaarden.ingediend', formulierId, professionalId: door.persoonId, versie, aantal }],
          door,
          (n) => {
            const eerder = n.voorwaarden.find((v) => v.professionalId === door.persoonId);
            if (eerder) eerder.ingediend = { formulierId, versie, aantal };
            else n.voorwaarden.push({ professionalId: door.persoonId, ingediend: { formulierId, versie, aantal } });
          },
        ),
    },

    voorwaardenPubliceren: {
      fasen: ['intake', 'voorbereiding'],
      controle: ({ door, formulierId }) => {
        const formulier = eigen(door.persoonId);
        return formulier?.ingediend.formulierId !== formulierId || formulier.gepubliceerd?.formulierId === formulierId
          ? reden('niet-te-publiceren')
          : undefined;
      },
      uitvoeren: async ({ door, formulierId }) => {
        await reg.leg(
          [{ soort: 'voorwaarden.gepubliceerd', formulierId }],
          door,
          (n) => {
            const formulier = n.voorwaarden.find((v) => v.professionalId === door.persoonId)!;
            formulier.gepubliceerd = formulier.ingediend;
          },
          // A public document: the coordinator lets every invitee read it.
          (n) => [
            {
              soort: 'voorwaarden.gedeeld',
              sleutel: `voorwaarden.${formulierId}`,
              aan: [...genodigden(n), ...coordinator(n)],
            },
          ],
        );
      },
    },
  };
}
