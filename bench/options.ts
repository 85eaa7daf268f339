// The bench's flags. Defaults give a full run (15–30 minutes on two cores); --quick a smoke
// run of about two minutes that shows every figure once, too small to judge kring by.

export interface Options {
  /** Repeats of figures 1–3; the table shows min/median/max over them. */
  runs: number;
  /** Cases whose contact escalation falls due at the same moment (figure 3). */
  storm: number;
  /** Open cases held by the worker when its memory is read (figure 4). */
  open: number;
  /** POST /cases (and bare starts) timed one after another, per run (figure 1). */
  requests: number;
  /** How long each throughput window lasts (figure 2). */
  windowSeconds: number;
  /** The concurrencies throughput is measured at (figure 2). */
  concurrencies: number[];
  quick: boolean;
}

const FULL: Omit<Options, 'quick'> = {
  runs: 3,
  storm: 200,
  open: 10_000,
  requests: 50,
  windowSeconds: 10,
  concurrencies: [1, 8, 32],
};

const QUICK: Omit<Options, 'quick'> = {
  runs: 1,
  storm: 20,
  open: 200,
  requests: 10,
  windowSeconds: 3,
  concurrencies: [1, 8],
};

export const USAGE = `usage: npm run bench -- [--quick] [--runs R] [--storm N] [--open K] [--requests M]
                          [--window S] [--concurrency 1,8,32]

  --runs R         repeats of latency, throughput and storm (default ${FULL.runs}; at least 3 unless --quick)
  --storm N        cases whose escalation falls due at one moment (default ${FULL.storm})
  --open K         open cases held by the worker when its memory is read (default ${FULL.open})
  --requests M     POST /cases timed one after another per run (default ${FULL.requests})
  --window S       seconds per throughput window (default ${FULL.windowSeconds})
  --concurrency L  comma-separated concurrencies for throughput (default ${FULL.concurrencies.join(',')})
  --quick          a smoke run: runs ${QUICK.runs}, storm ${QUICK.storm}, open ${QUICK.open}, requests ${QUICK.requests}, window ${QUICK.windowSeconds}, concurrency ${QUICK.concurrencies.join(',')}`;

export class UsageError extends Error {
  override name = 'UsageError';
}

function positiveInt(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < 1) {
    throw new UsageError(`${flag} needs a whole number of at least 1 (got ${value ?? 'nothing'})`);
  }
  return n;
}

export function parseOptions(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const options: Options = { ...(quick ? QUICK : FULL), quick };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => argv[++i];
    switch (flag) {
      case '--quick':
        break;
      case '--runs':
        options.runs = positiveInt(flag, value());
        break;
      case '--storm':
        options.storm = positiveInt(flag, value());
        break;
      case '--open':
        options.open = positiveInt(flag, value());
        break;
      case '--requests':
        options.requests = positiveInt(flag, value());
        break;
      case '--window':
        options.windowSeconds = positiveInt(flag, value());
        break;
      case '--concurrency': {
        const given = value();
        options.concurrencies = (given ?? '').split(',').map((c) => positiveInt(flag, c.trim()));
        break;
      }
      default:
        throw new UsageError(`unknown flag ${flag}`);
    }
  }
  // Three repeats at least: a single run's figure cannot show how much it varies.
  if (!quick && options.runs < 3) throw new UsageError('--runs must be at least 3 (or use --quick)');
  return options;
}
