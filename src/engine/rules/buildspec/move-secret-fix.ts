import type { ParsedDocument } from '../../parse';
import { get, isMap, type MapNode, type Pair } from '../../parse/tree';
import type { Fix, TextEdit } from '../../types';

/**
 * BUILDSPEC007's fix: move a plain-text secret from `env.variables` into `env.parameter-store`
 * under a placeholder parameter name the user then edits (and stores the value there as a
 * SecureString). The value leaves the file: that is the point. Block YAML only; the entry's
 * whole lines move, and `variables` goes when it was its only entry.
 */
export function moveToParameterStoreFix(doc: ParsedDocument, name: string): Fix | undefined {
  if (doc.format !== 'yaml') return undefined;
  const env = get(doc.tree, 'env');
  if (!isMap(env) || env.flow) return undefined;
  const variablesPair = pairNamed(env, 'variables');
  const variables = variablesPair?.value;
  if (!variablesPair || !isMap(variables) || variables.flow) return undefined;
  const pair = pairNamed(variables, name);
  if (!pair) return undefined;
  const nl = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const placeholder = `/change-me/${name.toLowerCase().replace(/_/g, '-')}`;
  const envIndent = ' '.repeat(column(doc, variablesPair.key.start));
  const itemIndent = ' '.repeat(column(doc, pair.key.start));
  const onlyEntry = variables.pairs.length === 1;
  // What goes: the variable's lines, or the whole `variables` section when it is the only entry.
  const removeFrom = lineStartOf(doc, onlyEntry ? variablesPair.key.start : pair.key.start);
  const removeTo = nextLineStart(doc, onlyEntry ? variablesPair : pair);
  const store = pairNamed(env, 'parameter-store');
  const edits: TextEdit[] = [];
  if (store) {
    const map = store.value;
    if (!isMap(map) || map.flow || map.pairs.length === 0) return undefined;
    const last = map.pairs[map.pairs.length - 1];
    const at = endOfLastLine(doc, last);
    const indent = ' '.repeat(column(doc, map.pairs[0].key.start));
    edits.push({ start: at, end: at, newText: `${nl}${indent}${name}: ${placeholder}` });
    edits.push({ start: removeFrom, end: removeTo, newText: '' });
  } else {
    const section = `${envIndent}parameter-store:${nl}${itemIndent}${name}: ${placeholder}${nl}`;
    if (onlyEntry) edits.push({ start: removeFrom, end: removeTo, newText: section });
    else {
      const at = lineStartOf(doc, variablesPair.key.start);
      edits.push({ start: at, end: at, newText: section });
      edits.push({ start: removeFrom, end: removeTo, newText: '' });
    }
  }
  return {
    title: {
      en: `Move ${name} to env.parameter-store (store its value as a SecureString parameter, then edit the name ${placeholder})`,
      ja: `${name} を env.parameter-store に移す（値は SecureString パラメータに保存し、仮の名前 ${placeholder} を書き換える）`,
    },
    edits,
  };
}

function pairNamed(map: MapNode, key: string): Pair | undefined {
  for (let i = map.pairs.length - 1; i >= 0; i--) if (map.pairs[i].key.value === key) return map.pairs[i];
  return undefined;
}

function column(doc: ParsedDocument, offset: number): number {
  return doc.lines.positionAt(offset).character;
}

function lineStartOf(doc: ParsedDocument, offset: number): number {
  return doc.lines.lineStart(doc.lines.positionAt(offset).line);
}

function endOfLastLine(doc: ParsedDocument, node: { start: number; end: number }): number {
  let end = node.end;
  while (end > node.start && /[\r\n]/.test(doc.text[end - 1])) end--;
  return doc.lines.lineEnd(doc.lines.positionAt(end).line);
}

function nextLineStart(doc: ParsedDocument, node: { start: number; end: number }): number {
  const line = doc.lines.positionAt(endOfLastLine(doc, node)).line;
  return line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length;
}
