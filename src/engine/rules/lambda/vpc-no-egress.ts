import { get, isSeq, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import type { Rule } from '../types';
import { effective, lambdaFunctions } from './functions';

/** Route targets that give a private subnet a way out (NAT gateway, NAT instance or appliance, firewall endpoint, transit gateway). */
const EGRESS_TARGETS = ['NatGatewayId', 'InstanceId', 'NetworkInterfaceId', 'VpcEndpointId', 'TransitGatewayId', 'CarrierGatewayId'];

/**
 * LAMBDA014 (info): a VPC-attached function whose subnets are all defined in the template, each
 * with a route table defined in the template, none of which routes `0.0.0.0/0` to a NAT gateway
 * (or NAT instance, firewall endpoint, transit gateway), while the template defines no VPC
 * endpoints. Such a function has no public IP and cannot reach the internet or AWS APIs. Anything
 * not fully in the template (imported subnets, the VPC's main route table) keeps the rule silent.
 * Source: `lambda.vpc` (Lambda Developer Guide "Enable internet access for VPC-connected Lambda
 * functions"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA014',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::EC2::Route',
      'AWS::EC2::SubnetRouteTableAssociation',
      'AWS::EC2::VPCEndpoint',
      'AWS::Lambda::Function',
      'AWS::Serverless::Function',
    ],
    title: { en: 'VPC function without internet egress in the template', ja: 'VPC Lambda にインターネットへの出口がない' },
    note: 'lambda.vpc',
    messages: {
      noEgress: {
        en: '`{function}` runs in subnets {subnets} whose route tables have no `0.0.0.0/0` route to a NAT gateway, and the template defines no VPC endpoints: VPC-attached Lambda functions have no public IP, so it cannot reach the internet or AWS APIs.',
        ja: '`{function}` のサブネット {subnets} のルートテーブルには NAT ゲートウェイへの `0.0.0.0/0` ルートがなく、VPC エンドポイントもテンプレートにありません。VPC Lambda にはパブリック IP がないので、インターネットにも AWS の API にも接続できません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    if (template.ofType('AWS::EC2::VPCEndpoint').length > 0) return;
    for (const fn of lambdaFunctions(template)) {
      const vpc = effective(template, fn, 'VpcConfig');
      if (!vpc) continue;
      const subnetIds = get(vpc.node, 'SubnetIds');
      if (!isSeq(subnetIds) || subnetIds.items.length === 0) continue;
      const subnets: Resource[] = [];
      for (const item of subnetIds.items) {
        const ref = template.referenced(item);
        const subnet = ref ? template.resources.get(ref.name) : undefined;
        if (!subnet || subnet.type !== 'AWS::EC2::Subnet' || ref?.attribute) { subnets.length = 0; break; }
        subnets.push(subnet);
      }
      if (subnets.length !== subnetIds.items.length) continue;
      const verdicts = subnets.map((subnet) => egressOf(template, subnet));
      if (verdicts.some((v) => v !== 'none')) continue;
      context.report({ path: [...vpc.path, 'SubnetIds'], target: 'key', messageId: 'noEgress', data: { function: fn.name, subnets: subnets.map((s) => `\`${s.name}\``).join(', ') } });
    }
  },
};

/** 'egress' when the subnet's route table has a default route with a NAT-like target, 'none' when it surely has none, 'unknown' otherwise. */
function egressOf(template: TemplateModel, subnet: Resource): 'egress' | 'none' | 'unknown' {
  const associations = template.ofType('AWS::EC2::SubnetRouteTableAssociation')
    .filter((a) => template.referenced(get(a.properties, 'SubnetId'))?.name === subnet.name);
  if (associations.length !== 1) return 'unknown';
  const tableRef = template.referenced(get(associations[0].properties, 'RouteTableId'));
  const table = tableRef ? template.resources.get(tableRef.name) : undefined;
  if (!table || table.type !== 'AWS::EC2::RouteTable') return 'unknown';
  let verdict: 'none' | 'unknown' = 'none';
  for (const route of template.ofType('AWS::EC2::Route')) {
    if (template.referenced(get(route.properties, 'RouteTableId'))?.name !== table.name) continue;
    const cidr = candidates(get(route.properties, 'DestinationCidrBlock'), template);
    if (!cidr) { if (get(route.properties, 'DestinationCidrBlock') !== undefined) verdict = 'unknown'; continue; }
    if (!cidr.values.includes('0.0.0.0/0')) continue;
    if (EGRESS_TARGETS.some((key) => get(route.properties, key) !== undefined)) return 'egress';
    const gateway = get(route.properties, 'GatewayId');
    if (gateway === undefined) { verdict = 'unknown'; continue; }
    const ref = template.referenced(gateway);
    const target = ref ? template.resources.get(ref.name) : undefined;
    const text = stringOf(gateway);
    // An internet gateway gives no egress to a function without a public IP; anything else might.
    if (!(target?.type === 'AWS::EC2::InternetGateway' || (text && text.startsWith('igw-')))) verdict = 'unknown';
  }
  return verdict;
}

export default rule;
