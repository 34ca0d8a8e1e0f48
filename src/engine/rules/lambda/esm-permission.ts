import { executionRole, missingActions } from '../../model/lambda-iam';
import { eventSources } from '../../model/lambda-links';
import type { Rule } from '../types';

/**
 * LAMBDA007: an event source mapping (or a SAM SQS/Kinesis/DynamoDB event of a function with an
 * explicit role) reads its source with the function's execution role, and that role — defined in
 * the template — lacks the read actions (SQS: ReceiveMessage, DeleteMessage, GetQueueAttributes;
 * Kinesis and DynamoDB Streams: GetRecords, GetShardIterator, DescribeStream, ListShards /
 * ListStreams). The mapping fails to create or to poll. SAM events on a generated role are
 * covered by SAM; an explicit mapping on a SAM-generated role is checked against what SAM
 * generates (Policies, policy templates, events). Source: `lambda.esm-uses-execution-role`
 * (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA007',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::IAM::ManagedPolicy',
      'AWS::IAM::Policy',
      'AWS::IAM::RolePolicy',
      'AWS::Lambda::EventSourceMapping',
      'AWS::Lambda::Function',
      'AWS::Serverless::Function',
    ],
    title: { en: 'Execution role cannot read the event source', ja: '実行ロールにイベントソースの読み取り権限がない' },
    note: 'lambda.esm-uses-execution-role',
    messages: {
      missing: {
        en: 'Event source mappings read the source with the function\'s execution role; `{role}` (of `{function}`) lacks {actions} to read `{source}`.',
        ja: 'イベントソースマッピングは関数の実行ロールでイベントソースを読みます。`{function}` の `{role}` には `{source}` を読むための {actions} がありません。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const required = context.knowledge.value('lambda.esm-uses-execution-role', 'requiredActions') as Record<string, Array<string | string[]>>;
    for (const link of eventSources(template)) {
      if (!link.fn || !link.kind || link.kind === 'other') continue;
      const role = executionRole(template, link.fn, context.knowledge);
      if (!role || (role.generated && link.via === 'sam')) continue;
      const missing = missingActions(role.permissions, required[link.kind], link.source ? { resource: link.source.name } : undefined);
      if (!missing || missing.length === 0) continue;
      context.report({
        path: link.anchor,
        messageId: 'missing',
        data: {
          role: role.name,
          function: link.fn.name,
          actions: missing.map((a) => `\`${a}\``).join(', '),
          source: link.source?.name ?? link.kind.toUpperCase(),
        },
      });
    }
  },
};

export default rule;
