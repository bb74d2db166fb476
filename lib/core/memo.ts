/**
 * A pure function of a string, remembered: the reader sees the same cell texts (a symbol, a size, an entry
 * price) on every read of a page whose prices tick, and parses only the ones that changed. Forgets everything
 * once `limit` texts are held, so a page full of changing numbers cannot grow it without bound.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 1000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined || known.has(text)) return hit as T;
    if (known.size >= limit) known.clear();
    const value = compute(text);
    known.set(text, value);
    return value;
  };
}
