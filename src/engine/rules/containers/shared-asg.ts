import { get, isScalar } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import { insertNested } from '../../edits';
import type { Resource } from '../../model/template';
import type { Fix } from '../../types';
import type { Rule } from '../types';
import { strings } from './ecs-facts';

/**
 * ECS003: one Auto Scaling group behind two capacity providers, or managed termination protection
 * on a capacity provider whose Auto Scaling group lacks scale-in protection. ECS rejects both:
 * "The specified Auto Scaling group ARN is already being used by another capacity provider"
 * (aws/containers-roadmap#632), and "The Auto Scaling group and each instance in the Auto Scaling
 * group must have instance protection from scale-in actions on" (ECS API AutoScalingGroupProvider).
 * `AutoScalingGroupArn` accepts the ASG's name, so `!Ref ASG` links to the group. Verified
 * 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'ECS003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ECS::CapacityProvider'],
    title: { en: 'Auto Scaling group shared by two capacity providers', ja: '1 つの Auto Scaling グループを 2 つのキャパシティプロバイダーで共有' },
    note: 'ecs.capacity-provider',
    messages: {
      shared: {
        en: 'Capacity providers `{first}` and `{second}` both use Auto Scaling group `{asg}`. One capacity provider ↔ one Auto Scaling group: ECS rejects the second one.',
        ja: 'キャパシティプロバイダー `{first}` と `{second}` が同じ Auto Scaling グループ `{asg}` を使っています。1つの Capacity Provider は 1つの EC2 Auto Scaling グループに関連付けられるため、2 つ目は作成できません。',
      },
      protection: {
        en: 'Capacity provider `{provider}` enables managed termination protection, but Auto Scaling group `{asg}` does not set `NewInstancesProtectedFromScaleIn: true`. Managed termination protection also requires scale-in protection on the ASG (and managed scaling).',
        ja: 'キャパシティプロバイダー `{provider}` はマネージド終了保護を有効にしていますが、Auto Scaling グループ `{asg}` に `NewInstancesProtectedFromScaleIn: true` がありません。マネージド終了保護には ASG 側のスケールイン保護（とマネージドスケーリング）も必要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const seen = new Map<string, Resource>();
    for (const provider of template.ofType('AWS::ECS::CapacityProvider')) {
      const asgProvider = get(provider.properties, 'AutoScalingGroupProvider');
      const arnNode = get(asgProvider, 'AutoScalingGroupArn');
      const arnPath = [...provider.path, 'Properties', 'AutoScalingGroupProvider', 'AutoScalingGroupArn'];
      const ref = template.referenced(arnNode);
      const asg = ref ? template.resources.get(ref.name) : undefined;
      const key = asg ? `resource:${asg.name}` : isScalar(arnNode) && typeof arnNode.value === 'string' ? `text:${arnNode.value}` : undefined;
      if (key) {
        const first = seen.get(key);
        if (first) {
          context.report({
            path: arnPath, messageId: 'shared',
            data: { first: first.name, second: provider.name, asg: asg ? asg.name : String((arnNode as { value: unknown }).value) },
          });
        } else seen.set(key, provider);
      }
      const protection = strings(get(asgProvider, 'ManagedTerminationProtection'), template);
      if (!protection || !asg || asg.type !== 'AWS::AutoScaling::AutoScalingGroup') continue;
      const enabled = protection.values.filter((v) => v.toUpperCase() === 'ENABLED');
      if (enabled.length === 0) continue;
      const scaleIn = get(asg.properties, 'NewInstancesProtectedFromScaleIn');
      let protectedAsg: boolean | 'mixed' | undefined = false;
      if (scaleIn !== undefined) {
        const c = candidates(scaleIn, template);
        const flags = c?.values.map(asBoolean);
        protectedAsg = !flags || flags.some((f) => f === undefined) ? undefined : flags.every((f) => f) ? true : flags.some((f) => f) ? 'mixed' : false;
      }
      if (protectedAsg === undefined || protectedAsg === true) continue;
      const fixes: Fix[] = [];
      if (scaleIn === undefined && asg.properties) {
        fixes.push({
          title: { en: `Add NewInstancesProtectedFromScaleIn: true to ${asg.name}`, ja: `${asg.name} に NewInstancesProtectedFromScaleIn: true を追加` },
          edits: [insertNested(context.doc, asg.properties, ['NewInstancesProtectedFromScaleIn'], 'true')],
          preferred: true,
        });
      }
      context.report({
        path: [...provider.path, 'Properties', 'AutoScalingGroupProvider', 'ManagedTerminationProtection'],
        messageId: 'protection',
        data: { provider: provider.name, asg: asg.name },
        downgrade: protectedAsg === 'mixed' || enabled.length < protection.values.length,
        fixes,
      });
    }
  },
};

export default rule;
