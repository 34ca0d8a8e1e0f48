import { LineIndex } from './lines';
import { parseJson } from './json';
import { parseYaml } from './yaml';
import { jsonTooDeep, MAX_NESTING } from './depth';
import type { Node } from './tree';
import type { ParseError } from './errors';

export type { ParseError } from './errors';
export * from './tree';
export { LineIndex } from './lines';

export interface ParsedDocument {
  /** The text that was parsed, without a leading byte-order mark. */
  text: string;
  fileName: string;
  format: 'yaml' | 'json';
  tree: Node | undefined;
  errors: ParseError[];
  lines: LineIndex;
  /** Set when the text is longer than MAX_DOCUMENT_CHARS and was not parsed (tree undefined, one error). */
  tooLarge?: boolean;
}

/**
 * The longest text the engine parses: 2 MiB characters, twice the largest template CloudFormation
 * accepts (1 MB from S3; buildspecs and appspecs are far smaller). Parsing YAML costs about 1 ms
 * per KB and holds about nine times the text's size in heap (more while it runs), so a 20 MB
 * file would take many seconds and hundreds of MB for a file nothing can deploy; it gets one
 * error instead (docs/BENCHMARKS.md).
 */
export const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

/**
 * Parses a template, buildspec or appspec. JSON is chosen by the `.json` extension or a leading
 * `{`; a file that is not valid JSON but not named `.json` is read as YAML (YAML flow maps start
 * with `{` too). A parser that fails outright (e.g. nesting deeper than the stack) becomes one
 * parse error rather than an exception.
 */
export function parse(text: string, fileName = ''): ParsedDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = new LineIndex(body);
  const isJsonName = /\.json$/i.test(fileName);
  if (body.length > MAX_DOCUMENT_CHARS) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    const message = `The document is ${mb(body.length)} MB, more than the ${mb(MAX_DOCUMENT_CHARS)} MB IaC Notes reads (CloudFormation accepts templates up to 1 MB)`;
    const format = isJsonName || /^\s*\{/.test(body.slice(0, 1024)) ? 'json' : 'yaml';
    return { text: body, fileName, format, tree: undefined, errors: [{ message, start: 0, end: 0 }], lines, tooLarge: true };
  }
  const looksJson = /^\s*\{/.test(body);
  try {
    if (isJsonName || looksJson) {
      // jsonc-parser recurses: a document too deep for it is not handed to it (see depth.ts).
      const deep = jsonTooDeep(body);
      if (deep && isJsonName) return { text: body, fileName, format: 'json', tree: undefined, errors: [tooDeep()], lines };
      const json = deep ? undefined : parseJson(body);
      if (json && (isJsonName || json.errors.length === 0)) {
        return { text: body, fileName, format: 'json', tree: json.tree, errors: json.errors, lines };
      }
    }
    // A lone CR ends a line for VS Code and the YAML spec, but not for the `yaml` library.
    // Replacing it with LF keeps every offset, so positions still match the editor's text.
    const yaml = parseYaml(body.includes('\r') ? body.replace(/\r(?!\n)/g, '\n') : body);
    return { text: body, fileName, format: 'yaml', tree: yaml.tree, errors: yaml.errors, lines };
  } catch (error) {
    const message = error instanceof RangeError
      ? 'The document is nested too deeply to read.'
      : `The document could not be read: ${(error as Error).message}`;
    return { text: body, fileName, format: isJsonName ? 'json' : 'yaml', tree: undefined, errors: [{ message, start: 0, end: 1 }], lines };
  }
}

function tooDeep(): ParseError {
  return { message: `The document nests more than ${MAX_NESTING} levels deep, more than IaC Notes reads`, start: 0, end: 0 };
}
