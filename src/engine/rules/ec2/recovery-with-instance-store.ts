import { get, isSeq, stringOf } from '../../parse/tree';
import type { Resource, TemplateModel } from '../../model/template';
import type { Knowledge } from '../../knowledge';
import type { Rule } from '../types';
import { hasInstanceStoreType, instanceStoreMappings, launchSpecs, sourceText, typeCandidates } from './instance-facts';

/**
 * EC2014: automatic recovery configured for an instance with instance store volumes. The recover
 * action works only on instances that have "only EBS volumes (do not configure instance store
 * volumes)", and "The instance has an attached instance store storage, which is an unsupported
 * configuration for automatic instance recovery". Instance store comes from ephemeralN mappings
 * or from the type itself (`d` types and the families listed in ec2.instance-store).
 * Source: EC2 User Guide, "Recover your instance" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EC2014',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::AutoScaling::LaunchConfiguration',
      'AWS::CloudWatch::Alarm',
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
    ],
    title: { en: 'Auto recovery on an instance with instance store', ja: 'インスタンスストア付きインスタンスで自動復旧' },
    note: 'ec2.auto-recovery',
    messages: {
      alarm: {
        en: 'Alarm `{alarm}` uses the EC2 recover action on `{instance}`, which has instance store volumes ({why}). Automatic recovery supports only EBS-backed instances without instance store volumes; recovery of `{instance}` will fail.',
        ja: 'アラーム `{alarm}` は `{instance}` に EC2 の復旧アクションを設定していますが、このインスタンスにはインスタンスストアがあります（{why}）。自動復旧はインスタンスストアのない EBS-backed インスタンスのみ対応のため、`{instance}` の復旧は失敗します。',
      },
      template: {
        en: 'Launch template `{instance}` sets MaintenanceOptions.AutoRecovery to default, but its instances have instance store volumes ({why}). Automatic recovery supports only EBS-backed instances without instance store volumes; recovery will not happen.',
        ja: '起動テンプレート `{instance}` は MaintenanceOptions.AutoRecovery を default にしていますが、インスタンスストアがあります（{why}）。自動復旧はインスタンスストアのない EBS-backed インスタンスのみ対応のため、復旧は行われません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const alarm of template.ofType('AWS::CloudWatch::Alarm')) {
      if (!sourceText(context.doc.text, get(alarm.properties, 'AlarmActions')).includes(':ec2:recover')) continue;
      const instance = alarmInstance(template, alarm);
      if (!instance?.properties) continue;
      const why = instanceStoreReason(context.knowledge, template, instance.properties);
      if (!why) continue;
      context.report({ path: [...alarm.path, 'Properties', 'AlarmActions'], target: 'key', messageId: 'alarm', data: { alarm: alarm.name, instance: instance.name, why } });
    }
    for (const spec of launchSpecs(template)) {
      if (spec.kind !== 'launchTemplate') continue;
      if (stringOf(get(get(spec.data, 'MaintenanceOptions'), 'AutoRecovery')) !== 'default') continue;
      const why = instanceStoreReason(context.knowledge, template, spec.data);
      if (!why) continue;
      context.report({ path: [...spec.path, 'MaintenanceOptions', 'AutoRecovery'], messageId: 'template', data: { instance: spec.resource.name, why } });
    }
  },
};

function alarmInstance(template: TemplateModel, alarm: Resource): Resource | undefined {
  const dimensions = get(alarm.properties, 'Dimensions');
  if (!isSeq(dimensions)) return undefined;
  for (const dimension of dimensions.items) {
    if (stringOf(get(dimension, 'Name')) !== 'InstanceId') continue;
    const ref = template.referenced(get(dimension, 'Value'));
    const resource = ref ? template.resources.get(ref.name) : undefined;
    if (resource?.type === 'AWS::EC2::Instance') return resource;
  }
  return undefined;
}

function instanceStoreReason(knowledge: Knowledge, template: TemplateModel, data: Parameters<typeof instanceStoreMappings>[1]): string | undefined {
  const mappings = instanceStoreMappings(knowledge, data);
  if (mappings.length) return stringOf(get(mappings[0].node, 'VirtualName')) ?? 'ephemeral';
  const types = typeCandidates(template, get(data, 'InstanceType'));
  if (types && types.types.every((t) => hasInstanceStoreType(knowledge, t) === true)) return types.types[0];
  return undefined;
}

export default rule;
