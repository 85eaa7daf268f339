// Figure 3: a reminder storm. N cases whose contact escalation falls due at the same moment
// T, delivered over SMTP to the sink; measured from T until the last of the N has arrived.
// Beside it, in the same run: (a) bare nodemailer sending N messages to the same sink, and
// (b) N bare workflows that sleep until their T and then send one email in one activity,
// the floor for a durable reminder on Temporal.
//
// Which arrivals belong to a storm: each variant's messages carry a key of their own (a
// Message-ID of the bench's own making; for kring the case reference in the escalation's
// subject, checked afterwards against the outbox rows whose ids are the Message-IDs).
import nodemailer from 'nodemailer';
import { messageId as kringMessageId } from '../activities/verzenders';
import type { Bench } from './context';
import { startReminder } from './kaal';
import { contactAt, escalationSubject, kringDrained, openCase } from './kring';
import { inParallel } from './meten';
import type { Arrival } from './sink';
import { untilMoment, waitFor } from './wait';

/** One variant of one run: how its arrivals are told apart, for counting now and at the end. */
export interface StormCount {
  label: string;
  /** The key an arrival belongs to, or undefined when it is not this storm's. */
  keyOf: (arrival: Arrival) => string | undefined;
  keys: Set<string>;
}

export interface StormRun {
  /** Seconds from T (or from the first send) until the last message arrived; NaN when some never did. */
  kring: number;
  timer: number;
  nodemailer: number;
  counts: StormCount[];
}

/** How long to wait for a storm's messages once T has come. */
const ARRIVE_WITHIN_MS = 600_000;
/** How many times a storm may be set up again when its cases were not ready by T. */
const ATTEMPTS = 3;
/** Everything must be ready this long before T. */
const READY_BEFORE_T_MS = 1000;

/** Arrivals of one storm so far: per key, and the last moment one came. */
function tally(b: Bench, count: StormCount, from: number) {
  const perKey = new Map<string, number>();
  let last = 0;
  for (let i = from; i < b.sink.arrivals.length; i++) {
    const arrival = b.sink.arrivals[i]!;
    const key = count.keyOf(arrival);
    if (key === undefined || !count.keys.has(key)) continue;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
    last = Math.max(last, arrival.at);
  }
  return { arrived: perKey.size, last };
}

/** Waits for all of a storm's messages; the seconds from `t0` to the last, or NaN (logged) if some never came. */
async function arrivalSeconds(b: Bench, count: StormCount, from: number, t0: number): Promise<number> {
  try {
    await waitFor(
      `storm run ${count.label}`,
      () => {
        const { arrived } = tally(b, count, from);
        return { done: arrived === count.keys.size, status: `${arrived} of ${count.keys.size} emails` };
      },
      { timeoutMs: ARRIVE_WITHIN_MS, everyMs: 50 },
    );
  } catch (err) {
    b.log((err as Error).message);
    return NaN;
  }
  return (tally(b, count, from).last - t0) / 1000;
}

/** Sets a storm up for moment T (`prepare`), retrying with a later T when it was not ready in time. */
async function withReadyT(
  b: Bench,
  label: string,
  marginMs: number,
  prepare: (t: number, attempt: number) => Promise<void>,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const t = Date.now() + marginMs;
    await prepare(t, attempt);
    const spare = t - Date.now();
    if (spare >= READY_BEFORE_T_MS) {
      b.log(`storm ${label}: ready ${(spare / 1000).toFixed(1)} s before T`);
      return t;
    }
    if (attempt === ATTEMPTS) throw new Error(`storm ${label}: not ready by T after ${ATTEMPTS} attempts`);
    b.log(`storm ${label}: not ready by T (margin ${Math.round(marginMs / 1000)} s); again with twice the margin`);
    marginMs *= 2;
  }
}

async function bareNodemailer(b: Bench, run: number): Promise<{ seconds: number; count: StormCount }> {
  const n = b.options.storm;
  const ids = Array.from({ length: n }, (_, i) => `<storm-mail-${run}-${i}@bench.kring.test>`);
  const count: StormCount = { label: `${run} bare nodemailer`, keyOf: (a) => a.messageId, keys: new Set(ids) };
  // One transport, a few pooled connections, every message handed to it at once.
  const transport = nodemailer.createTransport({
    host: b.sink.host,
    port: b.sink.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 5,
  });
  try {
    const from = b.sink.arrivals.length;
    const t0 = Date.now();
    await Promise.all(
      ids.map((messageId, i) =>
        transport.sendMail({
          from: 'Bench <bench@localhost>',
          to: 'regiomanager.bench@kring.test',
          subject: `Storm ${run}: bericht ${i}`,
          text: 'Een bericht van kale nodemailer.',
          messageId,
        }),
      ),
    );
    return { seconds: await arrivalSeconds(b, count, from, t0), count };
  } finally {
    transport.close();
  }
}

