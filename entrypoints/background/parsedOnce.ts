/**
 * A stored value as parsed and checked, kept until the caller says the stored value changed: the worker assesses
 * a page every second (a hidden one on every streamed price), and a full fetched table is hundreds of KB to read
 * back and tens of milliseconds to check.
 */
export function parsedOnce<T>(read: () => Promise<T>): { get(): Promise<T>; forget(): void; keep(value: T): void } {
  let parsed: Promise<T> | null = null;
  return {
    get() {
      if (!parsed) {
        const reading = read();
        // A failed read is not remembered: the next assessment asks again.
        reading.catch(() => {
          if (parsed === reading) parsed = null;
        });
        parsed = reading;
      }
      return parsed;
    },
    forget() {
      parsed = null;
    },
    /** The caller stored `value`: it is the one to give from now on. */
    keep(value: T) {
      parsed = Promise.resolve(value);
    },
  };
}

interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/**
 * A stored item read from storage once and then kept in memory: the worker reads several on every snapshot, and
 * each read is a round trip to the browser (about 0.3 ms). Every write still goes to storage, where a restarted
 * worker and the popup find it. Only the worker's own writes are seen: a value someone else may write must be
 * forgotten when storage says it changed.
 */
export function keptItem<T>(item: StoredItem<T>): StoredItem<T> & { forget(): void } {
  const value = parsedOnce(() => item.getValue());
  return {
    getValue: () => value.get(),
    async setValue(next: T) {
      value.keep(next);
      await item.setValue(next);
    },
    forget: () => value.forget(),
  };
}
