/** @jest-environment jsdom */
import { snapshot } from '../test-support/snapshots.js';
import { createTopBar, taglineFor } from './top-bar.js';

describe('the top bar', () => {
  const actions = { travel: () => undefined, toggleConsole: () => undefined };

  test('says what the page runs on, and offers to move the player only in the simulation', () => {
    const view = createTopBar(actions);
    const tagline = (): string => view.element.querySelector('.brand__tagline')!.textContent!;
    const travel = (): HTMLElement => view.element.querySelector<HTMLElement>('.chip--travel')!;
    view.update(snapshot());
    expect(tagline()).toBe('Lobby pings and region picking on a simulated Steam relay network');
    expect(travel().hidden).toBe(false);
    view.update(
      snapshot({
        backend: { requested: ['beacons'], kind: 'beacons', fallbacks: [] },
        player: undefined,
      }),
    );
    expect(tagline()).toBe(
      'Lobby pings and region picking on pings this browser measured to beacons',
    );
    expect(travel().hidden).toBe(true);
  });

  test('names every backend kind', () => {
    expect(taglineFor('steam')).toBe("Lobby pings and region picking on Steam's relay network");
    expect(taglineFor('custom')).toBe('Lobby pings and region picking on the custom backend');
  });
});
