import type { Knowledge } from '../../knowledge';
import { get, isScalar, type Node } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { TemplateModel } from '../../model/template';
import type { Rule, RuleContext, RuleMeta } from '../types';
import type { Path } from '../../types';

export interface RangeRuleSpec {
  meta: RuleMeta;
  resourceTypes: readonly string[];
  property: string;
  /** SAM Globals section whose value of the same property is checked too (e.g. `Function`). */
  globalsSection?: string;
  /** Reads the documented range from the cited note (facts live once). */
  limits(knowledge: Knowledge): { min: number; max: number; default?: number };
}

/**
 * A rule for "this number must lie in the documented range". Reports every candidate value
 * (both branches of an Fn::If, a parameter's default) that falls outside, with a fix that clamps
 * a literal to the nearest bound. The message gets {value}, {min}, {max} and {default}.
 */
export function rangeRule(spec: RangeRuleSpec): Rule {
  return {
    meta: { ...spec.meta, resourceTypes: spec.resourceTypes },
    check(context: RuleContext) {
      const template = context.template;
      if (!template) return;
      const limits = spec.limits(context.knowledge);
      for (const resource of template.ofType(...spec.resourceTypes)) {
        const pair = resource.properties?.pairs.find((p) => p.key.value === spec.property);
        if (pair?.value) checkValue(context, template, pair.value, [...resource.path, 'Properties', spec.property], limits, spec);
      }
      if (spec.globalsSection) {
        const section = template.globals;
        const value = globalsValue(section, spec.globalsSection, spec.property);
        if (value) checkValue(context, template, value, ['Globals', spec.globalsSection, spec.property], limits, spec);
      }
    },
  };
}

function globalsValue(globals: Node | undefined, section: string, property: string): Node | undefined {
  return get(get(globals, section), property);
}

function checkValue(
  context: RuleContext, template: TemplateModel, node: Node, path: Path,
  limits: { min: number; max: number; default?: number }, spec: RangeRuleSpec,
): void {
  const numbers = numberCandidates(node, template);
  if (!numbers) return;
  const bad = numbers.values.filter((n) => n < limits.min || n > limits.max);
  if (bad.length === 0) return;
  const value = bad[0];
  const clamped = value < limits.min ? limits.min : limits.max;
  const literal = isScalar(node);
  context.report({
    path,
    messageId: 'outOfRange',
    data: { value, min: limits.min, max: limits.max, default: limits.default ?? '—', property: spec.property },
    downgrade: numbers.choice && bad.length < numbers.values.length,
    fixes: literal
      ? [{
        title: { en: `Set ${spec.property} to ${clamped}`, ja: `${spec.property} を ${clamped} にする` },
        edits: [{ start: node.start, end: node.end, newText: String(clamped) }],
      }]
      : [],
  });
}
