// What a process costs, read from Linux's /proc: CPU seconds (utime + stime) and resident
// memory (VmRSS, and its peak VmHWM).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticks: number | undefined;
/** Clock ticks per second, the unit of /proc/<pid>/stat's times. */
function clockTicks(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

interface Stat {
  ppid: number;
  /** utime + stime, in ticks. */
  own: number;
  /** cutime + cstime: children that ended and were waited for, in ticks. */
  reaped: number;
}

function stat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after its ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime fields 14..17.
  const n = (field: number) => Number(fields[field - 3]);
  return { ppid: n(4), own: n(14) + n(15), reaped: n(16) + n(17) };
}

/** Every live process's stat, read once. */
function processTable(): Map<number, Stat> {
  const table = new Map<number, Stat>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) table.set(Number(name), s);
  }
  return table;
}

/** CPU seconds the process itself has used (not its children). */
export function ownCpuSeconds(pid: number): number {
  return (stat(pid)?.own ?? 0) / clockTicks();
}

/**
 * CPU seconds of a process and all its descendants, living or ended: for PostgreSQL, whose
 * backends come and go. An ended child's time moves into its parent's cutime/cstime, so the
 * sum does not drop when one ends between two readings.
 */
export function treeCpuSeconds(pid: number): number {
  const table = processTable();
  const walk = (p: number): number => {
    const s = table.get(p);
    if (!s) return 0;
    let sum = s.own + s.reaped;
    for (const [child, c] of table) if (c.ppid === p) sum += walk(child);
    return sum;
  };
  return walk(pid) / clockTicks();
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  if (!kb) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(kb[1]) * 1024;
}

/** Resident memory now, in bytes. */
export const rssBytes = (pid: number) => statusField(pid, 'VmRSS');
/** The highest resident memory the process has had, in bytes. */
export const peakRssBytes = (pid: number) => statusField(pid, 'VmHWM');
