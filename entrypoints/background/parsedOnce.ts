/**
 * A stored value as parsed and checked, kept until the caller says the stored value changed: the worker assesses
 * a page every second (a hidden one on every streamed price), and a full fetched table is hundreds of KB to read
 * back and tens of milliseconds to check.
 */
export function parsedOnce<T>(read: () => Promise<T>): { get(): Promise<T>; forget(): void } {
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
  };
}
