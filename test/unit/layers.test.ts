/**
 * The layer rules hold, and would catch a break: `.oxlintrc.json` (run by `npm run lint` in `npm test`) forbids
 * import cycles (type imports included), imports up the rooms of `lib/`, `lib/` importing the UI or the entry
 * points, and page-side code importing Decimal or the risk math; the content script's bundle, traced by esbuild,
 * reaches neither.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const OXLINT = join(root, 'node_modules/.bin/oxlint');

/** The modules a bundle takes in, repository-relative: of the file `entry`, or of `{ contents }` at the root. */
async function bundledModules(entry: string | { contents: string }): Promise<string[]> {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { contents: entry.contents, resolveDir: root, loader: 'ts' } }),
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    tsconfig: join(root, 'tsconfig.json'),
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

const decimalOrRisk = (modules: string[]) =>
  modules.filter((m) => /node_modules\/decimal\.js\/|^lib\/core\/decimal\.ts$|^lib\/risk\//.test(m));

describe('the page side', () => {
  it.each(['binance', 'bybit', 'hyperliquid'])(
    "%s's content script bundle reaches neither decimal.js nor lib/risk, nor another exchange, nor the worker's stored items",
    async (exchange) => {
      const modules = await bundledModules(join(root, `entrypoints/${exchange}.content/index.ts`));
      expect(modules).toContain(`lib/exchanges/${exchange}/page/reader.ts`);
      expect(decimalOrRisk(modules)).toEqual([]);
      // A content script may not touch session storage: defining the worker's items there threw on every page load.
      expect(modules).toContain('lib/protocol/pageStorage.ts');
      expect(modules).not.toContain('lib/protocol/storage.ts');
      expect(
        modules.filter((m) => m.startsWith('lib/exchanges/') && !m.startsWith(`lib/exchanges/${exchange}/`) && m.split('/').length > 3),
      ).toEqual([]);
    },
  );

  it('a planted import of the figures would be caught', async () => {
    const planted = { contents: "import { percent } from '@/lib/figures/format';\nconsole.log(percent('0.1'));\n" };
    expect(decimalOrRisk(await bundledModules(planted))).toContain('lib/core/decimal.ts');
  });
});

describe('the lint rules', () => {
  const sandbox = mkdtempSync(join(tmpdir(), 'liqguard-layers-'));
  cpSync(join(root, '.oxlintrc.json'), join(sandbox, '.oxlintrc.json'));
  afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

  /** oxlint's exit status and output on a tree of `files`, under the project's own rules. */
  function lint(name: string, files: Record<string, string>): { ok: boolean; output: string } {
    const dir = join(sandbox, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    cpSync(join(sandbox, '.oxlintrc.json'), join(dir, '.oxlintrc.json'));
    try {
      return { ok: true, output: execFileSync(OXLINT, ['-c', '.oxlintrc.json', '--deny-warnings', '.'], { cwd: dir, encoding: 'utf8' }) };
    } catch (error) {
      return { ok: false, output: String((error as { stdout?: string }).stdout) };
    }
  }

  const decimal = { 'lib/core/decimal.ts': 'export const dec = (s: string) => s;\n' };

  it('pass a tree that keeps them', () => {
    expect(
      lint('clean', { ...decimal, 'lib/risk/pnl.ts': "import { dec } from '../core/decimal';\nexport const one = dec('1');\n" }).ok,
    ).toBe(true);
  });

  it('fail on a cycle made of type imports', () => {
    const result = lint('cycle', {
      'lib/figures/a.ts': "import type { B } from './b';\nexport type A = { b: B };\n",
      'lib/figures/b.ts': "import type { A } from './a';\nexport type B = { a: A | null };\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('no-cycle');
  });

  it('fail on page-side code importing Decimal', () => {
    const result = lint('decimal', {
      ...decimal,
      'lib/page/planted.ts': "import { dec } from '../core/decimal';\nexport const x = dec('1');\n",
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('never loads Decimal');
  });

  it('fail on an import up the rooms, and on lib/ importing the UI', () => {
    const up = lint('up', {
      'lib/risk/planted.ts': "import { overlayView } from '../figures/overlayView';\nexport const x = overlayView;\n",
    });
    expect(up.ok).toBe(false);
    expect(up.output).toContain('lib/risk sits below');
    const ui = lint('ui', { 'lib/figures/planted.ts': "import { Overlay } from '@/components/Overlay';\nexport const x = Overlay;\n" });
    expect(ui.ok).toBe(false);
    expect(ui.output).toContain('lib/ is below the UI');
  });
});
