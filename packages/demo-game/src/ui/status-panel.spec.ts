/** @jest-environment jsdom */
import {
  NETWORKING_AVAILABILITY_ATTEMPTING,
  NETWORKING_AVAILABILITY_CURRENT,
  NETWORKING_AVAILABILITY_RETRYING,
} from '@relaylane/steam-net-utils';

import { snapshot } from '../test-support/snapshots.js';
import { availabilityShortName, availabilityTone, createStatusPanel } from './status-panel.js';

describe('the status panel', () => {
  test('names the availabilities as GodotSteam does, without the prefix', () => {
    expect(availabilityShortName(NETWORKING_AVAILABILITY_CURRENT)).toBe('CURRENT');
    expect(availabilityShortName(NETWORKING_AVAILABILITY_RETRYING)).toBe('RETRYING');
    expect(availabilityShortName(12345)).toBe('12345');
  });

  test('tones: CURRENT ok, ATTEMPTING busy, RETRYING bad', () => {
    expect(availabilityTone(NETWORKING_AVAILABILITY_CURRENT)).toBe('ok');
    expect(availabilityTone(NETWORKING_AVAILABILITY_ATTEMPTING)).toBe('busy');
    expect(availabilityTone(NETWORKING_AVAILABILITY_RETRYING)).toBe('bad');
  });

  test('shows the summary, the three values, the backend, the player and the location', () => {
    const view = createStatusPanel();
    const base = snapshot();
    view.update({
      ...base,
      status: {
        ...base.status,
        available: NETWORKING_AVAILABILITY_RETRYING,
        available_relay: NETWORKING_AVAILABILITY_RETRYING,
        ping_measurement: 1,
        debug_message: 'Lost contact',
      },
      localLocation: 'fra=5+0,ams=9+0',
    });
    const text = (selector: string) => view.element.querySelector(selector)!.textContent;
    expect(view.element.querySelector<HTMLElement>('.status-summary')!.dataset['status']).toBe(
      'RETRYING',
    );
    expect(text('.status-message')).toBe('Lost contact');
    const values = [...view.element.querySelectorAll('.status-value')].map((dd) => dd.textContent);
    expect(values).toEqual(['CURRENT', 'RETRYING']);
    expect(view.element.querySelector<HTMLElement>('.status-backend')!.dataset['backend']).toBe(
      'simulated',
    );
    expect(text('.status-player')).toBe('Frankfurt (Germany)');
    expect(view.element.querySelector<HTMLElement>('.status-location')!.dataset['location']).toBe(
      'fra=5+0,ams=9+0',
    );
  });

  test('the history lists status changes newest first', () => {
    const view = createStatusPanel();
    const status = snapshot().status;
    view.update(
      snapshot({
        statusHistory: [
          { ...status, available: NETWORKING_AVAILABILITY_ATTEMPTING, atMs: 1000 },
          { ...status, available: NETWORKING_AVAILABILITY_CURRENT, atMs: 4000 },
        ],
      }),
    );
    const items = [...view.element.querySelectorAll<HTMLElement>('.status-history li')];
    expect(items.map((item) => item.dataset['status'])).toEqual(['CURRENT', 'ATTEMPTING']);
  });
});
