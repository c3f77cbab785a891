/**
 * The status panel: the relay network status as it moves through its lifecycle (the three
 * `NetworkingAvailability` values of `relay_network_status`, by name), Steam's debug message, the
 * backend in use, where the player is, the local ping location string with its age, and the
 * latest status changes.
 *
 * DOM contract (read by the browser tests): `.status-summary` has `data-status` (the short name of
 * the summary availability, e.g. `CURRENT`); each `li` of `.status-history` has `data-status`;
 * `.status-location` has `data-location` (the ping location string); `.status-backend` has
 * `data-backend`.
 */
import {
  NETWORKING_AVAILABILITY_CURRENT,
  NetworkingAvailability,
  shortConstantName,
} from '@relaylane/steam-net-utils';

import { type DemoSnapshot } from '../demo-plugin.js';
import { formatAgo, h, placeChildren, setAttr, setText } from './dom.js';

const PREFIX = 'NETWORKING_AVAILABILITY_';

/** `'CURRENT'` for 100: GodotSteam's constant name without its prefix, or the number. */
export function availabilityShortName(value: number): string {
  return shortConstantName(NetworkingAvailability, value);
}

/** How the page colours a status: working, in progress, or failing. */
export function availabilityTone(value: number): 'ok' | 'busy' | 'bad' | 'idle' {
  if (value === NETWORKING_AVAILABILITY_CURRENT) return 'ok';
  const name = availabilityShortName(value);
  if (name === 'ATTEMPTING' || name === 'WAITING') return 'busy';
  if (name === 'NEVER_TRIED' || name === 'UNKNOWN') return 'idle';
  return 'bad';
}

/** The mounted status panel. */
export interface StatusPanelView {
  readonly element: HTMLElement;
  /** Draws a snapshot (changes only what differs). */
  update(snapshot: DemoSnapshot): void;
}

function statusValue(): HTMLElement {
  return h('dd', { class: 'status-value' });
}

function setStatus(element: HTMLElement, value: number): void {
  const name = availabilityShortName(value);
  setText(element, name);
  setAttr(element, 'data-status', name);
  setAttr(element, 'data-tone', availabilityTone(value));
  setAttr(element, 'title', `${PREFIX}${name} (${value})`);
}

/** Builds the status panel. */
export function createStatusPanel(): StatusPanelView {
  const summaryName = h('span', { class: 'status-summary__name' });
  const summary = h(
    'div',
    { class: 'status-summary' },
    h('span', { class: 'status-dot', attrs: { 'aria-hidden': 'true' } }),
    summaryName,
  );
  const message = h('p', { class: 'status-message' });
  const config = statusValue();
  const relay = statusValue();
  const measuring = h('dd');
  const backend = h('dd', { class: 'status-backend' });
  const player = h('dd', { class: 'status-player' });
  const locationAge = h('span', { class: 'panel__meta' });
  const location = h('code', { class: 'status-location', attrs: { 'data-location': '' } });
  const history = h('ol', { class: 'event-list status-history' });

  const element = h(
    'section',
    { class: 'panel status-panel', attrs: { 'aria-label': 'Relay network status' } },
    h('header', { class: 'panel__header' }, h('h2', { text: 'Relay network' }), summary),
    message,
    h(
      'dl',
      { class: 'status-grid' },
      h('dt', { text: 'Network config' }),
      config,
      h('dt', { text: 'Any relay' }),
      relay,
      h('dt', { text: 'Measuring pings' }),
      measuring,
      h('dt', { text: 'Backend' }),
      backend,
      h('dt', { text: 'Player' }),
      player,
    ),
    h('div', { class: 'subheader' }, h('span', { text: 'Local ping location' }), locationAge),
    location,
    h('div', { class: 'subheader' }, h('span', { text: 'Status changes' })),
    history,
  );

  return {
    element,
    update(snapshot) {
      const status = snapshot.status;
      const summaryNameText = availabilityShortName(status.available);
      setText(summaryName, summaryNameText);
      setAttr(summary, 'data-status', summaryNameText);
      setAttr(summary, 'data-tone', availabilityTone(status.available));
      setAttr(summary, 'title', `relay_network_status: ${PREFIX}${summaryNameText}`);
      setText(message, status.debug_message === '' ? '—' : status.debug_message);
      setStatus(config, status.available_config);
      setStatus(relay, status.available_relay);
      setText(measuring, status.ping_measurement !== 0 ? 'yes' : 'no');

      const selection = snapshot.backend;
      setAttr(backend, 'data-backend', selection.kind);
      const requested = selection.requested.join(', then ');
      setText(
        backend,
        (selection.kind === 'simulated' ? 'Simulated relay network' : selection.kind) +
          (requested === selection.kind ? '' : ` (asked for ${requested})`),
      );
      setAttr(
        backend,
        'title',
        selection.fallbacks.length === 0
          ? undefined
          : selection.fallbacks.map(({ kind, reason }) => `${kind}: ${reason}`).join('\n'),
      );
      setText(player, snapshot.player?.name ?? 'not simulated');

      setAttr(location, 'data-location', snapshot.localLocation);
      setText(location, snapshot.localLocation === '' ? 'no data yet' : snapshot.localLocation);
      setText(
        locationAge,
        snapshot.localLocationAge < 0 ? '' : `age ${Math.floor(snapshot.localLocationAge)} s`,
      );

      placeChildren(
        history,
        [...snapshot.statusHistory].reverse().map((event) => {
          const name = availabilityShortName(event.available);
          return h(
            'li',
            { attrs: { 'data-status': name, 'data-tone': availabilityTone(event.available) } },
            h('span', { class: 'event-list__status', text: name }),
            h('span', { class: 'event-list__detail', text: event.debug_message }),
            h('span', { class: 'event-list__time', text: formatAgo(snapshot.atMs - event.atMs) }),
          );
        }),
      );
    },
  };
}
