// A small least-recently-used map, bounded by total weight: by default each entry weighs 1 (a
// count limit); the engine's caches weigh entries in characters, so long drafts cannot make them
// grow without bound.

/**
 * A copy of `s` that shares no memory with the string it was cut from. V8 keeps the whole of a
 * string alive behind every slice of it, so a cache keyed by a paragraph sliced from a
 * 200,000-character draft would hold one whole draft per keystroke, whatever its own size says.
 */
export function detached(s: string): string {
  // Short slices are copied by V8 already; JSON's parser builds a new string from a new source.
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

export class LruCache<K, V> {
  private map = new Map<K, { value: V; weight: number }>();
  private total = 0;
  constructor(
    private readonly limit: number,
    private readonly weigh: (key: K, value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (e !== undefined) {
      this.map.delete(key);
      this.map.set(key, e);
    }
    return e?.value;
  }

  set(key: K, value: V): void {
    const old = this.map.get(key);
    if (old) {
      this.map.delete(key);
      this.total -= old.weight;
    }
    const weight = this.weigh(key, value);
    // An entry heavier than the whole cache is not kept (and evicts nothing).
    if (weight > this.limit) return;
    while (this.total + weight > this.limit) {
      const [oldestKey, oldest] = this.map.entries().next().value as [K, { weight: number }];
      this.map.delete(oldestKey);
      this.total -= oldest.weight;
    }
    this.map.set(typeof key === 'string' ? (detached(key) as K) : key, { value, weight });
    this.total += weight;
  }

  clear(): void {
    this.map.clear();
    this.total = 0;
  }

  get size(): number {
    return this.map.size;
  }

  /** Sum of the weights held (characters, for the engine's caches). */
  get weight(): number {
    return this.total;
  }
}
