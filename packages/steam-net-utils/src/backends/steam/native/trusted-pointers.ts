/**
 * The native pointers Relaylane made itself and may hand to Steam as code or data to call through:
 * the callbacks it registered with `koffi.register` (global callbacks, the debug output function).
 * The binding refuses any other non-null pointer where Steam would call or read through it
 * (`SetDebugOutputFunction`, `SetGlobalCallback_*`, a `Ptr` config value), so a stray bigint can
 * never make Steam jump to an arbitrary address. A pointer is trusted from its registration until
 * its release.
 */

const trusted = new Set<bigint>();

/** Trusts `pointer` (a registration of Relaylane's own) until {@link distrustNativePointer}. */
export function trustNativePointer(pointer: bigint): void {
  trusted.add(pointer);
}

/** Forgets `pointer` (its registration was released). */
export function distrustNativePointer(pointer: bigint): void {
  trusted.delete(pointer);
}

/** True for a pointer Relaylane registered and has not released. */
export function isTrustedNativePointer(pointer: bigint): boolean {
  return trusted.has(pointer);
}
