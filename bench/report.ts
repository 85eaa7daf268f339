// The closing table: each figure's kring and bare min/median/max over the repeats, the ratio
// of the medians, the goal and whether it was met.
import { spread } from './meten';

export interface Row {
  figure: string;
  kring: number[];
  bare: number[];
  decimals: number;
  /** Shown instead of the figures (a worker that died before it could be measured). */
  kringText?: string;
  bareText?: string;
  /** Absent: a figure without a goal (shown for context). */
  goal?: { text: string; met: (ratio: number, kringMedian: number) => boolean };
}

const incomplete = (samples: number[]) => samples.some((s) => Number.isNaN(s));

function cell(samples: number[], decimals: number): string {
  if (incomplete(samples)) return 'incomplete';
  const { min, median, max } = spread(samples);
  const f = (x: number) => x.toFixed(decimals);
  return samples.length === 1 ? f(median) : `${f(min)} / ${f(median)} / ${f(max)}`;
}

export function table(rows: Row[]): string {
  const header = ['figure', 'kring min / median / max', 'bare min / median / max', 'ratio (median)', 'goal', 'met?'];
  const lines = rows.map((row) => {
    // A repeat that did not finish makes the figure unknown, not the median of the others.
    const ratio =
      incomplete(row.kring) || incomplete(row.bare) ? NaN : spread(row.kring).median / spread(row.bare).median;
    const known = Number.isFinite(ratio);
    return [
      row.figure,
      row.kringText ?? cell(row.kring, row.decimals),
      row.bareText ?? cell(row.bare, row.decimals),
      known ? `${ratio.toFixed(2)}×` : '—',
      row.goal?.text ?? '—',
      row.goal ? (known && row.goal.met(ratio, spread(row.kring).median) ? 'yes' : 'NO') : '—',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}
