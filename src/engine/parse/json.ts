import { type Node as JsonNode, parseTree, printParseErrorCode, type ParseError as JsonError } from 'jsonc-parser';
import type { MapNode, Node, ScalarNode } from './tree';
import type { ParseError } from './errors';

/** Parses JSON into the neutral tree with exact offsets. Comments and trailing commas are errors, as in CloudFormation. */
export function parseJson(text: string): { tree: Node | undefined; errors: ParseError[] } {
  const jsonErrors: JsonError[] = [];
  const root = parseTree(text, jsonErrors, { disallowComments: true, allowTrailingComma: false });
  const errors: ParseError[] = jsonErrors.map((e) => ({
    message: describe(e),
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
  }));
  return { tree: root ? convert(root) : undefined, errors };
}

function describe(error: JsonError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase()).replace(/ ([A-Z])/g, (m) => m.toLowerCase());
}

function convert(node: JsonNode): Node {
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const map: MapNode = { type: 'map', pairs: [], start, end };
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key: ScalarNode = {
          type: 'scalar', value: String(keyNode.value), quoted: true,
          start: keyNode.offset, end: keyNode.offset + keyNode.length,
        };
        const value = valueNode ? convert(valueNode) : null;
        map.pairs.push({ key, value, start: key.start, end: value ? value.end : key.end });
      }
      return map;
    }
    case 'array':
      return { type: 'seq', items: (node.children ?? []).map(convert), start, end };
    case 'string':
      return { type: 'scalar', value: node.value as string, quoted: true, start, end };
    case 'number':
    case 'boolean':
      return { type: 'scalar', value: node.value as number | boolean, start, end };
    default:
      return { type: 'scalar', value: null, start, end };
  }
}
