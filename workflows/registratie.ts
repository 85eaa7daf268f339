// How the workflow records and tells: one change at a time, in the order the case went
// through them, and every message it decides delivered once, or someone told it was not.
//
// Commands and timers take their turn here, so the database sees the case's changes in the
// same order as its state, and a command never checks a state another is changing.
import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { Berichtsoort } from '../activities/berichten/soorten';
import type { Gebeurtenis, Ontvanger } from '../activities/gebeurtenissen';
import type { Kanaal, Mislukking } from '../activities/notificaties';
import type { Gezet, Stap } from '../activities/stap';
import { DRINGEND, smsMoment } from './stilte';
import { coordinator, huidigeTermijn, iso, regiomanager, type ZaakToestand } from './toestand';
import type { Door, NietBezorgd } from './contract';

const activiteiten = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // No attempt limit: a database outage delays the record, it must never lose it.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// Providers get a bounded effort (about half an hour); then the message is marked failed and
// a person is told, rather than retrying a dead number for ever.
const POGINGEN = 7;
const bezorgbeleid = { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' } as const;
const bezorging = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...bezorgbeleid, maximumAttempts: POGINGEN },
});
// The same effort when the step itself made the first attempt.
const verdereBezorging = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...bezorgbeleid, maximumAttempts: POGINGEN - 1 },
});

export const { zaakOpenen, kandidatenZoeken, aanvraagOpenen } = activiteiten;

/** A message a step brings: its kind, its occurrence, to whom, and what it says. */
export interface Melding {
  soort: Berichtsoort;
  sleutel: string;
  aan: Ontvanger[];
  details?: Record<string, string | number | boolean>;
}

export class Registratie {
  private staart: Promise<unknown> = Promise.resolve();
  /** The running deadline as last recorded; a new run records it once more, harmlessly. */
  private vastgelegdeTermijn?: string;
  /** Goes up with every recorded change: timers re-plan when it moves. */
  versie = 0;
  /** Deliveries under way in the background. */
  lopend = 0;
  /** Whether a person's command is being carried out: its caller waits for the answer, not for a provider. */
  private inOpdracht = false;

  constructor(
    private readonly z: ZaakToestand,
    /**
     * Whether a recorded change is made on the live state (runs with the 'regios' rules), so a
     * change made meanwhile outside the turn (a region changing hands, an SMS held back) stays;
     * runs from before put their copy back, as they always did.
     */
    private readonly opLevend = false,
    /**
     * Whether a step's record, its messages and their delivery are one activity (runs with the
     * 'een-stap' rule); runs from before take three, as they always did.
     */
    private readonly eenStap = false,
  ) {}

  /** Runs `werk` after everything queued before it; one at a time. */
  beurt<T>(werk: () => Promise<T>): Promise<T> {
    const resultaat = this.staart.then(werk);
    this.staart = resultaat.catch(() => undefined);
    return resultaat;
  }

  /** A command's turn: its messages are delivered after its answer, in the background. */
  opdracht<T>(werk: () => Promise<T>): Promise<T> {
    return this.beurt(async () => {
      this.inOpdracht = true;
      try {
        return await werk();
      } finally {
        this.inOpdracht = false;
      }
    });
  }

  /**
   * Records events, then makes the change `wijzig` describes: a change shows in the state
   * only once it is in the case record. The running deadline is recorded along with it
   * when the change moves it. `melden` gives the messages the change brings, from the
   * state as changed: they are decided, and sent, in the same step.
   */
  async leg(
    gebeurtenissen: Gebeurtenis[],
    door?: Door,
    wijzig?: (z: ZaakToestand) => void,
    melden?: (z: ZaakToestand) => Melding[],
  ): Promise<void> {
    const nieuw = JSON.parse(JSON.stringify(this.z)) as ZaakToestand;
    wijzig?.(nieuw);
    const lopend = huidigeTermijn(nieuw);
    const termijn = JSON.stringify(lopend ?? null);
    const metTermijn: Gebeurtenis[] =
      termijn === this.vastgelegdeTermijn
        ? gebeurtenissen
        : [...gebeurtenissen, { soort: 'termijn', termijn: lopend?.soort ?? null, op: lopend?.op ?? null }];
    const vastlegging = {
      zaakId: this.z.zaakId,
      op: iso(Date.now()),
      doorId: door?.persoonId,
      gebeurtenissen: metTermijn,
    };
    const meldingen = (melden?.(nieuw) ?? []).filter((m) => m.aan.length > 0).map((m) => this.nuTeBezorgen(m));
    const gezet = this.eenStap
      ? await activiteiten.stap({ vastlegging, meldingen })
      : await activiteiten.vastleggen(vastlegging).then(() => undefined);
    if (this.opLevend) wijzig?.(this.z);
    else Object.assign(this.z, nieuw);
    this.vastgelegdeTermijn = termijn;
    this.versie++;
    for (const [i, m] of meldingen.entries()) {
      if (gezet) this.verder(m, gezet[i]!);
      else await this.meld(m.soort, m.sleutel, m.aan, m.details);
    }
  }

