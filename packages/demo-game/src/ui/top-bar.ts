/**
 * The bar across the top: the product's name, the relay status at a glance, where the player is
 * with a "Play from" list of cities (the same move as `net.sim.where <city>`), and the dev console
 * button.
 */
import { type DemoSnapshot } from '../demo-plugin.js';
import { h, setAttr, setText } from './dom.js';
import { availabilityShortName, availabilityTone } from './status-panel.js';

/** The cities of the "Play from" list. */
export const TRAVEL_CITIES: readonly string[] = [
  'Frankfurt',
  'London',
  'Stockholm',
  'New York',
  'Los Angeles',
  'São Paulo',
  'Johannesburg',
  'Dubai',
  'Mumbai',
  'Singapore',
  'Tokyo',
  'Sydney',
];

/** What the bar asks of the page. */
export interface TopBarActions {
  /** Move the player to a city. */
  travel(city: string): void;
  /** Open or close the dev console. */
  toggleConsole(): void;
}

/** The mounted top bar. */
export interface TopBarView {
  readonly element: HTMLElement;
  update(snapshot: DemoSnapshot): void;
}

/** Builds the top bar. */
export function createTopBar(actions: TopBarActions): TopBarView {
  const statusName = h('span', { class: 'chip__value' });
  const status = h(
    'span',
    { class: 'chip chip--status', attrs: { title: 'relay_network_status' } },
    h('span', { class: 'status-dot', attrs: { 'aria-hidden': 'true' } }),
    h('span', { class: 'chip__label', text: 'Relay' }),
    statusName,
  );
  const travel = h(
    'select',
    { class: 'travel-select', attrs: { 'aria-label': 'Play from' } },
    ...TRAVEL_CITIES.map((city) => h('option', { text: city, attrs: { value: city } })),
  );
  const customOption = h('option', { attrs: { value: '', disabled: '' } });
  travel.addEventListener('change', () => {
    if (travel.value !== '') actions.travel(travel.value);
  });
  const consoleButton = h(
    'button',
    { class: 'btn btn--ghost', attrs: { type: 'button', title: 'Open the dev console (`)' } },
    h('kbd', { text: '`' }),
    ' Dev console',
  );
  consoleButton.addEventListener('click', () => actions.toggleConsole());

  const tagline = h('span', { class: 'brand__tagline', text: taglineFor('simulated') });
  const travelChip = h(
    'label',
    { class: 'chip chip--travel' },
    h('span', { class: 'chip__label', text: 'Play from' }),
    travel,
  );

  const element = h(
    'header',
    { class: 'top-bar' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand__mark', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'brand__name', text: 'Relaylane' }),
      tagline,
    ),
    h('div', { class: 'top-bar__actions' }, status, travelChip, consoleButton),
  );

  return {
    element,
    update(snapshot) {
      setText(tagline, taglineFor(snapshot.backend.kind));
      // Only the simulated player can be moved: on another backend the player is where they are.
      travelChip.hidden = snapshot.player === undefined;
      const name = availabilityShortName(snapshot.status.available);
      setText(statusName, name);
      setAttr(status, 'data-status', name);
      setAttr(status, 'data-tone', availabilityTone(snapshot.status.available));
      const here = snapshot.player?.name ?? '';
      const listed = TRAVEL_CITIES.find((city) => here === city || here.startsWith(`${city} (`));
      if (listed !== undefined) {
        customOption.remove();
        if (travel.value !== listed) travel.value = listed;
      } else if (here !== '') {
        // Moved elsewhere (the console, the address): show where, without offering it as a choice.
        setText(customOption, here);
        if (customOption.parentElement === null) travel.prepend(customOption);
        if (!customOption.selected) customOption.selected = true;
      }
    },
  };
}

/** What the page runs on, in the words of the tagline. */
export function taglineFor(backendKind: string): string {
  const on =
    backendKind === 'simulated'
      ? 'a simulated Steam relay network'
      : backendKind === 'beacons'
        ? 'pings this browser measured to beacons'
        : backendKind === 'steam'
          ? "Steam's relay network"
          : `the ${backendKind} backend`;
  return `Lobby pings and region picking on ${on}`;
}
