/** @jest-environment jsdom */
import { NETWORKING_PING_FAILED } from '@relaylane/steam-net-utils';

import { candidate, snapshot } from '../test-support/snapshots.js';
import { createRegionPicker } from './region-picker.js';

function picker() {
  const calls: string[] = [];
  const view = createRegionPicker({
    pin: (code) => void calls.push(`pin ${code}`),
    unpin: () => void calls.push('unpin'),
  });
  return { view, calls };
}

const fra = candidate('fra', 5);
const ams = candidate('ams', 11);
const sgp = candidate('sgp', NETWORKING_PING_FAILED, false);

describe('the region picker', () => {
  test('shows the region in use, marks its row, and lists every POP by ping with unreachable ones last', () => {
    const { view } = picker();
    view.update(
      snapshot({
        region: {
          ...snapshot().region,
          candidates: [sgp, ams, fra],
          current: { popId: fra.popId, code: 'fra', ping: 5, relayPopId: fra.popId, pinned: false },
          unreachable: ['sgp'],
        },
      }),
    );
    const current = view.element.querySelector<HTMLElement>('.region-current')!;
    expect(current.dataset).toMatchObject({ pop: 'fra', ping: '5', pinned: 'false' });
    const rows = [...view.element.querySelectorAll<HTMLElement>('li.pop-row')];
    expect(rows.map((row) => row.dataset['pop'])).toEqual(['fra', 'ams', 'sgp']);
    expect(
      rows.filter((row) => row.dataset['chosen'] === 'true').map((row) => row.dataset['pop']),
    ).toEqual(['fra']);
    expect(rows[2]!.querySelector('.ping-pill')!.textContent).toBe('failed');
    expect(view.element.querySelector('.region-unreachable')!.textContent).toContain('sgp');
    expect(view.element.querySelector('.badge')!.textContent).toBe('auto');
  });

  test("a row's Pin button pins its POP; on the pinned POP it unpins", () => {
    const { view, calls } = picker();
    view.update(
      snapshot({ region: { ...snapshot().region, candidates: [fra, ams], pinned: 'ams' } }),
    );
    const button = (code: string) =>
      view.element.querySelector<HTMLButtonElement>(`li.pop-row[data-pop="${code}"] button`)!;
    button('fra').click();
    button('ams').click();
    expect(calls).toEqual(['pin fra', 'unpin']);
    expect(button('ams').textContent).toBe('Pinned');
    expect(view.element.querySelector('.badge')!.textContent).toBe('pinned');
  });

  test('the select pins the chosen code; Automatic unpins', () => {
    const { view, calls } = picker();
    view.update(snapshot({ region: { ...snapshot().region, candidates: [fra, ams] } }));
    const select = view.element.querySelector<HTMLSelectElement>('select')!;
    expect([...select.options].map((option) => option.value)).toEqual(['', 'ams', 'fra']);
    select.value = 'ams';
    select.dispatchEvent(new Event('change'));
    view.element.querySelector<HTMLButtonElement>('.region-controls .btn')!.click();
    expect(calls).toEqual(['pin ams', 'unpin']);
  });

  test('each option of the select names the place and its ping now, not a bare code', () => {
    const { view } = picker();
    view.update(snapshot({ region: { ...snapshot().region, candidates: [fra, ams] } }));
    const select = view.element.querySelector<HTMLSelectElement>('select')!;
    const labels = (): string[] => [...select.options].slice(1).map((option) => option.text);
    expect(labels()).toEqual([
      `AMS · Amsterdam · ${ams.ping} ms`,
      `FRA · Frankfurt · ${fra.ping} ms`,
    ]);
    const firstOption = select.options[1];
    view.update(
      snapshot({ region: { ...snapshot().region, candidates: [{ ...fra, ping: 9 }, ams] } }),
    );
    expect(labels()[1]).toBe('FRA · Frankfurt · 9 ms');
    // Updated in place: an open list is not rebuilt under the player's pointer.
    expect(select.options[1]).toBe(firstOption);
  });

  test('region changes are listed newest first with their reason', () => {
    const { view } = picker();
    view.update(
      snapshot({
        atMs: 20_000,
        region: {
          ...snapshot().region,
          changes: [
            { atMs: 1000, popId: fra.popId, code: 'fra', ping: 5, reason: 'initial' },
            { atMs: 15_000, popId: ams.popId, code: 'ams', ping: 4, reason: 'better' },
          ],
        },
      }),
    );
    const items = [...view.element.querySelectorAll<HTMLElement>('.region-changes li')];
    expect(items.map((item) => item.dataset['reason'])).toEqual(['better', 'initial']);
    expect(items[0]!.textContent).toContain('5 s ago');
  });
});
