/**
 * The region picker: the region in use (the automatic pick, or the pinned one), every data center
 * (POP) with its ping and the relay the route enters through, a manual override (a Pin button per
 * POP and a select; "Automatic" unpins), the latest region changes with their reason, and the
 * POPs that cannot be reached.
 *
 * DOM contract (read by the browser tests): `.region-current` has `data-pop` (the code in use, ''
 * while there is none), `data-ping` and `data-pinned`; each `li.pop-row` has `data-pop`,
 * `data-ping`, `data-band`, and `data-chosen="true"` on the region in use.
 */
import { compareCandidates, type RegionCandidate } from '@relaylane/steam-net-utils';
import { getPopInfo } from '@relaylane/steam-net-utils/simulated';

import { type DemoSnapshot, type RegionChangeEvent } from '../demo-plugin.js';
import { formatAgo, h, placeChildren, setAttr, setText } from './dom.js';
import { bandOf, formatPing, formatPingShort } from './ping-style.js';

/** How many unreachable POP codes are listed before "and N more". */
const UNREACHABLE_LISTED = 10;

/** The mounted region picker. */
export interface RegionPickerView {
  readonly element: HTMLElement;
  /** Draws a snapshot (changes only what differs). */
  update(snapshot: DemoSnapshot): void;
}

/** What the picker asks of the game. */
export interface RegionPickerActions {
  /** Pin this POP code (the manual override). */
  pin(code: string): void;
  /** Go back to the automatic pick. */
  unpin(): void;
}

interface PopRow {
  readonly element: HTMLLIElement;
  readonly relay: HTMLElement;
  readonly ping: HTMLElement;
  readonly pin: HTMLButtonElement;
}

const REASON_TEXT: Readonly<Record<RegionChangeEvent['reason'], string>> = {
  initial: 'first pick',
  better: 'faster region',
  pinned: 'pinned',
  unpinned: 'back to automatic',
  unreachable: 'previous one unreachable',
};

/** A dropdown option: `FRA · Frankfurt · 5 ms` (the ping's sentinel words when it has none). */
export function optionLabel(candidate: RegionCandidate): string {
  const ping = candidate.reachable ? formatPing(candidate.ping) : 'unreachable';
  return `${candidate.code.toUpperCase()} · ${popPlace(candidate.popId, candidate.code, true)} · ${ping}`;
}

/** 'Frankfurt, Germany' (or just 'Frankfurt' when `short`) for a catalogue POP; the code otherwise. */
function popPlace(popId: number, code: string, short = false): string {
  const info = getPopInfo(popId);
  if (info === undefined) return code;
  return short ? info.city : `${info.city}, ${info.country}`;
}

