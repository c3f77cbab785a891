import { POP_CATALOGUE, type PopInfo } from '../world/index.js';
import { buildPopTable, popTable } from './pop-table.js';

describe('popTable', () => {
  it('indexes the POP catalogue in its order, by id and by code', () => {
    const table = popTable();
    expect(table.size).toBe(POP_CATALOGUE.length);
    POP_CATALOGUE.forEach((pop, index) => {
      expect(table.ids[index]).toBe(pop.id);
      expect(table.codes[index]).toBe(pop.code);
      expect(table.indexById.get(pop.id)).toBe(index);
      expect(table.indexByCode.get(pop.code)).toBe(index);
    });
  });

  it('gives another fingerprint when the catalogue changes order or content', () => {
    const base = buildPopTable(POP_CATALOGUE).fingerprint;
    const swapped = [POP_CATALOGUE[1]!, POP_CATALOGUE[0]!, ...POP_CATALOGUE.slice(2)];
    expect(buildPopTable(swapped).fingerprint).not.toBe(base);
    expect(buildPopTable(POP_CATALOGUE.slice(1)).fingerprint).not.toBe(base);
    expect(buildPopTable([...POP_CATALOGUE]).fingerprint).toBe(base);
  });

  it('refuses a catalogue too large for one-byte indices', () => {
    const pops: PopInfo[] = Array.from({ length: 255 }, (_, i) => ({
      ...POP_CATALOGUE[0]!,
      id: i + 1,
      code: `p${i}`,
    }));
    expect(() => buildPopTable(pops)).toThrow(RangeError);
    expect(() => buildPopTable(pops.slice(0, 254))).not.toThrow();
  });

  it('refuses a catalogue that lists a POP twice', () => {
    expect(() => buildPopTable([POP_CATALOGUE[0]!, POP_CATALOGUE[0]!])).toThrow(/twice/);
  });
});
