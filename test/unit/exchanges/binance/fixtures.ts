import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Window } from 'happy-dom';

import type { PageSnapshot } from '@/lib/snapshot';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../../fixtures/binance');

export interface Fixture {
  name: string;
  url: string;
  html: string;
  expected: PageSnapshot;
}

export const fixtures: Fixture[] = readdirSync(FIXTURES_DIR)
  .filter((file) => file.endsWith('.expected.json'))
  .map((file) => {
    const name = file.replace('.expected.json', '');
    const { url, snapshot } = JSON.parse(readFileSync(resolve(FIXTURES_DIR, file), 'utf8')) as { url: string; snapshot: PageSnapshot };
    return { name, url, html: readFileSync(resolve(FIXTURES_DIR, `${name}.html`), 'utf8'), expected: snapshot };
  });

/** A DOM of `html` at `url`, with the page's own scripts switched off (the reader must never need them). */
export function domOf(html: string, url: string): { document: Document; window: Window } {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return { document: window.document as unknown as Document, window };
}
