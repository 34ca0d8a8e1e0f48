/**
 * Inline expectations in fixture files (markdownlint's `{MD001}`, rust-analyzer's `^^^`):
 * - `# expect: SQS004` (or `# expect: SQS006, SQS011`) at the end of a line: a finding of that rule
 *   starts on this line;
 * - a comment line `#   ^^^^^ SQS004` under a line: a finding of that rule spans exactly those
 *   columns of the line above (the nearest line above that is not itself a caret line).
 * JSON has no comments: a JSON fixture's expectations sit in `<fixture>.expect`, one
 * `LINE RULE` or `LINE:COL-ENDCOL RULE` per line (1-based line, 0-based columns).
 */
import * as fs from 'fs';

export interface Expected {
  line: number;
  ruleId: string;
  start?: number;
  end?: number;
}

export function readExpectations(file: string, text: string): Expected[] {
  if (file.endsWith('.json')) return readSidecar(`${file}.expect`);
  const out: Expected[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let lastCodeLine = -1;
  lines.forEach((line, index) => {
    const caret = /^\s*#(\s*)(\^+)\s+([A-Z0-9_, ]+)$/.exec(line);
    if (caret && lastCodeLine >= 0) {
      const start = line.indexOf('^');
      const end = start + caret[2].length;
      for (const ruleId of ids(caret[3])) out.push({ line: lastCodeLine, ruleId, start, end });
      return;
    }
    const inline = /#\s*expect:\s*([A-Z0-9_, ]+)\s*$/.exec(line);
    if (inline) for (const ruleId of ids(inline[1])) out.push({ line: index, ruleId });
    lastCodeLine = index;
  });
  return out;
}

function readSidecar(file: string): Expected[] {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => {
    const match = /^(\d+)(?::(\d+)-(\d+))?\s+([A-Z0-9_]+)$/.exec(l.trim());
    if (!match) throw new Error(`${file}: cannot read expectation "${l}"`);
    const expected: Expected = { line: Number(match[1]) - 1, ruleId: match[4] };
    if (match[2]) { expected.start = Number(match[2]); expected.end = Number(match[3]); }
    return expected;
  });
}

function ids(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}
