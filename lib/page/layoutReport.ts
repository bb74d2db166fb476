/**
 * A layout report for a bug report, when the page cannot be read: the structure and the labels around the positions
 * list — each element's tag, role and label, and its own text, indented by depth — with no figure of the account in
 * it. Every word holding a digit becomes "#" (figures, obfuscated class names, ids, addresses), and every word with an
 * "@" becomes "@" (an e-mail); what is left is the page's words, which is what a reader is built from.
 */

/** At most this many elements (a report, not the page). */
const MAX_ELEMENTS = 600;

/** The words of `text` with nothing of the account left in them. */
export function redacted(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (word.includes('@') ? '@' : /\d/.test(word) ? '#' : word))
    .join(' ');
}

/** The element's own text (not its children's). */
const ownText = (element: Element) =>
  [...element.childNodes]
    .filter((node) => node.nodeType === 3)
    .map((node) => node.textContent ?? '')
    .join(' ');

/** The report of `root` and what is in it. */
export function layoutReport(root: Element): string {
  const lines: string[] = [];
  const visit = (element: Element, depth: number) => {
    if (lines.length >= MAX_ELEMENTS || /^(SCRIPT|STYLE|SVG|NOSCRIPT)$/i.test(element.tagName)) return;
    const role = element.getAttribute('role');
    const label = element.getAttribute('aria-label');
    const text = redacted(ownText(element));
    lines.push(
      `${'  '.repeat(depth)}${element.tagName.toLowerCase()}${role ? ` [${redacted(role)}]` : ''}${label ? ` "${redacted(label)}"` : ''}${text ? `: ${text}` : ''}`,
    );
    for (const child of element.children) visit(child, depth + 1);
  };
  visit(root, 0);
  return lines.join('\n');
}

/** Around the positions list (the nearest element holding its landmarks, and its parent), or the whole body. */
export function reportRoot(landmarks: readonly Element[], body: Element): Element {
  let around: Element | null = landmarks[0] ?? null;
  while (around && !landmarks.every((landmark) => around!.contains(landmark))) around = around.parentElement;
  return around?.parentElement ?? around ?? body;
}
