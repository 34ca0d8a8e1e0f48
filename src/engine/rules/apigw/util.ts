import type { ParsedDocument } from '../../parse';
import { get, isMap, isScalar, type Node, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { TemplateModel } from '../../model/template';
import type { TextEdit } from '../../types';

/** Every candidate of a value as a string, or undefined when any candidate is unknown or not text. */
export function stringCandidates(node: Node | null | undefined, model: TemplateModel): { values: string[]; choice: boolean } | undefined {
  const c = candidates(node, model);
  if (!c || !c.values.every((v) => typeof v === 'string')) return undefined;
  return { values: c.values as string[], choice: c.choice };
}

/** Every candidate as a boolean (true/false or "true"/"false"), else undefined. */
export function booleanCandidates(node: Node | null | undefined, model: TemplateModel): boolean[] | undefined {
  const c = candidates(node, model);
  if (!c) return undefined;
  const out: boolean[] = [];
  for (const v of c.values) {
    if (v === true || v === 'true' || v === 'True') out.push(true);
    else if (v === false || v === 'false' || v === 'False') out.push(false);
    else return undefined;
  }
  return out;
}

/**
 * Replaces a literal scalar with new text, keeping the file's style: JSON strings stay quoted,
 * a quoted YAML scalar keeps its quote character, numbers stay bare.
 */
export function replaceScalar(doc: ParsedDocument, node: Node, value: string | number): TextEdit | undefined {
  if (!isScalar(node)) return undefined;
  const written = doc.text.slice(node.start, node.end);
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (doc.format === 'json' || written.startsWith('"')) text = JSON.stringify(value);
  else if (written.startsWith("'")) text = `'${value.replace(/'/g, "''")}'`;
  else text = value;
  return { start: node.start, end: node.end, newText: text };
}

/** SAM `Api` events (REST) of every function: the event path and the API it names, if any. */
export function samApiEvents(model: TemplateModel): Array<{ path: (string | number)[]; restApiId?: Node; props?: Node }> {
  const out: Array<{ path: (string | number)[]; restApiId?: Node; props?: Node }> = [];
  for (const fn of model.ofType('AWS::Serverless::Function')) {
    const events = get(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const pair of events.pairs) {
      if (stringOf(get(pair.value, 'Type')) !== 'Api') continue;
      const props = get(pair.value, 'Properties');
      out.push({ path: [...fn.path, 'Properties', 'Events', String(pair.key.value)], restApiId: get(props, 'RestApiId'), props });
    }
  }
  return out;
}
