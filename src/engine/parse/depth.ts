import { createScanner, SyntaxKind } from 'jsonc-parser';

/**
 * The deepest nesting the engine reads. The `yaml` library's composer and jsonc-parser's
 * `parseTree` descend recursively: at about 700 levels the stack runs out, and when V8 happens to
 * compile a regular expression that close to the limit it aborts the whole process ("FATAL ERROR:
 * RegExpCompiler Allocation failed - process out of memory") instead of throwing, which would take
 * the editor's extension host down with it. Real templates nest about 20 levels (the corpus's
 * deepest is 20); 200 leaves room on both sides. Depth is measured before those parsers run, by
 * code that does not recurse: the `yaml` library's token stream (its lexer and CST parser keep
 * their own stacks) and jsonc-parser's scanner.
 */
export const MAX_NESTING = 200;

interface CstItem {
  key?: CstToken | null;
  value?: CstToken | null;
}

interface CstToken {
  type: string;
  value?: CstToken | null;
  items?: CstItem[];
}

/** Whether the `yaml` CST tokens nest deeper than `limit` collections. */
export function yamlTokensTooDeep(tokens: readonly CstToken[], limit = MAX_NESTING): boolean {
  const stack: Array<[CstToken, number]> = [];
  for (const token of tokens) stack.push([token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (depth > limit) return true;
    if (token.type === 'document' && token.value) stack.push([token.value, depth]);
    if (token.items) {
      for (const item of token.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return false;
}

/** Whether JSON text (as jsonc-parser tokenises it: strings, comments) nests deeper than `limit`. */
export function jsonTooDeep(text: string, limit = MAX_NESTING): boolean {
  if (text.length < limit) return false;
  const scanner = createScanner(text, true);
  // Only a matching bracket closes: the parser skips a stray one and goes deeper (`[}[}[}…`).
  const open: SyntaxKind[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      open.push(kind);
      if (open.length > limit) return true;
    } else if (kind === SyntaxKind.CloseBraceToken) {
      if (open[open.length - 1] === SyntaxKind.OpenBraceToken) open.pop();
    } else if (kind === SyntaxKind.CloseBracketToken) {
      if (open[open.length - 1] === SyntaxKind.OpenBracketToken) open.pop();
    }
  }
  return false;
}
