import { get, isMap, stringOf } from '../../parse/tree';
import type { Resource, TemplateModel } from '../../model/template';
import type { Rule } from '../types';
import { sourceText } from './instance-facts';
import { hibernatingSpecs } from './hibernation';

/**
 * EC2004: hibernation enabled for instances that an Auto Scaling group or Amazon ECS manages.
 * "You cannot hibernate an instance that is in an Auto Scaling group or used by Amazon ECS. If
 * your instance is in an Auto Scaling group and you try to hibernate it, the Amazon EC2 Auto
 * Scaling service marks the stopped instance as unhealthy, and may terminate it and launch a
 * replacement instance." Warm pools are the supported way (PoolState: Hibernated), so an ASG with
 * such a warm pool is not reported. Source: EC2 User Guide, hibernation limitations; EC2 Auto
 * Scaling User Guide, "Hibernate instances in a warm pool" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EC2004',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::AutoScaling::AutoScalingGroup',
      'AWS::AutoScaling::LaunchConfiguration',
      'AWS::AutoScaling::WarmPool',
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
    ],
    title: { en: 'Hibernation enabled for instances managed by ASG or ECS', ja: 'ASG や ECS が管理するインスタンスで休止を有効化' },
    note: 'ec2.hibernation.asg',
    messages: {
      asg: {
        en: 'Launch template `{resource}` enables hibernation and Auto Scaling group `{asg}` launches from it. Instances in an Auto Scaling group can\'t be hibernated: a hibernated instance is marked unhealthy and replaced. For fast scale-out use a warm pool with PoolState Hibernated.',
        ja: '起動テンプレート `{resource}` は休止を有効にしており、Auto Scaling グループ `{asg}` がこれを使っています。ASG のインスタンスは休止できません（休止すると異常と判断され、置き換えられます）。高速なスケールアウトには PoolState: Hibernated のウォームプールを使ってください。',
      },
      ecs: {
        en: '`{resource}` enables hibernation, but its UserData joins an Amazon ECS cluster (ECS_CLUSTER). Instances in use by Amazon ECS can\'t be hibernated.',
        ja: '`{resource}` は休止を有効にしていますが、UserData で ECS クラスターに参加しています（ECS_CLUSTER）。Amazon ECS が使用中のインスタンスは休止できません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const { spec, configuredPath, partial } of hibernatingSpecs(template)) {
      if (sourceText(context.doc.text, get(spec.data, 'UserData')).includes('ECS_CLUSTER')) {
        context.report({ path: configuredPath, messageId: 'ecs', data: { resource: spec.resource.name }, downgrade: partial });
        continue;
      }
      if (spec.kind !== 'launchTemplate') continue;
      for (const asg of groupsUsing(template, spec.resource)) {
        if (hasHibernatedWarmPool(template, asg)) continue;
        context.report({ path: configuredPath, messageId: 'asg', data: { resource: spec.resource.name, asg: asg.name }, downgrade: partial });
        break;
      }
    }
  },
};

/** Auto Scaling groups whose LaunchTemplate (or mixed instances policy) points at `lt`. */
export function groupsUsing(template: TemplateModel, lt: Resource): Resource[] {
  const out: Resource[] = [];
  for (const asg of template.ofType('AWS::AutoScaling::AutoScalingGroup')) {
    const specs = [
      get(asg.properties, 'LaunchTemplate'),
      get(get(get(asg.properties, 'MixedInstancesPolicy'), 'LaunchTemplate'), 'LaunchTemplateSpecification'),
    ];
    const uses = specs.some((s) => isMap(s) && ['LaunchTemplateId', 'LaunchTemplateName'].some((key) => template.referenced(get(s, key))?.name === lt.name));
    if (uses) out.push(asg);
  }
  return out;
}

function hasHibernatedWarmPool(template: TemplateModel, asg: Resource): boolean {
  const literalName = stringOf(get(asg.properties, 'AutoScalingGroupName'));
  return template.ofType('AWS::AutoScaling::WarmPool').some((pool) => {
    const target = get(pool.properties, 'AutoScalingGroupName');
    const same = template.referenced(target)?.name === asg.name || (literalName !== undefined && stringOf(target) === literalName);
    return same && stringOf(get(pool.properties, 'PoolState')) === 'Hibernated';
  });
}

export default rule;
