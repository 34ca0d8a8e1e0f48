import { get, isScalar, isSeq, type Node, soleKey, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { TemplateModel } from '../../model/template';
import type { Rule } from '../types';

/**
 * NAT001: private subnets in two or more Availability Zones send their default route
 * (`0.0.0.0/0`) to the same zonal NAT gateway (`AvailabilityMode` unset or `zonal`). A zonal NAT
 * gateway is redundant only inside its own AZ: if that AZ fails, every private subnet loses
 * internet egress. Links followed: AWS::EC2::Route (RouteTableId, NatGatewayId) →
 * AWS::EC2::SubnetRouteTableAssociation (RouteTableId, SubnetId) → AWS::EC2::Subnet
 * (AvailabilityZone as a literal, a parameter default, or `!Select [n, !GetAZs …]`;
 * AvailabilityZoneId). Subnets whose AZ can't be resolved are left out. Sources: VPC User Guide
 * "NAT gateways" and "Regional NAT gateways for automatic multi-AZ expansion"; EC2
 * CreateNatGateway.AvailabilityMode (default zonal), verified 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'NAT001',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::EC2::Route', 'AWS::EC2::SubnetRouteTableAssociation'],
    title: { en: 'One zonal NAT gateway for several AZs', ja: '複数 AZ で 1 つのゾーン NAT ゲートウェイを共有' },
    note: 'natgw.az-scope',
    messages: {
      shared: {
        en: 'NAT gateway `{nat}` serves private subnets in {count} AZs ({subnets}). A zonal NAT gateway is redundant within its AZ only; if `{az}` fails, every private subnet loses egress. Create one NAT gateway per AZ with per-AZ route tables, or use a regional NAT gateway (`AvailabilityMode: regional`).',
        ja: 'NAT ゲートウェイ `{nat}` は {count} つの AZ のプライベートサブネット（{subnets}）が共有しています。ゾーン NAT ゲートウェイは AZ 内でしか冗長化されないため、`{az}` に障害が起きるとすべてのプライベートサブネットが外部に出られなくなります。AZ ごとに NAT ゲートウェイと AZ ごとのルートテーブルを作るか、リージョン NAT ゲートウェイ（`AvailabilityMode: regional`）を使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const zonal = String(context.knowledge.value('natgw.az-scope', 'defaultAvailabilityMode'));
    const tablesByNat = new Map<string, Set<string>>();
    for (const route of template.ofType('AWS::EC2::Route')) {
      const destination = candidates(get(route.properties, 'DestinationCidrBlock'), template);
      if (!destination || destination.values.length !== 1 || destination.values[0] !== '0.0.0.0/0') continue;
      const nat = template.referenced(get(route.properties, 'NatGatewayId'));
      const table = template.referenced(get(route.properties, 'RouteTableId'));
      if (!nat || !table || template.resources.get(nat.name)?.type !== 'AWS::EC2::NatGateway') continue;
      const set = tablesByNat.get(nat.name) ?? new Set<string>();
      set.add(table.name);
      tablesByNat.set(nat.name, set);
    }
    if (tablesByNat.size === 0) return;
    const subnetsByTable = new Map<string, string[]>();
    for (const association of template.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
      const table = template.referenced(get(association.properties, 'RouteTableId'));
      const subnet = template.referenced(get(association.properties, 'SubnetId'));
      if (!table || !subnet) continue;
      subnetsByTable.set(table.name, [...(subnetsByTable.get(table.name) ?? []), subnet.name]);
    }
    for (const [natName, tables] of tablesByNat) {
      const nat = template.resources.get(natName)!;
      const mode = get(nat.properties, 'AvailabilityMode');
      if (mode !== undefined) {
        const modes = candidates(mode, template);
        if (!modes || modes.values.some((v) => String(v).toLowerCase() !== zonal)) continue;
      }
      const zones = new Map<string, string[]>();
      for (const table of tables) {
        for (const subnetName of subnetsByTable.get(table) ?? []) {
          const az = subnetZone(template, subnetName);
          if (az === undefined) continue;
          zones.set(az, [...(zones.get(az) ?? []), subnetName]);
        }
      }
      if (zones.size < 2) continue;
      const natSubnet = template.referenced(get(nat.properties, 'SubnetId'));
      const az = (natSubnet && subnetZone(template, natSubnet.name)) ?? natSubnet?.name ?? natName;
      const subnets = [...zones.entries()].map(([zone, names]) => `${names.join(', ')} in ${zone}`).join('; ');
      context.report({ path: nat.path, target: 'key', messageId: 'shared', data: { nat: natName, count: zones.size, subnets, az } });
    }
  },
};

/** A subnet's AZ as a comparable label, or undefined when the template doesn't say. */
function subnetZone(template: TemplateModel, name: string): string | undefined {
  const subnet = template.resources.get(name);
  if (!subnet || subnet.type !== 'AWS::EC2::Subnet') return undefined;
  const zoneId = get(subnet.properties, 'AvailabilityZoneId');
  if (zoneId !== undefined) return single(zoneId, template);
  const zone = get(subnet.properties, 'AvailabilityZone');
  if (zone === undefined) return undefined;
  if (soleKey(zone) === 'Fn::Select') {
    const arg = (zone as { pairs: Array<{ value: Node | null }> }).pairs[0].value;
    if (!isSeq(arg) || arg.items.length !== 2) return undefined;
    const index = single(arg.items[0], template);
    const list = arg.items[1];
    if (index === undefined || soleKey(list) !== 'Fn::GetAZs') return undefined;
    const region = (list as { pairs: Array<{ value: Node | null }> }).pairs[0].value;
    const regionText = isScalar(region) ? String(region.value ?? '') : stringOf(get(region, 'Ref')) === 'AWS::Region' ? '' : undefined;
    if (regionText === undefined) return undefined;
    return `!Select [${index}, !GetAZs${regionText ? ` ${regionText}` : ''}]`;
  }
  return single(zone, template);
}

function single(node: Node | null | undefined, template: TemplateModel): string | undefined {
  const c = candidates(node, template);
  return c && c.values.length === 1 && c.values[0] !== null ? String(c.values[0]) : undefined;
}

export default rule;
