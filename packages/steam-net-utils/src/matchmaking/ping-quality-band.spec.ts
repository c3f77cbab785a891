import fc from 'fast-check';

import { NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN } from '../constants/index.js';
import {
  createPingBandClassifier,
  DEFAULT_PING_BAND_THRESHOLDS,
  PING_BANDS,
  pingQualityBand,
} from './ping-quality-band.js';

describe('pingQualityBand', () => {
  it('uses the default bounds 40 / 80 / 150 ms, each inclusive', () => {
    expect(DEFAULT_PING_BAND_THRESHOLDS).toEqual({ excellent: 40, good: 80, playable: 150 });
    expect([0, 40, 40.5, 80, 81, 150, 150.01, 5000].map((ping) => pingQualityBand(ping))).toEqual([
      'excellent',
      'excellent',
      'good',
      'good',
      'playable',
      'playable',
      'poor',
      'poor',
    ]);
  });

  it('puts an infinite ping in poor', () => {
    expect(pingQualityBand(Infinity)).toBe('poor');
  });

  it('reports every sentinel, any negative ping and NaN as unknown', () => {
    for (const ping of [NETWORKING_PING_FAILED, NETWORKING_PING_UNKNOWN, -0.5, -1000, NaN]) {
      expect(pingQualityBand(ping)).toBe('unknown');
    }
  });

  it('lets a game override any bound, the others keeping their defaults', () => {
    expect(pingQualityBand(30, { excellent: 20 })).toBe('good');
    expect(pingQualityBand(100, { good: 120 })).toBe('good');
    expect(pingQualityBand(160, { playable: 200 })).toBe('playable');
    expect(pingQualityBand(160, { excellent: 10, good: 20, playable: 30 })).toBe('poor');
  });

  it('accepts equal bounds (a band may be empty)', () => {
    expect(pingQualityBand(50, { excellent: 50, good: 50, playable: 50 })).toBe('excellent');
    expect(pingQualityBand(51, { excellent: 50, good: 50, playable: 50 })).toBe('poor');
  });

  it('refuses bounds out of order, naming them and the defaults', () => {
    expect(() => pingQualityBand(10, { excellent: 100 })).toThrow(RangeError);
    expect(() => pingQualityBand(10, { excellent: 100 })).toThrow(
      /excellent <= good <= playable, got excellent 100, good 80, playable 150/,
    );
  });

  it('refuses a negative or non-finite bound with a RangeError naming it', () => {
    expect(() => pingQualityBand(10, { good: -1 })).toThrow(/thresholds\.good must be a finite/);
    expect(() => pingQualityBand(10, { playable: Infinity })).toThrow(RangeError);
    expect(() => pingQualityBand(10, { excellent: NaN })).toThrow(RangeError);
  });

  it('refuses a bound, a ping or thresholds of the wrong type with a TypeError', () => {
    expect(() => pingQualityBand(10, { good: '80' as unknown as number })).toThrow(
      /pingQualityBand: thresholds\.good must be a number of ms, got the string "80"/,
    );
    expect(() => pingQualityBand('10' as unknown as number)).toThrow(TypeError);
    expect(() => pingQualityBand(10, null as unknown as object)).toThrow(TypeError);
  });

  it('lists the bands best first with unknown last', () => {
    expect(PING_BANDS).toEqual(['excellent', 'good', 'playable', 'poor', 'unknown']);
  });
});

describe('createPingBandClassifier', () => {
  it('classifies exactly as pingQualityBand with the same thresholds', () => {
    const bound = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(
        fc.tuple(bound, bound, bound).map((bounds) => bounds.sort((a, b) => a - b)),
        fc.oneof(fc.double({ min: -3, max: 500, noNaN: false }), fc.integer({ min: -2, max: 500 })),
        ([excellent, good, playable], ping) => {
          const thresholds = { excellent, good, playable };
          expect(createPingBandClassifier(thresholds)(ping)).toBe(
            pingQualityBand(ping, thresholds),
          );
        },
      ),
    );
  });

  it('checks the thresholds once, when it is made', () => {
    expect(() => createPingBandClassifier({ good: 10, excellent: 20 })).toThrow(
      /createPingBandClassifier: thresholds must satisfy/,
    );
  });

  it('uses the defaults when given no thresholds', () => {
    const classify = createPingBandClassifier();
    expect([40, 41, 151, -1].map(classify)).toEqual(['excellent', 'good', 'poor', 'unknown']);
  });
});
