import { describe, expect, it } from 'vitest';

import { splitShadowRootCss } from 'wxt/utils/split-shadow-root-css';

import { shadowRootCss } from '../../../scripts/shadowRootCss';

// As Tailwind 4 writes them (minified), with and without an initial value.
const TAILWIND = [
  '@layer properties;',
  '.shadow-xl{--tw-shadow:0 20px 25px -5px var(--tw-shadow-color,#0000001a);box-shadow:var(--tw-inset-shadow),var(--tw-shadow)}',
  '@property --tw-shadow{syntax:"*";inherits:false;initial-value:0 0 #0000}',
  '@property --tw-shadow-color{syntax:"*";inherits:false}',
  '@property --tw-space-y-reverse{syntax:"*";inherits:false;initial-value:0}',
].join('');

describe('shadowRootCss', () => {
  it('turns each @property into its initial value on every element of the shadow root', () => {
    const css = shadowRootCss(TAILWIND);
    expect(css).not.toContain('@property');
    expect(css).toContain('.shadow-xl{--tw-shadow:0 20px 25px -5px');
    expect(
      css.endsWith(
        '@layer properties{*,::before,::after,::backdrop{--tw-shadow:0 0 #0000;--tw-shadow-color:initial;--tw-space-y-reverse:0}}',
      ),
    ).toBe(true);
  });

  it('leaves WXT nothing to copy into the exchange’s document', () => {
    expect(splitShadowRootCss(TAILWIND).documentCss).not.toBe('');
    expect(splitShadowRootCss(shadowRootCss(TAILWIND)).documentCss).toBe('');
  });

  it('leaves a stylesheet without @property as it is', () => {
    expect(shadowRootCss('.a{color:red}')).toBe('.a{color:red}');
  });
});
