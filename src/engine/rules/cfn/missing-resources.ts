import { get, isMap } from '../../parse/tree';
import type { Rule } from '../types';

/**
 * CFN001: a template without a `Resources` section, or with an empty one. `Resources` is the only
 * required template section, and CloudFormation rejects an empty one ("Template format error: At
 * least one Resources member must be defined."). Source: CloudFormation User Guide, "Template
 * sections" (verified 2026-11-21). The required/optional sections are data in the
 * `cfn.resources-required` note.
 */
const rule: Rule = {
  meta: {
    id: 'CFN001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Missing Resources', ja: 'Resources がない' },
    note: 'cfn.resources-required',
    messages: {
      missing: {
        en: '`Resources` is the only required section (Parameters, Conditions, Mappings and Outputs are optional); this template has none, so CloudFormation rejects it.',
        ja: '`Resources` は唯一の必須セクションです（Parameters、Conditions、Mappings、Outputs は任意）。このテンプレートにはないため、CloudFormation に拒否されます。',
      },
      empty: {
        en: '`Resources` is the only required section and must declare at least one resource; CloudFormation rejects an empty one ("At least one Resources member must be defined").',
        ja: '`Resources` は唯一の必須セクションで、少なくとも 1 つのリソースが必要です。空だと CloudFormation に拒否されます（「At least one Resources member must be defined」）。',
      },
    },
  },
  check(context) {
    const required = context.knowledge.value('cfn.resources-required', 'requiredSections') as string[];
    for (const section of required) {
      const node = get(context.root, section);
      if (node === undefined) {
        context.report({ path: [], target: 'key', messageId: 'missing' });
      } else if (isMap(node) && node.pairs.length === 0) {
        context.report({ path: [section], target: 'key', messageId: 'empty' });
      }
    }
  },
};

export default rule;
