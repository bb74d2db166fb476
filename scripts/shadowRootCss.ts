/**
 * The content script's stylesheet goes into the overlay's shadow root. Tailwind registers its internal variables
 * with `@property`, which has no effect inside a shadow root, so WXT copies those rules into the exchange's own
 * document — where they would register `--tw-*` properties on the exchange's page, which may well use Tailwind's
 * names itself, with other values and inheritance. Instead each registration becomes its initial value
 * on every element of the shadow root, as Tailwind's own fallback does for browsers without `@property`, and no
 * `@property` rule is left for WXT to move out.
 */
import type { Plugin } from 'vite';

const PROPERTY_RULE = /@property\s+(--[\w-]+)\s*\{([^}]*)\}/g;

export function shadowRootCss(css: string): string {
  const initial: string[] = [];
  const rest = css.replace(PROPERTY_RULE, (_, name: string, body: string) => {
    const value = /initial-value\s*:\s*([^;]+?)\s*(?:;|$)/.exec(body)?.[1];
    initial.push(`${name}:${value ?? 'initial'}`);
    return '';
  });
  if (initial.length === 0) return css;
  // The layer Tailwind already declares first, so that any utility setting one of these wins.
  return `${rest}@layer properties{*,::before,::after,::backdrop{${initial.join(';')}}}`;
}

/** Rewrites the content scripts' emitted stylesheets (extension pages are documents: `@property` works there). */
export function shadowRootCssPlugin(): Plugin {
  return {
    name: 'liqguard:shadow-root-css',
    generateBundle: {
      order: 'post',
      // After WXT's own plugins, which add the content scripts' stylesheets to the bundle.
      handler(_, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'asset' && file.fileName.startsWith('content-scripts/') && file.fileName.endsWith('.css')) {
            file.source = shadowRootCss(typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source));
          }
        }
      },
    },
  };
}
