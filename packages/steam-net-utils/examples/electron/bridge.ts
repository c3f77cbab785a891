/**
 * What the main process offers the renderer: the channel names and the shapes that cross the
 * process boundary. Only plain data crosses it (numbers, strings, arrays of them): the service,
 * its signals and its `Uint8Array` locations stay in the main process.
 */

/** The IPC channels, one per question, and the one the main process pushes status changes on. */
export const RelaylaneChannels = {
  status: 'relaylane:status',
  pops: 'relaylane:pops',
  localLocation: 'relaylane:local-location',
  estimate: 'relaylane:estimate',
  statusChanged: 'relaylane:status-changed',
} as const;

/** The relay network's status, as `getRelayNetworkStatusDetails()` gives it. */
export interface RelayStatus {
  readonly backend: string;
  readonly available: number;
  readonly availableConfig: number;
  readonly availableRelay: number;
  readonly debugMessage: string;
}

/** One data center (POP) and the best route to it. */
export interface PopPing {
  readonly code: string;
  /** Round trip in ms, or a `NETWORKING_PING_*` sentinel (negative). */
  readonly pingMs: number;
  /** The POP the route enters the relay network at (the POP itself when direct). */
  readonly viaCode: string;
}

/** What the preload script exposes as `window.relaylane`. */
export interface RelaylaneBridge {
  status(): Promise<RelayStatus>;
  pops(): Promise<PopPing[]>;
  /** This machine's ping location in Steam's text form, for a lobby to publish. */
  localLocation(): Promise<string>;
  /** The estimated round trip in ms to a player who published `location`, or a sentinel. */
  estimate(location: string): Promise<number>;
  /** Calls `listener` on every relay status change; returns the function that stops it. */
  onStatusChanged(listener: (status: RelayStatus) => void): () => void;
}
