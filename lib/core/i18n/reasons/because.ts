import { fill } from '../fill';
import type { Reason } from './templates';

/** The `{name}` placeholders of a template, as a type. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** A reason written from one of LiqGuard's templates (./templates.ts), so that it can be said in any language. */
export type ReasonText = string & { readonly ofTemplate: true };

/**
 * A reason in English from its template and its placeholders' values. Page-safe: it carries no catalog, only the
 * template the caller writes.
 */
export function because<T extends Reason>(
  template: T,
  ...values: [Placeholders<T>] extends [never] ? [] : [Record<Placeholders<T>, string | number>]
): ReasonText {
  return fill(template, values[0]) as ReasonText;
}
