/** A message's `{name}` placeholders filled (a missing one is left as written). Small: the page's overlay uses it. */
export function fill(template: string, params?: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
