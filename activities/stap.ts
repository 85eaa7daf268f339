// One durable step of a case: record a transition, decide its messages and hand those due now
// to the provider, in one activity instead of three. Exactly-once still rests on the rows: a
// retry records nothing twice (the events' key), decides nothing twice (the message's key)
// and sends nothing twice (the outbox row's status). A delivery that fails here is not
// retried here: the workflow hands it to `bezorgen`, whose retries are bounded, so a
// provider that is down never holds up the record, whose retries are not.
import type { createDossierActivities } from './dossier';
import type { Melden, Vastlegging } from './gebeurtenissen';
import type { createNotificatieActivities, Gemeld, Kanaal, Mislukking } from './notificaties';

export interface Stap {
  vastlegging?: Vastlegging;
  /** The messages of the step, each with the channels it may go out on now (SMS waits out the night). */
  meldingen: Array<Melden & { nu: Kanaal[] }>;
}

export interface Gezet extends Gemeld {
  /** The channels handed to the provider in this step. */
  bezorgd: Kanaal[];
  /** Messages of those channels the provider will never take. */
  mislukt: Mislukking[];
}

type Onderdelen = Pick<ReturnType<typeof createDossierActivities>, 'vastleggen'> &
  Pick<ReturnType<typeof createNotificatieActivities>, 'melden' | 'bezorgen'>;

export function createStapActivities({ vastleggen, melden, bezorgen }: Onderdelen) {
  return {
    async stap({ vastlegging, meldingen }: Stap): Promise<Gezet[]> {
      if (vastlegging) await vastleggen(vastlegging);
      const gezet: Gezet[] = [];
      for (const { nu, ...melding } of meldingen) {
        const gemeld = await melden(melding);
        const uit: Gezet = { ...gemeld, bezorgd: [], mislukt: [] };
        for (const kanaal of gemeld.kanalen.filter((k) => nu.includes(k))) {
          try {
            uit.mislukt.push(...(await bezorgen({ zaakId: melding.zaakId, sleutel: melding.sleutel, kanaal })));
            uit.bezorgd.push(kanaal);
          } catch {
            // Left for `bezorgen` and its retries; the outbox row says how far this attempt got.
          }
        }
        gezet.push(uit);
      }
      return gezet;
    },
  };
}
