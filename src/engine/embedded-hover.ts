import type { ParsedDocument } from './parse';
import { embeddedAt, toTemplateRange } from './embedded';
import { hover, type HoverOptions, type HoverResult } from './hover';

/**
 * The hover inside an inline buildspec (a template's `Source.BuildSpec` string): the buildspec
 * hover of the key under the cursor, its range mapped back into the template.
 */
export function embeddedHover(doc: ParsedDocument, offset: number, options: HoverOptions): HoverResult | undefined {
  const at = embeddedAt(doc, offset);
  if (!at) return undefined;
  const { embedded } = at;
  const result = hover(embedded.doc, at.offset, options, {
    kind: 'buildspec',
    reason: `it is the inline buildspec (Source.BuildSpec) of ${embedded.resource}`,
    reasonJa: `${embedded.resource} のインライン buildspec（Source.BuildSpec）であるため`,
  });
  if (!result) return undefined;
  return { ...result, ...toTemplateRange(embedded.map, result.start, result.end) };
}
