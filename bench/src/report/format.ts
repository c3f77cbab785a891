/** How figures are written in the table: times, bytes and rates with their units. */
import { type Figure } from './results.js';

/** A duration in nanoseconds, in ns, µs, ms or s with three significant digits. */
export function formatNanoseconds(ns: number): string {
  if (ns < 1_000) return `${significant(ns)} ns`;
  if (ns < 1_000_000) return `${significant(ns / 1_000)} µs`;
  if (ns < 1_000_000_000) return `${significant(ns / 1_000_000)} ms`;
  return `${significant(ns / 1_000_000_000)} s`;
}

/** A byte count in B, kB or MB (decimal units), signed when `signed` is true. */
export function formatBytes(bytes: number, signed = false): string {
  const sign = signed && bytes >= 0 ? '+' : bytes < 0 ? '-' : '';
  const size = Math.abs(bytes);
  if (size < 1_000) return `${sign}${Math.round(size)} B`;
  if (size < 1_000_000) return `${sign}${significant(size / 1_000)} kB`;
  return `${sign}${significant(size / 1_000_000)} MB`;
}

/** A byte count in KB of 1,024 bytes with one decimal, signed when `signed` is true. */
export function formatKilobytes(bytes: number, signed = false): string {
  const sign = signed && bytes >= 0 ? '+' : bytes < 0 ? '-' : '';
  return `${sign}${(Math.abs(bytes) / 1024).toFixed(1)} KB`;
}

/** Operations per second, e.g. `20.8 M/s`. */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${significant(perSecond / 1e6)} M/s`;
  if (perSecond >= 1e3) return `${significant(perSecond / 1e3)} k/s`;
  return `${significant(perSecond)} /s`;
}

/** A ratio with three significant digits, e.g. `0.412×`. */
export function formatRatio(ratio: number): string {
  return `${significant(ratio)}×`;
}

/** A figure's median in its unit. */
export function formatFigure(value: Figure): string {
  switch (value.unit) {
    case 'ns/op':
      return formatNanoseconds(value.median);
    case 'bytes':
      return formatBytes(value.median);
    case 'bundle bytes':
      return formatKilobytes(value.median);
    case 'callbacks':
      return `${value.median} callback${value.median === 1 ? '' : 's'}`;
  }
}

function significant(value: number): string {
  if (value === 0) return '0';
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return value.toFixed(Math.min(digits, 3));
}
