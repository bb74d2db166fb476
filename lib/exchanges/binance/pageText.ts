/**
 * What the Binance page shows, as text: the visible lines of an element, symbols, words and the page's decimal
 * mark, and its tabs. Shared by the readers of the positions list and the open orders list.
 */
import { INVISIBLE_MARKS } from '../../parse/number';
import { normalizeLabel } from './labels';

const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'SVG', 'svg']);
const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'UL', 'OL', 'TABLE', 'TBODY']);
const SYMBOL = /^([A-Z0-9]{2,20}?)(USDT|USDC|FDUSD|BUSD|USD)(?:_([A-Z0-9]{4,8}))?$/;

/** Marks where one inline element ends and the next begins: a word break for labels, nothing for numbers. */
const BOUNDARY = '\u0001';

/**
 * The visible text of an element as lines: block elements and <br> break lines; form controls are not figures.
 * Adjacent inline elements ("<span>Cross 20x</span><span>Short</span>") are separate words only when
 * `boundaries` is set: numbers split across spans ("96,250<span>.0</span>") must stay whole.
 */
export function textLines(element: Element, boundaries = false): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = (boundaries ? current.replaceAll(BOUNDARY, ' ') : current.replaceAll(BOUNDARY, ''))
      .replace(INVISIBLE_MARKS, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) current += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (SKIPPED_TAGS.has(el.tagName) || el.hasAttribute('hidden')) continue;
        if (el.tagName === 'BR') {
          flush();
          continue;
        }
        const block = BLOCK_TAGS.has(el.tagName);
        if (block) flush();
        else current += BOUNDARY;
        walk(el);
        if (block) flush();
        else current += BOUNDARY;
      }
    }
  };
  walk(element);
  flush();
  return lines;
}

export const textOf = (element: Element) => textLines(element).join(' ');

export function symbolIn(text: string): { symbol: string; base: string; quote: string; suffix: string | null } | null {
  for (const token of text.normalize('NFKC').split(/[\s/]+/)) {
    const match = SYMBOL.exec(token);
    if (match) return { symbol: token, base: match[1]!, quote: match[2]!, suffix: match[3] ?? null };
  }
  return null;
}

export const tokensOf = (text: string) => text.normalize('NFKC').split(/[\s()（）]+/).map(normalizeLabel).filter(Boolean);

/**
 * Whether the page writes decimals with a comma. Only on clear evidence — numbers like "1.234,56" or "0,5" and not
 * one number with a decimal point — since guessing wrong would misread every figure by orders of magnitude.
 */
export function usesDecimalComma(texts: string[]): boolean {
  const numbers = texts.map((t) => t.replace(INVISIBLE_MARKS, '')).flatMap((t) => t.match(/\d[\d.,]*\d/g) ?? []);
  const commaDecimal = numbers.some((n) => /^\d{1,3}(\.\d{3})+,\d+$/.test(n) || /^\d+,(\d{1,2}|\d{4,})$/.test(n));
  const pointDecimal = numbers.some((n) => /^\d{1,3}(,\d{3})+\.\d+$/.test(n) || /^\d+\.(\d{1,2}|\d{4,})$/.test(n));
  return commaDecimal && !pointDecimal;
}

/**
 * The tab whose label (less a count such as "(2)") is one of `labels`: whether it is there, selected, and the
 * count it shows.
 */
export function tabNamed(root: Element, labels: Set<string>): { found: boolean; selected: boolean | null; count: number | null } {
  const tabs = Array.from(root.querySelectorAll('[role="tab"]'));
  for (const tab of tabs) {
    const text = textOf(tab).normalize('NFKC');
    const count = /[(（]\s*(\d{1,4})\s*[)）]\s*$/.exec(text);
    const label = normalizeLabel(text.replace(/[(（]\s*\d+\s*[)）]\s*$/, ''));
    if (labels.has(label)) {
      const selected = tab.getAttribute('aria-selected');
      return { found: true, selected: selected === null ? null : selected === 'true', count: count ? Number(count[1]) : null };
    }
  }
  return { found: false, selected: null, count: null };
}

/** Row elements of a list: as many cells as its header, near it, with a symbol in the symbol column. */
export function rowsBelow(header: Element, cellCount: number, symbolColumn: number): Element[] {
  let scope: Element | null = header.parentElement;
  for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
    const rows: Element[] = [];
    for (const candidate of Array.from(scope.querySelectorAll('*'))) {
      if (candidate === header || candidate.contains(header) || header.contains(candidate)) continue;
      if (candidate.childElementCount !== cellCount) continue;
      if (rows.some((row) => row.contains(candidate))) continue;
      const symbolCell = candidate.children[symbolColumn];
      if (symbolCell && symbolIn(textOf(symbolCell))) rows.push(candidate);
    }
    if (rows.length > 0) return rows;
  }
  return [];
}
