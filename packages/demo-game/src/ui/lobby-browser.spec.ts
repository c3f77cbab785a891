/** @jest-environment jsdom */
import {
  NETWORKING_AVAILABILITY_FAILED,
  NETWORKING_PING_FAILED,
  NETWORKING_PING_UNKNOWN,
} from '@relaylane/steam-net-utils';

import { lobby, snapshot } from '../test-support/snapshots.js';
import { createLobbyBrowser } from './lobby-browser.js';

const rows = (element: HTMLElement): HTMLElement[] => [
  ...element.querySelectorAll<HTMLElement>('li.lobby-row'),
];

describe('the lobby browser', () => {
  test("rows follow the ranking's order, each with its ping, band and rank", () => {
    const view = createLobbyBrowser();
    view.update(
      snapshot({
        lobbies: [
          { lobby: lobby('b'), ping: 12 },
          { lobby: lobby('a'), ping: 95 },
        ],
      }),
    );
    expect(rows(view.element).map((row) => row.dataset['lobbyId'])).toEqual(['b', 'a']);
    expect(rows(view.element).map((row) => row.dataset['ping'])).toEqual(['12', '95']);
    expect(rows(view.element).map((row) => row.dataset['band'])).toEqual(['excellent', 'playable']);
    expect(rows(view.element)[1]!.querySelector('.ping-pill')!.textContent).toBe('95 ms');
    expect(rows(view.element)[1]!.querySelector('.lobby-row__rank')!.textContent).toBe('2');
  });

  test('the sentinels read "no estimate" and "unreachable", never a number', () => {
    const view = createLobbyBrowser();
    view.update(
      snapshot({
        lobbies: [
          { lobby: lobby('a'), ping: NETWORKING_PING_UNKNOWN },
          { lobby: lobby('b'), ping: NETWORKING_PING_FAILED },
        ],
      }),
    );
    const texts = rows(view.element).map((row) => row.querySelector('.ping-pill')!.textContent);
    expect(texts).toEqual(['no estimate', 'unreachable']);
    expect(rows(view.element).every((row) => row.dataset['band'] === 'unknown')).toBe(true);
  });

  test('a new ranking moves the same row elements (hover and focus survive)', () => {
    const view = createLobbyBrowser();
    view.update(
      snapshot({
        rankRevision: 1,
        lobbies: [
          { lobby: lobby('a'), ping: 5 },
          { lobby: lobby('b'), ping: 9 },
        ],
      }),
    );
    const [first, second] = rows(view.element);
    view.update(
      snapshot({
        rankRevision: 2,
        lobbies: [
          { lobby: lobby('b'), ping: 3 },
          { lobby: lobby('a'), ping: 8 },
        ],
      }),
    );
    expect(rows(view.element)).toEqual([second, first]);
    expect(view.element.querySelector('ol')!.dataset['rankRevision']).toBe('2');
  });

  test('the header says when there are no estimates because the relay network is unreachable', () => {
    const view = createLobbyBrowser();
    view.update(
      snapshot({
        status: { ...snapshot().status, available: NETWORKING_AVAILABILITY_FAILED },
        lobbies: [{ lobby: lobby('a'), ping: NETWORKING_PING_FAILED }],
      }),
    );
    expect(view.element.querySelector('.panel__meta')!.textContent).toMatch(
      /relay network unreachable/,
    );
  });

  test('the header says the pings are being measured after a move, and no row shows a number', () => {
    const view = createLobbyBrowser();
    view.update(
      snapshot({
        remeasuring: true,
        player: { name: 'Sydney (Australia)', lat: -33.87, lon: 151.21 },
        lobbies: [{ lobby: lobby('a'), ping: NETWORKING_PING_UNKNOWN }],
      }),
    );
    expect(view.element.querySelector('.panel__meta')!.textContent).toBe(
      '1 lobbies · measuring the pings from Sydney (Australia)…',
    );
    expect(view.element.querySelector('.lobby-row__ping')!.textContent).not.toMatch(/\d/);
  });

  test('after a move with the relay network unreachable, the header says it is unreachable', () => {
    const view = createLobbyBrowser();
    view.update(
      snapshot({
        remeasuring: true,
        status: { ...snapshot().status, available: NETWORKING_AVAILABILITY_FAILED },
        lobbies: [{ lobby: lobby('a'), ping: NETWORKING_PING_UNKNOWN }],
      }),
    );
    expect(view.element.querySelector('.panel__meta')!.textContent).toMatch(
      /relay network unreachable/,
    );
  });

  test('hovering a row reports its lobby; leaving the list reports none', () => {
    const hovered: (string | undefined)[] = [];
    const view = createLobbyBrowser({ onHover: (l) => hovered.push(l?.id) });
    view.update(snapshot({ lobbies: [{ lobby: lobby('a'), ping: 5 }] }));
    rows(view.element)[0]!
      .querySelector('.lobby-row__name')!
      .dispatchEvent(new Event('pointerover', { bubbles: true }));
    view.element.querySelector('ol')!.dispatchEvent(new Event('pointerleave'));
    expect(hovered).toEqual(['a', undefined]);
  });
});