  /**
   * Decides a message to each recipient and sends it on their channels. Email goes at once;
   * SMS waits out the quiet hours (escalations to staff excepted). Delivery does not hold up
   * the command or timer that decided it: it goes in the same step, or, when the provider
   * did not take it there, in the background.
   */
  async meld(
    soort: Berichtsoort,
    sleutel: string,
    aan: Ontvanger[],
    details?: Record<string, string | number | boolean>,
  ) {
    if (aan.length === 0) return;
    const melding: Melding = { soort, sleutel, aan, details };
    if (this.eenStap) {
      const metNu = this.nuTeBezorgen(melding);
      const [gezet] = await activiteiten.stap({ meldingen: [metNu] });
      return this.verder(metNu, gezet!);
    }
    const { kanalen, zonderKanaal } = await activiteiten.melden({ zaakId: this.z.zaakId, ...melding });
    this.verder({ zaakId: this.z.zaakId, ...melding, nu: [] }, { kanalen, zonderKanaal, bezorgd: [], mislukt: [] });
  }

  /** When a message on this channel may go out: now, or (an SMS at night) in the morning. */
  private moment(soort: Berichtsoort, kanaal: Kanaal): number {
    return kanaal === 'sms' && !DRINGEND.has(soort) ? smsMoment(Date.now()) : Date.now();
  }

  /** The message with the channels its step hands to the provider itself: none while a person waits. */
  private nuTeBezorgen(m: Melding): Stap['meldingen'][number] {
    const nu = this.inOpdracht ? [] : (['email', 'sms'] as const).filter((k) => this.moment(m.soort, k) <= Date.now());
    return { zaakId: this.z.zaakId, ...m, nu };
  }

  /**
   * What is left of a message once decided: the night's SMS held back, the rest sent (again,
   * when the step's own attempt did not get it out), failures told.
   */
  private verder(
    { soort, sleutel, nu }: Stap['meldingen'][number],
    { kanalen, zonderKanaal, bezorgd, mislukt }: Gezet,
  ): void {
    for (const kanaal of kanalen.filter((k) => !bezorgd.includes(k))) {
      const moment = this.moment(soort, kanaal);
      if (moment > Date.now()) {
        this.z.uitgesteld.push({ soort, sleutel, kanaal: 'sms', op: iso(moment) });
        this.versie++;
      } else {
        this.bezorg(soort, sleutel, kanaal, nu.includes(kanaal));
      }
    }
    if (zonderKanaal.length > 0) this.op(() => this.alarmeer(soort, zonderKanaal));
    if (mislukt.length > 0) this.op(() => this.alarmeer(soort, mislukt));
  }

  /** Delivers one channel's messages of an event; failures reach the coordinator. */
  bezorg(soort: Berichtsoort, sleutel: string, kanaal: Kanaal, alGeprobeerd = false): void {
    this.op(async () => {
      const opdracht = { zaakId: this.z.zaakId, sleutel, kanaal };
      let mislukt: Mislukking[];
      try {
        mislukt = await (alGeprobeerd ? verdereBezorging : bezorging).bezorgen(opdracht);
      } catch {
        mislukt = await activiteiten.bezorgingOpgeven(opdracht);
      }
      if (mislukt.length > 0) await this.alarmeer(soort, mislukt);
    });
  }

  /**
   * Nothing is dropped silently: an undelivered message goes on the case timeline and to the
   * coordinator (or, when it was theirs or there is none yet, the regiomanager).
   */
  async alarmeer(
    soort: Berichtsoort,
    mislukt: Array<Pick<Mislukking, 'berichtId' | 'ontvangerId' | 'kanaal' | 'onzeker'>>,
  ) {
    for (const m of mislukt) {
      await this.beurt(() =>
        this.leg([
          { soort: 'bericht.mislukt', berichtId: m.berichtId, over: soort, kanaal: m.kanaal, onzeker: m.onzeker },
        ]),
      );
      // An alert that itself cannot be delivered stays on the timeline: no alerts about alerts.
      if (soort === 'bericht.mislukt') continue;
      const coord = coordinator(this.z);
      const aan = coord.length > 0 && coord[0]!.persoonId !== m.ontvangerId ? coord : regiomanager(this.z);
      await this.meld('bericht.mislukt', `mislukt.${m.berichtId}`, aan, { over: soort, kanaal: m.kanaal });
    }
  }

  /** The provider reported later that a message did not arrive. */
  nietBezorgd(melding: NietBezorgd): void {
    this.op(() => this.alarmeer(melding.soort, [{ ...melding, onzeker: false }]));
  }

  /** Runs `werk` in the background, counted, so the case does not end or start afresh under it. */
  private op(werk: () => Promise<void>): void {
    this.lopend++;
    werk()
      .catch((err) => wf.log.error('delivery failed', { fout: String(err) }))
      .finally(() => this.lopend--);
  }
}
