import { get, isSeq, type Node, stringOf } from '../../parse/tree';
import type { Rule } from '../types';
import { alarmMetrics } from './metrics';
import { literalText } from '../../model/values';

/**
 * CW002: an alarm with the EC2 recover action (`arn:aws:automate:<region>:ec2:recover`) on a
 * metric other than `AWS/EC2` `StatusCheckFailed_System`. CloudWatch rejects the alarm: recovery
 * only answers system status check failures (it moves the instance to new hardware; it is not a
 * reboot, which is the action for instance status check failures). The metric lives in the note
 * `apigw.metrics` (`ec2RecoverAction`) until the EC2 note carries it. Sources: CloudWatch User
 * Guide "Create alarms to stop, terminate, reboot, or recover an EC2 instance", EC2 User Guide
 * "Recover your instance" (FC-25). The exact rejection is from background knowledge, not re-read
 * (2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CW002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CloudWatch::Alarm'],
    title: { en: 'EC2 recover action on the wrong metric', ja: 'EC2 の復旧アクションが対応しないメトリクスに設定されている' },
    note: 'ec2.auto-recovery',
    messages: {
      wrongMetric: {
        en: 'The EC2 recover action only applies to system status check failures (`{namespace}` `{metric}`); this alarm watches `{found}`. Recovery moves the instance to new hardware; it is not a reboot (use the reboot action for StatusCheckFailed_Instance).',
        ja: 'EC2 の復旧（recover）アクションはシステムステータスチェックの失敗（`{namespace}` `{metric}`）にのみ使えます（このアラームは `{found}`）。復旧はインスタンスを新しいハードウェアに移すもので、再起動ではありません（StatusCheckFailed_Instance には reboot アクション）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const wanted = context.knowledge.value('apigw.metrics', 'ec2RecoverAction') as { namespace: string; metric: string };
    for (const metric of alarmMetrics(template)) {
      if (metric.namePath.includes('Metrics')) continue;
      if (!hasRecoverAction(get(metric.alarm.properties, 'AlarmActions'))) continue;
      const name = stringOf(metric.nameNode);
      if (metric.namespace === undefined || name === undefined) continue;
      if (metric.namespace === wanted.namespace && name === wanted.metric) continue;
      const wrongNamespace = metric.namespace !== wanted.namespace;
      context.report({
        path: wrongNamespace ? metric.namespacePath : metric.namePath, messageId: 'wrongMetric',
        data: { namespace: wanted.namespace, metric: wanted.metric, found: `${metric.namespace} ${name}` },
      });
    }
  },
};

function hasRecoverAction(actions: Node | undefined): boolean {
  if (!isSeq(actions)) return false;
  return actions.items.some((item) => /:automate:.*:ec2:recover$/.test(textOf(item) ?? ''));
}

/** A literal, a Sub template, or a Join's literal parts (intrinsics become `*`). */
function textOf(node: Node): string | undefined {
  return literalText(node, '*');
}

export default rule;
