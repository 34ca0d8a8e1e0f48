import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { booleanOf } from './instance-facts';

/**
 * EC2013: public IPv4 charges. Since 2024-02-01 AWS charges for every public IPv4 address it
 * provides — Elastic IPs and auto-assigned addresses, associated or idle (BYOIP excepted) — which
 * corrects the note's "charged when not in use" (FC-21). The rate and date are the values of
 * ec2.ip.eip. Source: AWS News Blog "New – AWS Public IPv4 Address Charge + Public IP Insights";
 * re:Post (verified 2026-11-21). Info: cost awareness.
 */
const rule: Rule = {
  meta: {
    id: 'EC2013',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::EC2::EIP', 'AWS::EC2::Subnet'],
    title: { en: 'Public IPv4 charges', ja: 'パブリック IPv4 の料金' },
    note: 'ec2.ip.eip',
    enabledByDefault: false,
    messages: {
      eip: {
        en: 'Since {since} every public IPv4 address, Elastic IPs included and whether associated or idle, is billed per hour (${rate}/h). An EIP keeps its address across stop/start; an auto-assigned public IP changes.',
        ja: '{since} 以降、パブリック IPv4 アドレスは EIP も含め、関連付けの有無にかかわらず時間課金されます（1 時間 ${rate}）。EIP は停止・起動でもアドレスが変わらず、自動割り当てのパブリック IP は変わります。',
      },
      mapPublic: {
        en: 'Every instance launched in subnet `{resource}` gets a public IPv4 address, billed per hour since {since} (${rate}/h) while it is in use. An auto-assigned public IP changes on stop/start; an EIP does not.',
        ja: 'サブネット `{resource}` で起動するインスタンスにはすべてパブリック IPv4 が付き、{since} 以降は使用中も時間課金されます（1 時間 ${rate}）。自動割り当ての IP は停止・起動で変わり、EIP は変わりません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const since = String(context.knowledge.value('ec2.ip.eip', 'chargedSince'));
    const rate = context.knowledge.number('ec2.ip.eip', 'hourlyUsd');
    for (const eip of template.ofType('AWS::EC2::EIP')) {
      context.report({ path: [...eip.path, 'Type'], messageId: 'eip', data: { since, rate } });
    }
    for (const subnet of template.ofType('AWS::EC2::Subnet')) {
      const value = booleanOf(template, get(subnet.properties, 'MapPublicIpOnLaunch'));
      if (value !== true && value !== 'mixed') continue;
      context.report({ path: [...subnet.path, 'Properties', 'MapPublicIpOnLaunch'], messageId: 'mapPublic', data: { resource: subnet.name, since, rate } });
    }
  },
};

export default rule;
