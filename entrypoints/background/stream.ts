/** One message of an exchange's mark-price stream → a symbol's new mark, or null for anything else. */
type MarkParser = (message: string) => { symbol: string; markPrice: string } | null;

/** How to follow one stream: its parser, what to send once open (subscriptions), and a keep-alive message. */
export interface StreamTerms {
  parse: MarkParser;
  subscribe: string[];
  keepAlive?: { message: string; everyMs: number };
}

interface Watched extends StreamTerms {
  url: string;
  socket: WebSocket | null;
  pinger?: ReturnType<typeof setInterval>;
  attempts: number;
  retry?: ReturnType<typeof setTimeout>;
  lastMessageAt: number | null;
}

/** Longest wait between reconnection attempts. */
const MAX_BACKOFF_MS = 30_000;

/**
 * One public mark-price socket per hidden tab, reconnected with exponential back-off (1 s, 2 s, 4 s … 30 s)
 * for as long as the tab is watched.
 */
export class MarkPriceStreams {
  private readonly watched = new Map<number, Watched>();

  constructor(private readonly onMark: (tabId: number, symbol: string, markPrice: string) => void) {}

  watch(tabId: number, url: string | null, terms: StreamTerms) {
    const current = this.watched.get(tabId);
    if (url !== null && current?.url === url && current.subscribe.join('\n') === terms.subscribe.join('\n')) return;
    this.unwatch(tabId);
    if (url === null) return;
    const entry: Watched = { ...terms, url, socket: null, attempts: 0, lastMessageAt: null };
    this.watched.set(tabId, entry);
    this.connect(tabId, entry);
  }

  unwatch(tabId: number) {
    const entry = this.watched.get(tabId);
    if (!entry) return;
    this.watched.delete(tabId);
    clearTimeout(entry.retry);
    clearInterval(entry.pinger);
    entry.socket?.close();
  }

  /** When the tab's stream last delivered a price, or null (not watched, or nothing yet). */
  lastMessageAt(tabId: number): number | null {
    return this.watched.get(tabId)?.lastMessageAt ?? null;
  }

  isWatching(tabId: number): boolean {
    return this.watched.has(tabId);
  }

  private connect(tabId: number, entry: Watched) {
    const socket = new WebSocket(entry.url);
    entry.socket = socket;
    socket.onopen = () => {
      for (const message of entry.subscribe) socket.send(message);
      const { keepAlive } = entry;
      if (keepAlive)
        entry.pinger = setInterval(() => socket.readyState === WebSocket.OPEN && socket.send(keepAlive.message), keepAlive.everyMs);
    };
    socket.onmessage = (event) => {
      const mark = entry.parse(String(event.data));
      if (!mark || this.watched.get(tabId) !== entry) return;
      entry.attempts = 0;
      entry.lastMessageAt = Date.now();
      this.onMark(tabId, mark.symbol, mark.markPrice);
    };
    socket.onclose = () => {
      clearInterval(entry.pinger);
      if (this.watched.get(tabId) !== entry) return;
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** entry.attempts++);
      entry.retry = setTimeout(() => this.watched.get(tabId) === entry && this.connect(tabId, entry), delay);
    };
  }
}