/** Builds the region picker panel. */
export function createRegionPicker(actions: RegionPickerActions): RegionPickerView {
  const modeBadge = h('span', { class: 'badge', text: 'auto' });
  const currentCode = h('span', { class: 'region-current__code', text: '···' });
  const currentPlace = h('span', { class: 'region-current__place', text: 'Measuring pings…' });
  const currentRoute = h('span', { class: 'region-current__route' });
  const currentPing = h('span', { class: 'ping-pill ping-pill--large', text: '' });
  const current = h(
    'div',
    { class: 'region-current', attrs: { 'data-pop': '', 'data-pinned': 'false' } },
    currentCode,
    h('span', { class: 'region-current__text' }, currentPlace, currentRoute),
    currentPing,
  );

  const autoButton = h('button', {
    class: 'btn',
    text: 'Automatic',
    attrs: {
      type: 'button',
      'aria-pressed': 'true',
      title: 'Let the selector pick the best region',
    },
  });
  autoButton.addEventListener('click', () => actions.unpin());
  const select = h(
    'select',
    { class: 'region-select', attrs: { 'aria-label': 'Pin a region' } },
    h('option', { text: 'Pin a region…', attrs: { value: '' } }),
  );
  select.addEventListener('change', () => {
    if (select.value === '') actions.unpin();
    else actions.pin(select.value);
  });

  const list = h('ol', { class: 'pop-list' });
  const changes = h('ol', { class: 'event-list region-changes' });
  const unreachable = h('p', { class: 'region-unreachable', attrs: { hidden: '' } });
  const count = h('span', { class: 'panel__meta' });

  const element = h(
    'section',
    { class: 'panel region-picker', attrs: { 'aria-label': 'Region picker' } },
    h('header', { class: 'panel__header' }, h('h2', { text: 'Region' }), modeBadge),
    current,
    h('div', { class: 'region-controls' }, autoButton, select),
    h('div', { class: 'subheader' }, h('span', { text: 'Data centers' }), count),
    list,
    unreachable,
    h('div', { class: 'subheader' }, h('span', { text: 'Region changes' })),
    changes,
  );

  const rows = new Map<number, PopRow>();
  const rowFor = (candidate: RegionCandidate): PopRow => {
    const existing = rows.get(candidate.popId);
    if (existing !== undefined) return existing;
    const relay = h('span', { class: 'pop-row__relay' });
    const ping = h('span', { class: 'ping-pill' });
    const pin = h('button', {
      class: 'btn btn--small',
      text: 'Pin',
      attrs: { type: 'button', title: `Pin ${candidate.code}` },
    });
    pin.addEventListener('click', () => {
      if (pin.getAttribute('aria-pressed') === 'true') actions.unpin();
      else actions.pin(candidate.code);
    });
    const row: PopRow = {
      relay,
      ping,
      pin,
      element: h(
        'li',
        { class: 'pop-row', attrs: { 'data-pop': candidate.code } },
        h('code', { class: 'pop-row__code', text: candidate.code }),
        h('span', {
          class: 'pop-row__place',
          text: popPlace(candidate.popId, candidate.code, true),
          attrs: { title: popPlace(candidate.popId, candidate.code) },
        }),
        relay,
        ping,
        pin,
      ),
    };
    rows.set(candidate.popId, row);
    return row;
  };

  let optionCodes = '';
  return {
    element,
    update(snapshot) {
      const region = snapshot.region;
      const choice = region.current;
      const pinned = region.pinned;

      setText(modeBadge, pinned === undefined ? 'auto' : 'pinned');
      setAttr(modeBadge, 'data-mode', pinned === undefined ? 'auto' : 'pinned');
      setAttr(autoButton, 'aria-pressed', String(pinned === undefined));
      setAttr(current, 'data-pop', choice?.code ?? '');
      setAttr(current, 'data-ping', choice === undefined ? undefined : String(choice.ping));
      setAttr(current, 'data-pinned', String(choice?.pinned ?? false));
      if (choice === undefined) {
        setText(currentCode, '···');
        setText(
          currentPlace,
          region.candidates.length === 0 ? 'Measuring pings…' : 'No reachable region',
        );
        setText(currentRoute, pinned === undefined ? '' : `pinned to ${pinned}`);
        setText(currentPing, '');
        setAttr(currentPing, 'data-band', undefined);
        setAttr(currentPing, 'hidden', '');
      } else {
        setText(currentCode, choice.code.toUpperCase());
        setText(currentPlace, popPlace(choice.popId, choice.code));
        const relayCode = region.candidates.find((c) => c.popId === choice.relayPopId)?.code;
        setText(
          currentRoute,
          (choice.pinned ? 'Pinned' : 'Automatic pick') +
            (choice.relayPopId === choice.popId || relayCode === undefined
              ? ' · direct relay'
              : ` · via ${relayCode} relay`),
        );
        setAttr(currentPing, 'hidden', undefined);
        setText(currentPing, formatPing(choice.ping));
        setAttr(currentPing, 'data-band', bandOf(choice.ping));
      }

      const byCode = [...region.candidates].sort((a, b) => (a.code < b.code ? -1 : 1));
      const key = byCode.map((c) => c.code).join(',');
      if (key !== optionCodes) {
        optionCodes = key;
        select.replaceChildren(
          h('option', { text: 'Pin a region…', attrs: { value: '' } }),
          ...byCode.map((c) => h('option', { attrs: { value: c.code } })),
        );
      }
      // Each option names the place and its ping now, not a bare code; the options stay in place
      // (an open list is not rebuilt), only their text follows the pings.
      byCode.forEach((candidate, index) => {
        const option = select.options[index + 1];
        if (option !== undefined) setText(option, optionLabel(candidate));
      });
      if (select.value !== (pinned ?? '')) select.value = pinned ?? '';

      const sorted = [...region.candidates].sort(compareCandidates);
      const reachableCount = sorted.filter((c) => c.reachable && c.ping >= 0).length;
      setText(count, `${reachableCount} of ${sorted.length} reachable`);
      placeChildren(
        list,
        sorted.map((candidate) => {
          const row = rowFor(candidate);
          const band = candidate.reachable ? bandOf(candidate.ping) : 'unknown';
          const chosen = choice?.popId === candidate.popId;
          const relayCode =
            candidate.relayPopId === 0
              ? undefined
              : candidate.relayPopId === candidate.popId
                ? 'direct'
                : `via ${region.candidates.find((c) => c.popId === candidate.relayPopId)?.code ?? '?'}`;
          setAttr(row.element, 'data-ping', String(candidate.ping));
          setAttr(row.element, 'data-band', band);
          setAttr(row.element, 'data-chosen', chosen ? 'true' : undefined);
          setAttr(
            row.element,
            'data-fastest',
            region.fastest?.popId === candidate.popId ? 'true' : undefined,
          );
          setAttr(row.element, 'data-reachable', String(candidate.reachable));
          setText(row.relay, relayCode ?? '');
          setText(row.ping, formatPingShort(candidate.ping));
          setAttr(row.ping, 'title', formatPing(candidate.ping));
          setAttr(row.ping, 'data-band', band);
          const isPinned = pinned === candidate.code;
          setText(row.pin, isPinned ? 'Pinned' : 'Pin');
          setAttr(row.pin, 'aria-pressed', String(isPinned));
          return row.element;
        }),
      );

      if (region.unreachable.length === 0) {
        setAttr(unreachable, 'hidden', '');
      } else {
        setAttr(unreachable, 'hidden', undefined);
        const listed = region.unreachable.slice(0, UNREACHABLE_LISTED).join(', ');
        const more = region.unreachable.length - UNREACHABLE_LISTED;
        setText(
          unreachable,
          region.unreachable.length === region.candidates.length && region.candidates.length > 0
            ? `Every data center is unreachable right now (${region.unreachable.length}).`
            : `Unreachable now: ${listed}${more > 0 ? ` and ${more} more` : ''}`,
        );
        setAttr(unreachable, 'title', region.unreachable.join(', '));
      }

      placeChildren(
        changes,
        region.changes.length === 0
          ? [h('li', { class: 'event-list__empty', text: 'No region picked yet.' })]
          : [...region.changes].reverse().map((change) =>
              h(
                'li',
                { attrs: { 'data-pop': change.code, 'data-reason': change.reason } },
                h('code', { text: change.code === '' ? 'none' : change.code }),
                h('span', {
                  text:
                    change.code === ''
                      ? 'no reachable region'
                      : `${formatPing(change.ping)} · ${REASON_TEXT[change.reason]}`,
                }),
                h('span', {
                  class: 'event-list__time',
                  text: formatAgo(snapshot.atMs - change.atMs),
                }),
              ),
            ),
      );
    },
  };
}
