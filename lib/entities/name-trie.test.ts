import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameTrie } from './name-trie';

const unitsOf = (text: string): number[] => Array.from(text, (character) => character.charCodeAt(0));

/** Exact lookup through the public walking API (what the matcher does, without boundaries). */
function lookup(trie: NameTrie, text: string): number {
  const units = unitsOf(text);
  let node = 0;
  let i = 0;
  for (;;) {
    const tailStart = trie.tailStart(node);
    if (tailStart >= 0 && i < units.length) {
      const tailEnd = trie.tailEnd(node);
      if (units.length - i !== tailEnd - tailStart) return -1;
      for (let t = tailStart; t < tailEnd; t++, i++) if (trie.tailUnit(t) !== units[i]) return -1;
      return trie.tailValue(node);
    }
    if (i === units.length) return trie.value(node);
    node = trie.child(node, units[i]!);
    if (node < 0) return -1;
    i++;
  }
}

describe('NameTrie', () => {
  it('stores names, bursts shared tails, and reports duplicates', () => {
    const trie = new NameTrie(4);
    const insert = (text: string, value: number): number => trie.insert(unitsOf(text), 0, text.length, value);
    expect(insert('العراق', 0)).toBe(-1);
    expect(trie.nodeCount).toBe(2); // root + "ا" carrying the tail "لعراق"
    expect(insert('العراقية', 1)).toBe(-1);
    expect(insert('الع', 2)).toBe(-1);
    expect(insert('العراق', 9)).toBe(0);
    expect(insert('ب', 3)).toBe(-1);
    const expected: Array<[string, number]> = [
      ['العراق', 0],
      ['العراقية', 1],
      ['الع', 2],
      ['ب', 3],
      ['ال', -1],
      ['العراقي', -1],
      ['x', -1],
    ];
    for (const [text, value] of expected) expect(lookup(trie, text), text).toBe(value);
  });

  it('finds exactly what was inserted, first value wins (property)', () => {
    const name = fc.string({ unit: fc.constantFrom('ا', 'ل', 'ب', 'ي'), minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), fc.array(name, { maxLength: 10 }), (names, probes) => {
        const trie = new NameTrie(1);
        const first = new Map<string, number>();
        names.forEach((text, value) => {
          expect(trie.insert(unitsOf(text), 0, text.length, value)).toBe(first.get(text) ?? -1);
          if (!first.has(text)) first.set(text, value);
        });
        for (const text of [...names, ...probes]) expect(lookup(trie, text)).toBe(first.get(text) ?? -1);
      }),
      { numRuns: 1000 },
    );
  });
});
