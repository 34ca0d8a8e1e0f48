import { executionRole, missingActions, POLICY_TYPES } from '../../model/lambda-iam';
import type { Rule } from '../types';
import { lambdaFunctions } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA008: the execution role defined in the template does not allow writing to CloudWatch
 * Logs (`logs:CreateLogStream` and `logs:PutLogEvents`, e.g. through AWSLambdaBasicExecutionRole).
 * The function runs but every log line is lost. Roles SAM generates always carry
 * AWSLambdaBasicExecutionRole and are not checked; a policy the reader cannot know keeps the rule
 * silent. Source: `lambda.logs-permission` (Lambda Developer Guide "Sending Lambda function logs
 * to CloudWatch Logs"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA008',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [...FUNCTION_TYPES, ...POLICY_TYPES],
    title: { en: 'No CloudWatch Logs permission', ja: 'CloudWatch Logs への権限がない' },
    note: 'lambda.logs-permission',
    messages: {
      missing: {
        en: '`{function}` cannot write logs: its execution role `{role}` lacks {actions}. A function needs at least CloudWatch Logs permissions (e.g. the managed policy AWSLambdaBasicExecutionRole).',
        ja: '`{function}` はログを書けません。実行ロール `{role}` に {actions} がありません。関数には少なくとも CloudWatch Logs へのアクセス許可が必要です（例：管理ポリシー AWSLambdaBasicExecutionRole）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const required = context.knowledge.value('lambda.logs-permission', 'requiredActions') as string[];
    for (const fn of lambdaFunctions(template)) {
      const role = executionRole(template, fn, context.knowledge);
      if (!role || role.generated) continue;
      const missing = missingActions(role.permissions, required);
      if (!missing || missing.length === 0) continue;
      context.report({ path: role.path, messageId: 'missing', data: { function: fn.name, role: role.name, actions: missing.map((a) => `\`${a}\``).join(', ') } });
    }
  },
};

export default rule;
