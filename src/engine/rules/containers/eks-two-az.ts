import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../../parse/tree';
import { azOfSubnet, type AzKey } from '../../model/ebs-attachments';
import type { TemplateModel } from '../../model/template';
import type { Rule } from '../types';

/**
 * EKS001: an EKS cluster whose `ResourcesVpcConfig.SubnetIds` has fewer than two subnets, or
 * whose subnets (all resolved in the template) lie in one Availability Zone. EKS rejects the
 * cluster: "When you create a cluster, you specify a VPC and at least two subnets that are in
 * different Availability Zones." Items that may expand to several subnets (a list parameter,
 * Fn::Split, imports) make the count unknown, and then nothing is said. Source: EKS User Guide
 * "VPC and subnet requirements" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EKS001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::EKS::Cluster'],
    title: { en: 'EKS cluster not spread over two AZs', ja: 'EKS クラスターが 2 つの AZ にまたがっていない' },
    note: 'eks.two-az',
    messages: {
      count: {
        en: 'EKS cluster `{cluster}` lists {count} subnet(s). An EKS cluster needs at least {min} subnets in different Availability Zones of one VPC.',
        ja: 'EKS クラスター `{cluster}` のサブネットは {count} 個です。EKS クラスターには、1 つの VPC 内の異なる AZ にある少なくとも {min} つのサブネットが必要です。',
      },
      oneAz: {
        en: 'All subnets of EKS cluster `{cluster}` are in {az}. An EKS cluster needs at least {min} subnets in different Availability Zones of one VPC.',
        ja: 'EKS クラスター `{cluster}` のサブネットはすべて {az} にあります。1 つの VPC 内の 2 つの AZ にクラスターを構成する必要があります（異なる AZ のサブネットが少なくとも {min} つ）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const minSubnets = context.knowledge.number('eks.two-az', 'minSubnets');
    const minAzs = context.knowledge.number('eks.two-az', 'minAvailabilityZones');
    for (const cluster of template.ofType('AWS::EKS::Cluster')) {
      const subnets = get(get(cluster.properties, 'ResourcesVpcConfig'), 'SubnetIds');
      if (!isSeq(subnets)) continue;
      if (!subnets.items.every((item) => single(template, item))) continue;
      const path = [...cluster.path, 'Properties', 'ResourcesVpcConfig', 'SubnetIds'];
      const distinct = new Set(subnets.items.map((i) => context.doc.text.slice(i.start, i.end)));
      if (distinct.size < minSubnets) {
        context.report({ path, target: 'key', messageId: 'count', data: { cluster: cluster.name, count: distinct.size, min: minSubnets } });
        continue;
      }
      const azs: AzKey[] = [];
      for (const item of subnets.items) {
        const ref = template.referenced(item);
        const subnet = ref ? template.resources.get(ref.name) : undefined;
        const az = subnet?.type === 'AWS::EC2::Subnet' ? azOfSubnet(template, subnet) : undefined;
        if (!az) break;
        azs.push(az);
      }
      if (azs.length !== subnets.items.length || !azs.every((a) => a.form === azs[0].form)) continue;
      if (new Set(azs.map((a) => a.key)).size < minAzs) {
        context.report({ path, target: 'key', messageId: 'oneAz', data: { cluster: cluster.name, az: azs[0].text, min: minSubnets } });
      }
    }
  },
};

/** True when a list item is certainly one subnet id (not a list that CloudFormation would splice). */
function single(template: TemplateModel, item: Node): boolean {
  if (isScalar(item)) return typeof item.value === 'string';
  if (!isMap(item)) return false;
  const fn = soleKey(item);
  if (fn === 'Ref') {
    const name = stringOf(item.pairs[0].value);
    if (!name) return false;
    if (template.resources.has(name)) return true;
    const type = stringOf(get(template.parameter(name), 'Type'));
    return type !== undefined && !/^List<|CommaDelimitedList/.test(type);
  }
  return fn === 'Fn::GetAtt' || fn === 'Fn::ImportValue' || fn === 'Fn::Select' || fn === 'Fn::Sub';
}

export default rule;
