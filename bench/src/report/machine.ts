/** The machine and runtime a run measured on, as the report prints them. */
import os from 'node:os';

/** See {@link describeMachine}. */
export interface MachineInfo {
  /** The CPU model (`os.cpus()[0].model`), or `unknown`. */
  readonly cpu: string;
  /** Logical CPUs. */
  readonly cpus: number;
  /** `process.version`, e.g. `v20.20.2`. */
  readonly node: string;
  /** `process.platform`-`process.arch`, e.g. `linux-x64`. */
  readonly platform: string;
  readonly totalMemoryBytes: number;
  /** When the run started (ISO 8601, UTC). */
  readonly date: string;
}

/** This machine, now. */
export function describeMachine(date: Date = new Date()): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || 'unknown',
    cpus: cpus.length,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    totalMemoryBytes: os.totalmem(),
    date: date.toISOString(),
  };
}
