// `npm run bench`: kring's performance beside bare yardsticks measured in the same run, on
// servers of its own on loopback (see README, "Benchmark"). Not part of `npm test`.
//
//   1. POST /cases latency (p50)    vs a bare client.workflow.start of an empty workflow
//   2. starts per second at 1, 8, 32 concurrent, and CPU seconds per case
//   3. a reminder storm of N escalations due at one moment, over SMTP, vs bare timers+activity
//   4. the worker's resident memory with K open cases vs a bare worker holding K workflows
//
// It exits 0 whatever the figures (it measures; the goals are for people to judge), and
// non-zero on an error, when any storm message is missing or arrived twice, or when a worker
// died holding the open cases.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { CLI_VERSION } from '../launcher/temporal-binaries';
import { openDatabase } from '../prisma/database';
import { logboekInstellen } from '../service/logboek';
import type { Child } from './child';
import { cleaningUp, cleanUp, cleanUpOnSignals, onCleanup } from './cleanup';
import type { Bench } from './context';
import { bareCompleted, startBareWorker, startEmpty, type BareWorker } from './kaal';
import {
  kringDrained,
  makeWorld,
  postCase,
  processClient,
  startKringApi,
  startKringWorker,
  type KringSettings,
} from './kring';
import { measureLatency, type LatencyRun } from './latency';
import { inParallel } from './meten';
import { measureMemory, mib, type MemoryResult } from './memory';
import { parseOptions, USAGE, UsageError, type Options } from './options';
import { startDatabase } from './postgres';
import { rssBytes } from './proc';
import { table, type Row } from './report';
import { startSink } from './sink';
import { measureStorm, stormTotals, type StormRun } from './storm';
import { startTemporal } from './temporal';
import { measureThroughput, type ThroughputRun } from './throughput';

const KRING_QUEUE = 'kring-bench';
const BARE_QUEUE = 'kaal-bench';
/** Requests before measuring on fresh workers, so that neither side is measured cold. */
const WARM_UP = 20;

const began = Date.now();
function log(line: string): void {
  const s = Math.floor((Date.now() - began) / 1000);
  console.log(`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${line}`);
}

