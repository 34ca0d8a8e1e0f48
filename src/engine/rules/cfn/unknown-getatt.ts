import { get, isScalar, isSeq, type Node } from '../../parse/tree';
import type { Path } from '../../types';
import type { Rule, RuleContext } from '../types';
import attributeData from './getatt-attributes.json';
import { intrinsicCalls, subParts, subVariables } from './intrinsics';

interface TypeAttributes {
  attributes: string[];
  alsoProperties?: string[];
}

const ATTRIBUTES = attributeData as unknown as Record<string, TypeAttributes>;

/**
 * CFN003: `Fn::GetAtt` (or `${Res.Attr}` in `Fn::Sub`) names an attribute the resource type
 * doesn't have, e.g. `!GetAtt Queue.Url` (the attribute is `QueueUrl`) or `!GetAtt
 * Table.StreamARN` (`StreamArn`). CloudFormation rejects the template. Attribute lists are data
 * (`getatt-attributes.json`: each type's documented "Return values", checked against the
 * registry schemas on 2026-11-21) and cover only the types the notes and the corpus use: a type
 * without a list, a SAM type, a custom resource, a resource the template doesn't declare (SAM's
 * generated `FunctionRole`…) or an attribute written as an intrinsic is never reported.
 * Source: CloudFormation Template Reference, "Fn::GetAtt".
 */
const rule: Rule = {
  meta: {
    id: 'CFN003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Unknown Fn::GetAtt attribute', ja: 'Fn::GetAtt の属性名が存在しない' },
    note: 'cfn.getatt',
    messages: {
      unknown: {
        en: '`{Type}` has no attribute `{attr}`; available: {list}.',
        ja: '`{Type}` に属性 `{attr}` はありません。使える属性: {list}。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const call of intrinsicCalls(context.root)) {
      if (call.name === 'Fn::GetAtt') {
        const target = getAttTarget(call.arg);
        if (!target) continue;
        const path: Path = target.attrIndex === undefined ? [...call.path, call.name] : [...call.path, call.name, target.attrIndex];
        const dotted = target.attrIndex === undefined;
        check(context, target.resource, target.attribute, path, target.node, dotted ? `${target.resource}.${target.attribute}` : target.attribute, dotted ? target.resource.length + 1 : 0);
      } else if (call.name === 'Fn::Sub') {
        const parts = subParts(call.arg);
        if (!parts) continue;
        const text = String((parts.text as { value: string }).value);
        for (const variable of subVariables(text)) {
          const dot = variable.name.indexOf('.');
          if (dot <= 0) continue;
          const resource = variable.name.slice(0, dot);
          if (get(parts.vars, resource) !== undefined) continue;
          const path: Path = isSeq(call.arg) ? [...call.path, call.name, 0] : [...call.path, call.name];
          check(context, resource, variable.name.slice(dot + 1), path, parts.text, `\${${variable.name}`, resource.length + 3);
        }
      }
    }
  },
};

function getAttTarget(arg: Node | null): { resource: string; attribute: string; attrIndex?: number; node: Node } | undefined {
  if (isScalar(arg) && typeof arg.value === 'string') {
    const dot = arg.value.indexOf('.');
    if (dot <= 0) return undefined;
    return { resource: arg.value.slice(0, dot), attribute: arg.value.slice(dot + 1), node: arg };
  }
  if (isSeq(arg) && arg.items.length === 2 && isScalar(arg.items[0]) && isScalar(arg.items[1]) && typeof arg.items[1].value === 'string') {
    return { resource: String(arg.items[0].value), attribute: arg.items[1].value, attrIndex: 1, node: arg.items[1] };
  }
  return undefined;
}

/**
 * Reports an unknown attribute. `node` holds it in the text: `needle` is what to look for in the
 * node's source and `offset` where the attribute starts inside the needle (for the fix that
 * corrects a name that differs only in case, e.g. `StreamARN` → `StreamArn`).
 */
function check(context: RuleContext, resourceName: string, attribute: string, path: Path, node: Node, needle: string, offset: number): void {
  const resource = context.template!.resources.get(resourceName);
  if (!resource) return;
  const known = ATTRIBUTES[resource.type];
  if (!known) return;
  if (known.attributes.includes(attribute) || known.alsoProperties?.includes(attribute)) return;
  const fixes = [];
  const match = known.attributes.filter((a) => a.toLowerCase() === attribute.toLowerCase());
  const source = context.doc.text.slice(node.start, node.end);
  const at = source.indexOf(needle);
  if (match.length === 1 && at >= 0) {
    const start = node.start + at + offset;
    fixes.push({
      title: { en: `Change to ${match[0]}`, ja: `${match[0]} に変更` },
      edits: [{ start, end: start + attribute.length, newText: match[0] }],
      preferred: true,
    });
  }
  context.report({
    path,
    messageId: 'unknown',
    data: { Type: resource.type, attr: attribute, list: known.attributes.map((a) => `\`${a}\``).join(', ') },
    fixes,
  });
}

export default rule;
