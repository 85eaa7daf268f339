// Ending a case: the circle agreed at the evaluation (uitvoering.ts), or the regiomanager
// closes it; and at any phase the family may withdraw (participation is voluntary) or the
// regiomanager cancel. These three always with a reason (their schema requires it).
// Recorded; coordinator and regiomanager are told.
import type { Gebeurtenis } from '../activities/gebeurtenissen';
import { ACTIEVE_FASEN, reden, type Afsluiting, type Door } from './contract';
import type { Proces } from './fase';
import type { Regels } from './opdrachtmotor';
import { coordinator, genodigden, iso, regiomanager } from './toestand';

export async function sluit(
  p: Proces,
  soort: Afsluiting,
  door: Door,
  redenId?: string,
  vooraf: Gebeurtenis[] = [],
  /** Open signals the reason addresses, so the record says they were closed with the case. */
  signalen?: string[],
): Promise<void> {
  const { z, reg } = p;
  // A confirmed date the case closes before: out of the invitees' calendars.
  const vervalt = p.regels.gezin && z.fase === 'voorbereiding' && z.voorbereiding.bevestigd !== undefined;
  const afgesloten = { soort: 'afgesloten' as const, afsluiting: soort, redenId, ...(signalen && { signalen }) };
  await reg.leg(
    [...vooraf, afgesloten],
    door,
    (n) => {
      n.fase = 'afgesloten';
      n.afsluiting = { soort, op: iso(Date.now()), redenId };
    },
    (n) => [
      {
        soort: 'zaak.afgesloten',
        sleutel: 'afgesloten',
        aan: [...coordinator(n), ...regiomanager(n)],
        details: { afsluiting: soort },
      },
      ...(vervalt
        ? [
            {
              soort: 'conferentie.vervallen' as const,
              sleutel: 'conferentie.vervallen',
              aan: [...genodigden(n), ...coordinator(n)],
            },
          ]
        : []),
    ],
  );
}

/** "Het gaat niet goed" signals nobody has taken up yet. */
export const openSignalen = ({ z }: Proces) => z.uitvoering.signalen.filter((s) => !s.opgepakt);

export function afsluiting(p: Proces): Regels<'afsluiten' | 'intrekken' | 'annuleren'> {
  return {
    afsluiten: {
      fasen: ['uitvoering'],
      // No closing over an open signal, unless the reason addresses each of them by name.
      controle: ({ signalen = [] }) => {
        const open = openSignalen(p).filter((s) => !signalen.includes(s.id));
        return p.regels.beloften && open.length > 0 ? reden('open-signaal', { aantal: open.length }) : undefined;
      },
      uitvoeren: ({ redenId, door, signalen }) => {
        const benoemd = openSignalen(p)
          .map((s) => s.id)
          .filter((id) => signalen?.includes(id));
        return sluit(p, 'afgerond', door, redenId, [], benoemd.length > 0 ? benoemd : undefined);
      },
    },
    intrekken: {
      fasen: ACTIEVE_FASEN,
      uitvoeren: ({ redenId, door }) => sluit(p, 'ingetrokken', door, redenId),
    },
    annuleren: {
      fasen: ACTIEVE_FASEN,
      uitvoeren: ({ redenId, door }) => sluit(p, 'geannuleerd', door, redenId),
    },
  };
}