function fatal(err: Error): void {
  if (cleaningUp()) return; // Stopping (Ctrl-C, or a failure already reported): what breaks now is its echo.
  console.error(`\nbench failed: ${err.message}`);
  void cleanUp().finally(() => process.exit(1));
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseOptions(argv);
  cleanUpOnSignals();
  // The process client's own warnings (Temporal out of reach) show; nothing else of kring's logger.
  logboekInstellen({ vorm: 'leesbaar', niveau: 'warn' });
  log(
    `kring bench${options.quick ? ' (quick: a smoke run, too small to judge by)' : ''}: ${options.runs} run(s); ` +
      `latency ${options.requests} requests; throughput ${options.windowSeconds} s windows at ` +
      `${options.concurrencies.join(', ')}; storm ${options.storm}; open ${options.open}. ` +
      `${os.cpus().length} CPUs, Node ${process.version}, Temporal CLI ${CLI_VERSION}.`,
  );

  // ---- the servers, each stopped again at the end -------------------------------------
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kring-bench-data-'));
  onCleanup(`removing ${dataDir}`, () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const sink = await startSink();
  onCleanup('stopping the SMTP sink', () => sink.stop());
  const db = await startDatabase(log);
  const database = await openDatabase({ kind: 'postgres', url: db.url });
  onCleanup('closing the database connection', () => database.close());
  await database.migrate();
  const { token } = await makeWorld(database.prisma);
  const temporal = await startTemporal(log);
  const connection = await Connection.connect({ address: temporal.address });
  onCleanup('closing the Temporal connection', () => connection.close());
  const client = new Client({ connection });

  log('starting the kring worker and API, and the bare worker (each worker bundles its workflows first) …');
  const settings: KringSettings = {
    databaseUrl: db.url,
    temporalAddress: temporal.address,
    smtpUrl: sink.url,
    dataDir,
  };
  const [workers, api] = await Promise.all([startWorkers(settings), startKringApi(settings, KRING_QUEUE)]);
  api.child.died.catch(fatal);
  const b: Bench = {
    options,
    log,
    sink,
    prisma: database.prisma,
    client,
    temporalAddress: temporal.address,
    temporalPid: temporal.pid,
    postmasterPid: db.postmasterPid,
    kring: {
      settings,
      taskQueue: KRING_QUEUE,
      worker: workers.kring,
      api: api.child,
      apiUrl: api.url,
      token,
      proces: processClient(client, KRING_QUEUE),
      casesPerSecond: Infinity,
      casesAtWorkerStart: 0,
    },
    bare: { worker: workers.bare, emptyStarted: 0, startsPerSecond: Infinity },
  };
  await warmUp(b);
  log(`ready: kring API ${api.url}; database: ${db.description}`);

  // ---- the repeats ---------------------------------------------------------------------
  const latency: LatencyRun[] = [];
  const throughput: ThroughputRun[] = [];
  const storms: StormRun[] = [];
  let workerWarnings = 0;
  let fresh = true;
  // Each figure on fresh workers: every case a figure opens stays open (as a real case does)
  // and in the kring worker's cache, whose memory grows with it (figure 4); a fresh start
  // keeps one figure's cases from weighing on the next, so that the repeats are alike.
  const onFreshWorkers = async <T>(measure: () => Promise<T>): Promise<T> => {
    if (!fresh) {
      workerWarnings += b.kring.worker.lines();
      await renewWorkers(b);
    }
    fresh = false;
    return measure();
  };
  for (let run = 1; run <= options.runs; run++) {
    log(`— run ${run} of ${options.runs} —`);
    latency.push(await onFreshWorkers(() => measureLatency(b, run)));
    throughput.push(await onFreshWorkers(() => measureThroughput(b, run)));
    storms.push(await onFreshWorkers(() => measureStorm(b, run)));
  }
  const warnings = {
    worker: workerWarnings + b.kring.worker.lines(),
    api: b.kring.api.lines(),
    last: `${b.kring.worker.tail()}\n${b.kring.api.tail()}`.trim(),
  };

  // ---- memory, once, on fresh workers (the others are done) ----------------------------
  await Promise.all([b.kring.api.stop(), b.kring.worker.stop(), b.bare.worker.child.stop()]);
  log(`— open cases: ${options.open} —`);
  const memory = await measureMemory(b);

  // ---- the table -------------------------------------------------------------------------
  const { missing, duplicates } = stormTotals(
    b,
    storms.flatMap((s) => s.counts),
  );
  const twice = sink.duplicateMessageIds();
  console.log(`\n${table(rows(options, db.postmasterPid !== undefined, latency, throughput, storms, memory))}\n`);
  console.log(
    `Storm messages missing: ${missing}; arrived twice: ${duplicates}. ` +
      `Message-IDs that arrived more than once (all ${sink.arrivals.length} emails of the bench): ${twice.length}` +
      (twice.length ? ` (${twice.slice(0, 5).map((t) => t.messageId)} …)` : '') +
      '.',
  );
  console.log(
    `Worker RSS peaks: kring ${mib(memory.kring.peak).toFixed(0)} MiB (${mib(memory.kring.idle).toFixed(0)} MiB with 1 case), ` +
      `bare ${mib(memory.bare.peak).toFixed(0)} MiB (${mib(memory.bare.idle).toFixed(0)} MiB idle).`,
  );
  for (const [name, m] of [
    ['kring', memory.kring],
    ['bare', memory.bare],
  ] as const) {
    if (m.died) console.log(`The ${name} worker holding the open cases ${m.died}.`);
  }
  if (warnings.worker + warnings.api > 0) {
    console.log(
      `kring logged ${warnings.worker} line(s) at warn or above in its workers, ${warnings.api} in its API; the last:\n` +
        warnings.last.split('\n').slice(-3).join('\n'),
    );
  }
  console.log(`Total time ${Math.round((Date.now() - began) / 60_000)} min.`);
  const died = Boolean(memory.kring.died || memory.bare.died);
  return missing > 0 || duplicates > 0 || twice.length > 0 || died ? 1 : 0;
}

function rows(
  options: Options,
  postgresCounted: boolean,
  latency: LatencyRun[],
  throughput: ThroughputRun[],
  storms: StormRun[],
  memory: MemoryResult,
): Row[] {
  return [
    {
      figure: 'POST /cases p50 latency (ms)',
      kring: latency.map((l) => l.kring),
      bare: latency.map((l) => l.bare),
      decimals: 1,
      goal: { text: '≤ 1.5× bare', met: (ratio) => ratio <= 1.5 },
    },
    ...options.concurrencies.map((c, i): Row => ({
      figure: `starts per second, ${c} concurrent`,
      kring: throughput.map((t) => t.perConcurrency[i]!.kring),
      bare: throughput.map((t) => t.perConcurrency[i]!.bare),
      decimals: 1,
      goal: { text: '≥ 0.5× bare', met: (ratio) => ratio >= 0.5 },
    })),
    {
      figure: `CPU ms per case${postgresCounted ? '' : ' (PostgreSQL not counted)'}`,
      kring: throughput.map((t) => t.cpu.kring * 1000),
      bare: throughput.map((t) => t.cpu.bare * 1000),
      decimals: 2,
    },
    {
      figure: `storm of ${options.storm}: s from T to last email`,
      kring: storms.map((s) => s.kring),
      bare: storms.map((s) => s.timer),
      decimals: 2,
      goal: { text: '≤ 2× bare timer+activity', met: (ratio) => ratio <= 2 },
    },
    {
      figure: '  the same storm vs bare nodemailer',
      kring: storms.map((s) => s.kring),
      bare: storms.map((s) => s.nodemailer),
      decimals: 2,
    },
    {
      figure: `worker RSS with ${options.open} open (MiB)`,
      kring: [mib(memory.kring.rss)],
      bare: [mib(memory.bare.rss)],
      kringText: memory.kring.died && `died (${mib(memory.kring.peak).toFixed(0)} seen)`,
      bareText: memory.bare.died && 'died',
      decimals: 0,
      goal: { text: 'kring ≤ 1024 MiB', met: (_ratio, kring) => kring <= 1024 },
    },
  ];
}

/** A kring worker and a bare worker, fresh; either ending on its own ends the bench. */
async function startWorkers(settings: KringSettings): Promise<{ kring: Child; bare: BareWorker }> {
  const kring = startKringWorker(settings, KRING_QUEUE);
  kring.died.catch(fatal);
  const bare = await startBareWorker({
    name: 'bare worker',
    temporalAddress: settings.temporalAddress,
    taskQueue: BARE_QUEUE,
    smtpUrl: settings.smtpUrl,
  });
  bare.child.died.catch(fatal);
  return { kring, bare };
}

/** The kring worker's first case shows it polls (it bundles its workflows first); then a few of each, not timed. */
async function warmUp(b: Bench): Promise<void> {
  await postCase(b.kring.apiUrl, b.kring.token);
  await kringDrained(b.prisma, b.sink, 'kring worker: its first case', undefined, 300_000);
  await inParallel(WARM_UP, 4, () => postCase(b.kring.apiUrl, b.kring.token));
  await kringDrained(b.prisma, b.sink, 'warm-up: kring');
  await inParallel(WARM_UP, 4, () => startEmpty(b.client, BARE_QUEUE));
  b.bare.emptyStarted += WARM_UP;
  await bareCompleted(b.client, BARE_QUEUE, b.bare.emptyStarted, 'warm-up: bare workflows');
}

async function renewWorkers(b: Bench): Promise<void> {
  const cases = (await b.prisma.zaak.count()) - b.kring.casesAtWorkerStart;
  b.log(`fresh workers (the kring worker had ${cases} cases, RSS ${mib(rssBytes(b.kring.worker.pid)).toFixed(0)} MiB)`);
  await Promise.all([b.kring.worker.stop(), b.bare.worker.child.stop()]);
  b.kring.casesAtWorkerStart = await b.prisma.zaak.count();
  const workers = await startWorkers(b.kring.settings);
  b.kring.worker = workers.kring;
  b.bare.worker = workers.bare;
  await warmUp(b);
}

main().then(
  (code) => cleanUp().finally(() => process.exit(code)),
  (err: Error) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    fatal(err);
  },
);
