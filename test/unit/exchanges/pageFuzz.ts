/**
 * A seeded fuzzer over a reader's realistic fixtures: each variant mutates a page the way a changing or hostile page
 * might — columns reordered, invisible characters and extra wrappers added, cells dropped or duplicated, numbers
 * garbled, labels misspelt, markup-like text inserted — and the reader's contract is checked on every one: it never
 * throws, and every item it returns is one the page really shows, each figure exactly the page's or null ("could
 * not read": a column whose label was garbled); otherwise it must call the row unreadable or leave it out.
 */
import { expect } from 'vitest';

import type { PageSnapshot, ReadPosition } from '@/lib/model/snapshot';

import { domOf, type Fixture } from '../../fixtures/binance';

export const VARIANTS_PER_PAGE = 400;
/** Hundreds of variants take seconds on a busy 2-core machine: more than a unit test's default 5 s allows. */
export const FUZZ_TIMEOUT_MS = 60_000;
const INVISIBLE = ['\u200B', '\u200E', '\u200F', '\uFEFF', '\u202A', ' ', '\n'];
const GARBAGE = ['9,5480.3', '1.2.3', 'NaN', '1e308', '12345678901234567890123', '<script>alert(1)</script>', '∞', '0x1F', '١٢٣', '--5'];

/** mulberry32: a small seeded generator, so a failing variant can be replayed from its seed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (document: Document, next: () => number) => string;
const pick = <T>(items: readonly T[], next: () => number): T => items[Math.floor(next() * items.length)]!;

/** Where a page's list is: its header row and its rows (each a row of cells). */
export type ListOf = (document: Document) => { header: Element | null; rows: Element[] };

function mutationsOf(table: ListOf): Record<string, Mutation> {
  return {
    'reorder columns': (document, next) => {
      const { header, rows } = table(document);
      if (!header) return 'no table';
      const count = header.children.length;
      const [a, b] = [Math.floor(next() * count), Math.floor(next() * count)];
      for (const row of [header, ...rows]) {
        const cells = [...row.children];
        if (cells.length !== count || a === b) continue;
        const [first, second] = a < b ? [cells[a]!, cells[b]!] : [cells[b]!, cells[a]!];
        const marker = document.createElement('i');
        row.replaceChild(marker, second);
        row.replaceChild(second, first);
        row.replaceChild(first, marker);
      }
      return `swap ${a} ${b}`;
    },
    'invisible characters': (document, next) => {
      const texts = [
        ...[...table(document).rows.flatMap((row) => [...row.querySelectorAll('*')]), ...document.querySelectorAll('[role="tab"]')],
      ].flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3));
      const node = texts.length ? pick(texts, next) : null;
      if (!node) return 'none';
      const at = Math.floor(next() * ((node.nodeValue ?? '').length + 1));
      node.nodeValue = `${node.nodeValue!.slice(0, at)}${pick(INVISIBLE, next)}${node.nodeValue!.slice(at)}`;
      return 'inserted';
    },
    'extra wrapper': (document, next) => {
      const { rows } = table(document);
      const cell = rows.length ? pick([...pick(rows, next).children], next) : null;
      if (!cell) return 'none';
      const wrapper = document.createElement('span');
      wrapper.append(...cell.childNodes);
      cell.append(wrapper);
      return 'wrapped';
    },
    'drop a cell': (document, next) => {
      const { rows } = table(document);
      if (!rows.length) return 'none';
      pick([...pick(rows, next).children], next).remove();
      return 'dropped';
    },
    'duplicate a cell': (document, next) => {
      const { rows } = table(document);
      if (!rows.length) return 'none';
      const cell = pick([...pick(rows, next).children], next);
      cell.after(cell.cloneNode(true));
      return 'duplicated';
    },
    'garble a number': (document, next) => {
      const { rows } = table(document);
      const cells = rows.flatMap((row) => [...row.children].slice(1)).filter((cell) => /\d/.test(cell.textContent ?? ''));
      if (!cells.length) return 'none';
      const cell = pick(cells, next);
      cell.textContent = pick(GARBAGE, next);
      return 'garbled';
    },
    'misspell a label': (document, next) => {
      const { header } = table(document);
      if (!header) return 'none';
      const cell = pick([...header.children], next);
      cell.textContent = `${cell.textContent ?? ''}x`.replace(/^./, '');
      return 'misspelt';
    },
    'markup-like text': (document, next) => {
      const { rows } = table(document);
      if (!rows.length) return 'none';
      pick([...pick(rows, next).children], next).append(document.createTextNode(' <img src=x onerror=alert(1)> '));
      return 'appended';
    },
  };
}

/** Whether `read` is `truth` with, at most, some figures not read (null). */
export function matches(read: ReadPosition, truth: ReadPosition): boolean {
  return (Object.keys(truth) as (keyof ReadPosition)[]).every((key) => key === 'row' || read[key] === truth[key] || read[key] === null);
}

/**
 * Runs `VARIANTS_PER_PAGE` mutated copies of a fixture page through the reader, and checks every item `read`
 * takes from the snapshot against the page's truth.
 */
export function fuzz<T>(
  page: { fixture: Fixture; reader: (document: Document, url: string) => PageSnapshot | null; list: ListOf },
  seed: number,
  truthOf: (snapshot: PageSnapshot) => T[],
  read: (snapshot: PageSnapshot | null) => T[],
  same: (read: T, truth: T) => boolean,
) {
  const { fixture } = page;
  const name = fixture.name;
  const truth = truthOf(fixture.expected);
  const { document } = domOf(fixture.html, fixture.url);
  const original = document.body.innerHTML;
  const next = random(name.length * seed);
  const operators = Object.entries(mutationsOf(page.list));
  let returned = 0;
  for (let variant = 0; variant < VARIANTS_PER_PAGE; variant++) {
    document.body.innerHTML = original;
    const applied = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const [label, mutate] = pick(operators, next);
      return `${label}: ${mutate(document, next)}`;
    });
    const snapshot = page.reader(document, fixture.url);
    expect(snapshot, applied.join('; ')).not.toBeNull();
    for (const item of read(snapshot)) {
      returned++;
      expect(
        truth.some((t) => same(item, t)),
        `variant ${variant} (${applied.join('; ')}) returned ${JSON.stringify(item)}`,
      ).toBe(true);
    }
  }
  // Most mutations leave most rows readable: a reader that refused everything would pass the contract
  // trivially, so it must still return a good share of them.
  expect(returned).toBeGreaterThan(VARIANTS_PER_PAGE * truth.length * 0.3);
}
