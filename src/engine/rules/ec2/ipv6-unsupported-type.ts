import { get, isSeq, type Node } from '../../parse/tree';
import { numberCandidates } from '../../model/values';
import type { TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { howMany, instanceTypeOf, lacksIpv6, launchSpecs, LAUNCH_TYPES } from './instance-facts';

/**
 * EC2008: IPv6 addresses requested on an instance type without IPv6. "IPv6 is supported on all
 * current generation instance types and the C3, R3, and I2 previous generation instance types"
 * (EC2 User Guide, IPv6 addresses); the families without it are the `noIpv6Families` of
 * ec2.ipv6-support (e.g. M3, as the note says). The launch fails. Verified 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'EC2008',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: LAUNCH_TYPES,
    title: { en: 'IPv6 requested on an instance type without IPv6', ja: 'IPv6 非対応のインスタンスタイプで IPv6 を指定' },
    note: 'ec2.ipv6-support',
    messages: {
      noIpv6: {
        en: '`{type}` doesn\'t support IPv6 (e.g., M3), but `{resource}` requests IPv6 addresses with `{property}`. Choose a current-generation type.',
        ja: '`{type}` は IPv6 に対応していません（M3 など）が、`{resource}` は `{property}` で IPv6 アドレスを要求しています。現行世代のタイプを選んでください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const spec of launchSpecs(template)) {
      if (spec.kind === 'launchConfiguration') continue;
      const requests: Array<{ path: Path; property: string }> = [];
      const consider = (map: Node | undefined, base: Path) => {
        for (const property of ['Ipv6AddressCount', 'Ipv6Addresses']) {
          const node = get(map, property);
          if (node && requestsIpv6(template, node)) requests.push({ path: [...base, property], property });
        }
      };
      if (spec.kind === 'instance') consider(spec.data, spec.path);
      const interfaces = get(spec.data, 'NetworkInterfaces');
      if (isSeq(interfaces)) interfaces.items.forEach((item, i) => consider(item, [...spec.path, 'NetworkInterfaces', i]));
      if (requests.length === 0) continue;
      const types = instanceTypeOf(template, spec);
      if (!types) continue;
      const without = (t: string) => lacksIpv6(context.knowledge, t) === true;
      const count = howMany(types.types, without);
      if (count === 'none') continue;
      for (const request of requests) {
        context.report({
          path: request.path, target: 'key', messageId: 'noIpv6',
          data: { type: types.types.find(without) ?? '', resource: spec.resource.name, property: request.property },
          downgrade: count === 'some',
        });
      }
    }
  },
};

/** A positive Ipv6AddressCount or a non-empty Ipv6Addresses list. */
function requestsIpv6(template: TemplateModel, node: Node): boolean {
  if (isSeq(node)) return node.items.length > 0;
  const numbers = numberCandidates(node, template);
  return numbers !== undefined && numbers.values.some((n) => n > 0);
}

export default rule;
