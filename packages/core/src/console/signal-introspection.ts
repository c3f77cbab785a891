import { connectFlagNames } from '../connect-flags.js';

/** The part of a `SignalEmitter` the `signals` command reads (the shape is all it relies on). */
export interface SignalIntrospectable {
  getSignalList(): readonly { readonly name: string; readonly args: readonly string[] }[];
  getSignalConnectionList(name: string): readonly {
    readonly callableName: string;
    readonly flags: number;
    readonly refCount?: number;
  }[];
}

/** True when `value` can list its signals and their connections (a `SignalEmitter`). */
export function isSignalIntrospectable(value: unknown): value is SignalIntrospectable {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof SignalIntrospectable, unknown>>;
  return (
    typeof candidate.getSignalList === 'function' &&
    typeof candidate.getSignalConnectionList === 'function'
  );
}

/**
 * The `signals` command's text for one object: its name, then each signal with its argument names
 * and, indented under it, each connection with its flags and reference count:
 *
 * ```
 * NetworkingUtils
 *   relay_network_status(available, ping_measurement)
 *     -> RegionPicker.onRelayStatus [DEFERRED]
 *   ping_location_changed()
 *     (no connections)
 * ```
 */
export function describeSignals(objectName: string, emitter: SignalIntrospectable): string[] {
  const lines = [objectName];
  const signals = emitter.getSignalList();
  if (signals.length === 0) lines.push('  (no signals)');
  for (const signal of signals) {
    lines.push(`  ${signal.name}(${signal.args.join(', ')})`);
    const connections = emitter.getSignalConnectionList(signal.name);
    if (connections.length === 0) lines.push('    (no connections)');
    for (const connection of connections) {
      const flags = connectFlagNames(connection.flags);
      const refCount = connection.refCount ?? 1;
      lines.push(
        `    -> ${connection.callableName.length > 0 ? connection.callableName : '(anonymous)'}` +
          (flags.length > 0 ? ` [${flags.join(', ')}]` : '') +
          (refCount > 1 ? ` x${refCount}` : ''),
      );
    }
  }
  return lines;
}
