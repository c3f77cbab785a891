/**
 * The lobby browser: one row per lobby with its name, mode and map, the host's city, the players,
 * and the estimated ping from the local player to the host, colour-coded by quality band. Rows
 * follow the ranking's order (best ping first; lobbies with no estimate last, saying so).
 *
 * DOM contract (read by the browser tests): every row is `li.lobby-row` with `data-lobby-id`,
 * `data-ping` (ms, or the negative sentinel) and `data-band`; the list is `ol.lobby-list` with
 * `data-rank-revision`.
 */
import { type DemoSnapshot } from '../demo-plugin.js';
import { type SimulatedLobby } from '../lobbies.js';
import { h, placeChildren, setAttr, setText } from './dom.js';
import { BAND_LABELS, bandOf, formatPing } from './ping-style.js';
import { availabilityTone } from './status-panel.js';

/** The mounted lobby browser. */
export interface LobbyBrowserView {
  readonly element: HTMLElement;
  /** Draws a snapshot (changes only what differs). */
  update(snapshot: DemoSnapshot): void;
}

/** Options of {@link createLobbyBrowser}. */
export interface LobbyBrowserOptions {
  /** Called with the lobby under the pointer, and with undefined when the pointer leaves. */
  readonly onHover?: (lobby: SimulatedLobby | undefined) => void;
}

interface LobbyRow {
  readonly element: HTMLLIElement;
  readonly rank: HTMLElement;
  readonly ping: HTMLElement;
}

/** Builds the lobby browser panel. */
export function createLobbyBrowser(options: LobbyBrowserOptions = {}): LobbyBrowserView {
  const meta = h('span', { class: 'panel__meta', text: 'waiting for the relay network' });
  const list = h('ol', { class: 'lobby-list', attrs: { 'data-rank-revision': '0' } });
  const element = h(
    'section',
    { class: 'panel lobby-browser', attrs: { 'aria-label': 'Lobby browser' } },
    h('header', { class: 'panel__header' }, h('h2', { text: 'Lobbies' }), meta),
    h(
      'div',
      { class: 'lobby-columns', attrs: { 'aria-hidden': 'true' } },
      h('span', { text: '#' }),
      h('span', { text: 'Lobby' }),
      h('span', { text: 'Host' }),
      h('span', { text: 'Players' }),
      h('span', { class: 'lobby-columns__ping', text: 'Ping' }),
    ),
    list,
  );
  // Delegated, so one listener serves every row, and moving between rows reports each once.
  let hovered: SimulatedLobby | undefined;
  const lobbyAt = (target: EventTarget | null): SimulatedLobby | undefined => {
    const row = target instanceof Element ? target.closest('.lobby-row') : null;
    const id = row?.getAttribute('data-lobby-id');
    return id === null || id === undefined ? undefined : lobbiesById.get(id);
  };
  list.addEventListener('pointerover', (event) => {
    const lobby = lobbyAt(event.target);
    if (lobby !== hovered) {
      hovered = lobby;
      options.onHover?.(lobby);
    }
  });
  list.addEventListener('pointerleave', () => {
    hovered = undefined;
    options.onHover?.(undefined);
  });

  const rows = new Map<string, LobbyRow>();
  const lobbiesById = new Map<string, SimulatedLobby>();
  const rowFor = (lobby: SimulatedLobby): LobbyRow => {
    const existing = rows.get(lobby.id);
    if (existing !== undefined) return existing;
    const rank = h('span', { class: 'lobby-row__rank' });
    const ping = h('span', { class: 'ping-pill' });
    const fill = Math.round((lobby.players / lobby.maxPlayers) * 100);
    const row: LobbyRow = {
      rank,
      ping,
      element: h(
        'li',
        { class: 'lobby-row', attrs: { 'data-lobby-id': lobby.id } },
        rank,
        h(
          'span',
          { class: 'lobby-row__title' },
          h('span', { class: 'lobby-row__name', text: lobby.name }),
          h('span', { class: 'lobby-row__sub', text: `${lobby.mode} · ${lobby.map}` }),
        ),
        h(
          'span',
          { class: 'lobby-row__host' },
          h('span', { text: lobby.hostCity }),
          h('span', { class: 'lobby-row__sub', text: lobby.hostCountry }),
        ),
        h(
          'span',
          { class: 'lobby-row__players' },
          h('span', { text: `${lobby.players}/${lobby.maxPlayers}` }),
          h(
            'span',
            { class: 'meter', attrs: { 'aria-hidden': 'true' } },
            h('span', { class: 'meter__fill', attrs: { style: `width:${fill}%` } }),
          ),
        ),
        h('span', { class: 'lobby-row__ping' }, ping),
      ),
    };
    rows.set(lobby.id, row);
    lobbiesById.set(lobby.id, lobby);
    return row;
  };

  let drawnRevision = -1;
  return {
    element,
    update(snapshot) {
      const estimated = snapshot.lobbies.filter((entry) => entry.ping >= 0).length;
      const tone = availabilityTone(snapshot.status.available);
      const total = snapshot.lobbies.length;
      setText(
        meta,
        // An unreachable relay network says so first: there is nothing to measure then.
        snapshot.remeasuring && tone !== 'bad'
          ? `${total} lobbies · measuring the pings from ${snapshot.player?.name ?? 'here'}…`
          : estimated > 0
            ? `${total} lobbies · best ping first` +
              (estimated < total ? ` · ${total - estimated} without estimate` : '')
            : tone === 'bad'
              ? `${total} lobbies · no estimates: relay network unreachable`
              : tone === 'ok'
                ? `${total} lobbies · no estimates`
                : `${total} lobbies · waiting for the relay network`,
      );
      if (snapshot.rankRevision === drawnRevision) return;
      drawnRevision = snapshot.rankRevision;
      const ordered = snapshot.lobbies.map((entry, index) => {
        const row = rowFor(entry.lobby);
        const band = bandOf(entry.ping);
        setText(row.rank, String(index + 1));
        setAttr(row.element, 'data-ping', String(entry.ping));
        setAttr(row.element, 'data-band', band);
        setText(row.ping, formatPing(entry.ping));
        setAttr(row.ping, 'data-band', band);
        setAttr(row.ping, 'title', BAND_LABELS[band]);
        return row.element;
      });
      placeChildren(list, ordered);
      setAttr(list, 'data-rank-revision', String(snapshot.rankRevision));
    },
  };
}
