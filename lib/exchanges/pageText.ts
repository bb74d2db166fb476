/**
 * What an exchange's page shows, as text: the visible lines of an element, labels as compared, symbols, words, the
 * page's decimal mark, and its tabs. Shared by the exchanges' readers (page side, Decimal-free).
 */
import { INVISIBLE_MARKS } from '../core/parse/number';
import { memoByText } from '../core/memo';

/**
 * A label as the reader compares it: NFKC, lower case, no spaces, punctuation or invisible marks, so
 * "Liq.Price", "Liq. Price" and "liq price" are one label, and so are "PNL(ROI%)" and "PNL (ROI %)".
 */
export function normalizeLabel(text: string): string {
  // Most of what the reader compares (symbols, "Perp", "Cross", "20x") is plain ASCII: skip the Unicode work.
  if (/^[A-Za-z0-9]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('en-US')
    .replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '');
}

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
    for (let child = node.firstChild; child; child = child.nextSibling) {
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

/** The contract a text names (remembered: a row's symbol cell reads the same on every read). */
export const symbolIn: (text: string) => Readonly<{ symbol: string; base: string; quote: string; suffix: string | null }> | null =
  memoByText((text) => {
    for (const token of text.normalize('NFKC').split(/[\s/]+/)) {
      const match = SYMBOL.exec(token);
      if (match) return { symbol: token, base: match[1]!, quote: match[2]!, suffix: match[3] ?? null };
    }
    return null;
  });

/** The words of a text, normalised (remembered: rows repeat the same symbol and mode texts on every read). */
export const tokensOf: (text: string) => readonly string[] = memoByText((text) =>
  text
    .normalize('NFKC')
    .split(/[\s()（）]+/)
    .map(normalizeLabel)
    .filter(Boolean),
);

/**
 * Whether the page writes decimals with a comma. Only on clear evidence — numbers like "1.234,56" or "0,5" and not
 * one number with a decimal point — since guessing wrong would misread every figure by orders of magnitude.
 */
export function usesDecimalComma(texts: string[]): boolean {
  let commaDecimal = false;
  let pointDecimal = false;
  for (const text of texts) {
    const marks = decimalMarksIn(text);
    commaDecimal ||= marks.comma;
    pointDecimal ||= marks.point;
  }
  return commaDecimal && !pointDecimal;
}

/** Which decimal mark a text's numbers show unambiguously (remembered: most cells read the same on every read). */
const decimalMarksIn = memoByText((text) => {
  const numbers = text.replace(INVISIBLE_MARKS, '').match(/\d[\d.,]*\d/g) ?? [];
  return {
    comma: numbers.some((n) => /^\d{1,3}(\.\d{3})+,\d+$/.test(n) || /^\d+,(\d{1,2}|\d{4,})$/.test(n)),
    point: numbers.some((n) => /^\d{1,3}(,\d{3})+\.\d+$/.test(n) || /^\d+\.(\d{1,2}|\d{4,})$/.test(n)),
  };
});

export interface PageTab {
  element: Element;
  /** The label less its count, normalised. */
  label: string;
  selected: boolean | null;
  /** The count after the label ("Positions(2)"), if any. */
  count: number | null;
}

const tabLabels = new WeakMap<Element, { text: string; label: string; count: number | null }>();

/** Every `[role="tab"]` of the page, read once per read of the page (each tab's label parsed once per markup). */
export function pageTabs(root: Element): PageTab[] {
  return Array.from(root.querySelectorAll('[role="tab"]'), (tab) => {
    const content = tab.innerHTML;
    let parsed = tabLabels.get(tab);
    if (parsed?.text !== content) {
      const text = textOf(tab).normalize('NFKC');
      const count = /[(（]\s*(\d{1,4})\s*[)）]\s*$/.exec(text);
      parsed = {
        text: content,
        label: normalizeLabel(text.replace(/[(（]\s*\d+\s*[)）]\s*$/, '')),
        count: count ? Number(count[1]) : null,
      };
      tabLabels.set(tab, parsed);
    }
    const selected = tab.getAttribute('aria-selected');
    return { element: tab, label: parsed.label, count: parsed.count, selected: selected === null ? null : selected === 'true' };
  });
}

/** The first tab whose label is one of `labels`: whether it is there, selected, and the count it shows. */
export function tabNamed(
  tabs: readonly PageTab[],
  labels: Set<string>,
): { found: boolean; selected: boolean | null; count: number | null; element: Element | null } {
  const tab = tabs.find((t) => labels.has(t.label));
  return tab
    ? { found: true, selected: tab.selected, count: tab.count, element: tab.element }
    : { found: false, selected: null, count: null, element: null };
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

/**
 * Whether two neighbouring cells of a row hold the same figure. Different columns of a row do not (the exchange
 * shows each figure once); a cell duplicated next to itself, with another missing, would shift every figure
 * after it into the wrong column while the row keeps its cell count.
 */
export function hasTwinCells(row: Element, texts: readonly string[]): boolean {
  // Cells with the same markup show the same text: the markup is compared only where the texts already match.
  return texts.some(
    (text, i) => i > 0 && text === texts[i - 1] && /\d/.test(text) && row.children[i]!.innerHTML === row.children[i - 1]!.innerHTML,
  );
}
