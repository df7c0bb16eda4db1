/**
 * A character trie over UTF-16 units in flat typed arrays, with tail compression.
 *
 * - Edges (parent node, unit) → child node live in one open-addressing hash table (linear probing, slots interleaved
 *   in one Int32Array): a lookup is a hash and usually one probe, and building allocates no object per node.
 * - Tails: the part of a name below the point where it stops sharing a prefix with any other name is not expanded
 *   into one node per unit but stored once, as a run of units in `tailUnits`, hanging from a node that has no
 *   children. A later name that shares part of a tail "bursts" it one unit at a time. With 100k names most units
 *   are in tails, so the trie has a few nodes per name instead of one per unit: building is a copy, and walking a
 *   tail is a sequential compare.
 *
 * Node 0 is the root. A node may carry a value (the name ending there) and, if it has no children, a tail (and the
 * value of the name ending at the tail's end). Values are ints ≥ 0; -1 = none.
 */
export class NameTrie {
  /**
   * Slot i occupies edges[4i .. 4i+3] = parent, unit, child, (unused): one cache line holds four slots, so a probe
   * costs one memory access. child 0 marks an empty slot (the root is never a child).
   */
  private edges: Int32Array;
  private mask: number;
  private edgeCount = 0;

  private values: Int32Array;
  private tailStarts: Int32Array;
  private tailEnds: Int32Array;
  private tailValues: Int32Array;
  private nodes = 1;

  private tailUnits: Uint16Array;
  private tailLength = 0;

  /** `expectedUnits`: total length of the names to insert (a sizing hint). */
  constructor(expectedUnits = 1024) {
    // With tails, a node per name plus the shared prefixes: about one node per 8 units of names.
    const expectedNodes = Math.max(16, Math.ceil(expectedUnits / 8));
    let capacity = 16;
    while (capacity * 0.6 < expectedNodes) capacity *= 2;
    this.edges = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    this.values = new Int32Array(expectedNodes).fill(-1);
    this.tailStarts = new Int32Array(expectedNodes).fill(-1);
    this.tailEnds = new Int32Array(expectedNodes);
    this.tailValues = new Int32Array(expectedNodes).fill(-1);
    this.tailUnits = new Uint16Array(Math.max(16, expectedUnits));
  }

  get nodeCount(): number {
    return this.nodes;
  }

  /** Child of `node` by `unit`, or -1. Nodes with a tail have no children. */
  child(node: number, unit: number): number {
    const edges = this.edges;
    const mask = this.mask;
    let slot = hashEdge(node, unit) & mask;
    for (;;) {
      const at = slot << 2;
      const child = edges[at + 2]!;
      if (child === 0) return -1;
      if (edges[at] === node && edges[at + 1] === unit) return child;
      slot = (slot + 1) & mask;
    }
  }

  /** Value of the name ending at `node`, or -1. */
  value(node: number): number {
    return this.values[node]!;
  }

  /** Start of the node's tail in `tailUnit` positions, or -1 when it has none. */
  tailStart(node: number): number {
    return this.tailStarts[node]!;
  }

  tailEnd(node: number): number {
    return this.tailEnds[node]!;
  }

  /** Value of the name ending at the end of the node's tail. */
  tailValue(node: number): number {
    return this.tailValues[node]!;
  }

  tailUnit(position: number): number {
    return this.tailUnits[position]!;
  }

  /**
   * Inserts units[from, to) (non-empty) with `value`. Returns -1 when the name is new (and stores `value`), or the
   * value already stored for it (and changes nothing).
   */
  insert(units: ArrayLike<number>, from: number, to: number, value: number): number {
    let node = 0;
    let i = from;
    for (;;) {
      if (i === to) {
        const existing = this.values[node]!;
        if (existing >= 0) return existing;
        this.values[node] = value;
        return -1;
      }
      if (this.tailStarts[node]! >= 0) this.burst(node);
      const next = this.child(node, units[i]!);
      if (next < 0) break;
      node = next;
      i++;
    }
    const child = this.addEdge(node, units[i]!);
    i++;
    if (i === to) this.values[child] = value;
    else this.attachTail(child, units, i, to, value);
    return -1;
  }

  private attachTail(node: number, units: ArrayLike<number>, from: number, to: number, value: number): void {
    const length = to - from;
    if (this.tailLength + length > this.tailUnits.length) {
      const grown = new Uint16Array(Math.max(this.tailUnits.length * 2, this.tailLength + length));
      grown.set(this.tailUnits.subarray(0, this.tailLength));
      this.tailUnits = grown;
    }
    const start = this.tailLength;
    for (let k = 0; k < length; k++) this.tailUnits[start + k] = units[from + k]!;
    this.tailLength += length;
    this.tailStarts[node] = start;
    this.tailEnds[node] = start + length;
    this.tailValues[node] = value;
  }

  /** Moves the first unit of the node's tail into a real child, which takes the rest of the tail. */
  private burst(node: number): void {
    const start = this.tailStarts[node]!;
    const end = this.tailEnds[node]!;
    const value = this.tailValues[node]!;
    this.tailStarts[node] = -1;
    this.tailValues[node] = -1;
    const child = this.addEdge(node, this.tailUnits[start]!);
    if (start + 1 === end) this.values[child] = value;
    else {
      // The rest of the tail stays where it is in tailUnits.
      this.tailStarts[child] = start + 1;
      this.tailEnds[child] = end;
      this.tailValues[child] = value;
    }
  }

  private addEdge(parent: number, unit: number): number {
    if (this.edgeCount + 1 > (this.mask + 1) * 0.6) this.rehash((this.mask + 1) * 2);
    const child = this.nodes++;
    if (child >= this.values.length) this.growNodes();
    this.place(parent, unit, child);
    this.edgeCount++;
    return child;
  }

  private growNodes(): void {
    const size = this.values.length * 2;
    const grow = (array: Int32Array, fill: number): Int32Array => {
      const grown = new Int32Array(size);
      if (fill !== 0) grown.fill(fill, array.length);
      grown.set(array);
      return grown;
    };
    this.values = grow(this.values, -1);
    this.tailStarts = grow(this.tailStarts, -1);
    this.tailEnds = grow(this.tailEnds, 0);
    this.tailValues = grow(this.tailValues, -1);
  }

  private place(parent: number, unit: number, child: number): void {
    const edges = this.edges;
    const mask = this.mask;
    let slot = hashEdge(parent, unit) & mask;
    while (edges[(slot << 2) + 2] !== 0) slot = (slot + 1) & mask;
    const at = slot << 2;
    edges[at] = parent;
    edges[at + 1] = unit;
    edges[at + 2] = child;
  }

  private rehash(capacity: number): void {
    const old = this.edges;
    this.edges = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 4) {
      const child = old[at + 2]!;
      if (child !== 0) this.place(old[at]!, old[at + 1]!, child);
    }
  }
}

function hashEdge(node: number, unit: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 13;
  return h;
}