async function bareTimers(b: Bench, run: number): Promise<{ seconds: number; count: StormCount }> {
  const n = b.options.storm;
  const { worker } = b.bare;
  const keys = new Set<string>();
  const count: StormCount = { label: `${run} bare timer+activity`, keyOf: (a) => a.messageId, keys };
  const from = b.sink.arrivals.length;
  const rate = Number.isFinite(b.bare.startsPerSecond) ? b.bare.startsPerSecond : 20;
  const t = await withReadyT(b, count.label, Math.max(5000, (3 * n * 1000) / rate), async (at, attempt) => {
    const before = worker.started.reminder;
    const ids = Array.from({ length: n }, (_, i) => `<storm-timer-${run}-${attempt}-${i}@bench.kring.test>`);
    // A failed attempt's messages still come, at their own T: only the last attempt's count.
    keys.clear();
    ids.forEach((id) => keys.add(id));
    await inParallel(n, 8, (i) =>
      startReminder(b.client, worker.taskQueue, at, { messageId: ids[i]!, subject: `Storm ${run}: herinnering ${i}` }),
    );
    // Every workflow has run its first task and sleeps: the storm is only the timers and the sends.
    await waitFor(
      `storm ${count.label}`,
      () => ({
        done: worker.started.reminder >= before + n,
        status: `${worker.started.reminder - before} of ${n} bare workflows asleep`,
        progress: worker.started.reminder,
      }),
      { stallMs: 60_000, everyMs: 50 },
    );
  });
  await untilMoment(t);
  return { seconds: await arrivalSeconds(b, count, from, t), count };
}

async function kringStorm(b: Bench, run: number): Promise<{ seconds: number; count: StormCount }> {
  const n = b.options.storm;
  const keys = new Set<string>();
  const bySubject = new Map<string, string>();
  const count: StormCount = { label: `${run} kring`, keyOf: (a) => bySubject.get(a.subject), keys };
  const from = b.sink.arrivals.length;
  const rate = Number.isFinite(b.kring.casesPerSecond) ? b.kring.casesPerSecond : 5;
  let zaakIds: string[] = [];
  const t = await withReadyT(b, count.label, Math.max(15_000, (2 * n * 1000) / rate + 10_000), async (at) => {
    zaakIds = [];
    keys.clear();
    await inParallel(n, 8, async () => {
      const zaak = await openCase(b.prisma, b.kring.proces, contactAt(at));
      zaakIds.push(zaak.id);
      keys.add(zaak.id);
      bySubject.set(escalationSubject(zaak.id), zaak.id);
    });
    // Taken in, and the intake emails arrived: at T only the escalations are left to do.
    await kringDrained(b.prisma, b.sink, `storm ${count.label}: taking the cases in`);
  });
  await untilMoment(t);
  const seconds = await arrivalSeconds(b, count, from, t);
  await checkOutbox(b, run, zaakIds, from);
  return { seconds, count };
}

/**
 * The escalations that arrived are those kring's outbox holds: one row per case (its id is
 * the Message-ID), and no storm arrival without its row.
 */
async function checkOutbox(b: Bench, run: number, zaakIds: string[], from: number): Promise<void> {
  const rows = await b.prisma.bericht.findMany({
    where: { zaakId: { in: zaakIds }, melding: { soort: 'escalatie.contact' } },
    select: { id: true, zaakId: true },
  });
  const expected = new Set(rows.map((r) => kringMessageId(r.id)));
  const subjects = new Set(zaakIds.map(escalationSubject));
  const stray = b.sink.arrivals.slice(from).filter((a) => subjects.has(a.subject) && !expected.has(a.messageId)).length;
  const perCase = new Map<string, number>();
  for (const r of rows) perCase.set(r.zaakId, (perCase.get(r.zaakId) ?? 0) + 1);
  const twice = [...perCase.values()].filter((k) => k > 1).length;
  b.log(
    `storm ${run} kring: ${rows.length} escalations in the outbox for ${zaakIds.length} cases` +
      (twice ? `, ${twice} cases with more than one` : '') +
      (stray ? `, ${stray} arrivals without an outbox row` : ', every arrival is an outbox row'),
  );
  if (stray > 0) throw new Error(`storm ${run}: ${stray} escalation emails arrived that kring's outbox does not hold`);
}

export async function measureStorm(b: Bench, run: number): Promise<StormRun> {
  const mail = await bareNodemailer(b, run);
  const timer = await bareTimers(b, run);
  const kring = await kringStorm(b, run);
  const s = (x: number) => (Number.isNaN(x) ? 'incomplete' : `${x.toFixed(2)} s`);
  b.log(
    `run ${run} storm of ${b.options.storm}: kring ${s(kring.seconds)}, bare timer+activity ${s(timer.seconds)}, ` +
      `bare nodemailer ${s(mail.seconds)}`,
  );
  return {
    kring: kring.seconds,
    timer: timer.seconds,
    nodemailer: mail.seconds,
    counts: [mail.count, timer.count, kring.count],
  };
}

/** At the end of the bench, over everything that arrived: per storm, messages missing and messages twice. */
export function stormTotals(b: Bench, counts: StormCount[]): { missing: number; duplicates: number } {
  let missing = 0;
  let duplicates = 0;
  for (const count of counts) {
    const perKey = new Map<string, number>();
    for (const arrival of b.sink.arrivals) {
      const key = count.keyOf(arrival);
      if (key !== undefined && count.keys.has(key)) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    missing += count.keys.size - perKey.size;
    duplicates += [...perKey.values()].reduce((sum, k) => sum + k - 1, 0);
  }
  return { missing, duplicates };
}
