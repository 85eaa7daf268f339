// What every figure needs: the parts the bench started and how to read their cost.
import type { PrismaClient } from '@prisma/client';
import type { Client } from '@temporalio/client';
import type { Zaakproces } from '../zaakproces';
import type { Child } from './child';
import type { BareWorker } from './kaal';
import type { KringSettings } from './kring';
import type { Options } from './options';
import { ownCpuSeconds, treeCpuSeconds } from './proc';
import type { Sink } from './sink';

export interface Bench {
  options: Options;
  log: (line: string) => void;
  sink: Sink;
  prisma: PrismaClient;
  /** The bench's own Temporal client: the bare yardsticks' client, and kring's process client. */
  client: Client;
  temporalAddress: string;
  temporalPid: number;
  /** undefined when the database runs on DATABASE_URL's server: its CPU is not counted then. */
  postmasterPid?: number;
  kring: {
    settings: KringSettings;
    taskQueue: string;
    worker: Child;
    api: Child;
    apiUrl: string;
    token: string;
    proces: Zaakproces;
    /** Cases kring takes in per second, once the API has accepted them (from the throughput figure). */
    casesPerSecond: number;
    /** Cases in the database when the current kring worker started. */
    casesAtWorkerStart: number;
  };
  bare: {
    worker: BareWorker;
    /** Empty workflows started so far on the bare queue (to know when all have completed). */
    emptyStarted: number;
    /** Bare starts Temporal accepts per second (from the throughput figure). */
    startsPerSecond: number;
  };
}

/** CPU seconds per process (or process group), by name. */
export type Cpu = Record<string, number>;

/** CPU seconds of everything that serves kring's cases: worker, API, Temporal, PostgreSQL. */
export function kringCpu(b: Bench): Cpu {
  return {
    worker: ownCpuSeconds(b.kring.worker.pid),
    API: ownCpuSeconds(b.kring.api.pid),
    Temporal: ownCpuSeconds(b.temporalPid),
    ...(b.postmasterPid !== undefined && { PostgreSQL: treeCpuSeconds(b.postmasterPid) }),
  };
}

/** CPU seconds of the bare yardstick: its worker, Temporal, and the bench process as its client. */
export function bareCpu(b: Bench): Cpu {
  return {
    worker: ownCpuSeconds(b.bare.worker.child.pid),
    Temporal: ownCpuSeconds(b.temporalPid),
    'bench (client)': ownCpuSeconds(process.pid),
  };
}

/** `total` plus what was used between two readings, part by part. */
export function addUsed(total: Cpu, before: Cpu, after: Cpu): void {
  for (const part of Object.keys(after)) total[part] = (total[part] ?? 0) + after[part]! - (before[part] ?? 0);
}

export const sum = (cpu: Cpu) => Object.values(cpu).reduce((a, b) => a + b, 0);
