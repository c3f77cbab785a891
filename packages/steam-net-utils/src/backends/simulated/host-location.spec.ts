import { resolveHostLocation } from './host-location.js';

describe('resolveHostLocation', () => {
  it('resolves a catalogue city with its country', () => {
    const resolved = resolveHostLocation('frankfurt');
    expect(resolved.name).toBe('Frankfurt (Germany)');
    expect(resolved.place.countryCode).toBe('DE');
    expect(resolved.place.lat).toBeCloseTo(50.1, 1);
  });

  it('takes coordinates as they are', () => {
    expect(resolveHostLocation({ lat: -33.9, lon: 151.2 })).toEqual({
      place: { lat: -33.9, lon: 151.2 },
      name: '33.90°S 151.20°E',
    });
  });

  it('names close matches for an unknown city', () => {
    expect(() => resolveHostLocation('Frankfrut')).toThrow(
      expect.objectContaining({
        code: 'SIMULATION_UNKNOWN_CITY',
        message: expect.stringContaining('Frankfurt'),
      }),
    );
  });

  it('refuses coordinates off the globe and values of the wrong kind', () => {
    expect(() => resolveHostLocation({ lat: 91, lon: 0 })).toThrow(RangeError);
    expect(() => resolveHostLocation(42 as unknown as string)).toThrow(/city name/);
  });
});
