import { candidates } from '../../model/values';
import { executionRole, missingActions, POLICY_TYPES } from '../../model/lambda-iam';
import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { effective, isSam, lambdaFunctions } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA009: active tracing (`TracingConfig.Mode: Active`, SAM `Tracing: Active`, also from
 * Globals) while the execution role defined in the template lacks `xray:PutTraceSegments` /
 * `xray:PutTelemetryRecords` (AWSXRayDaemonWriteAccess or AWSXrayWriteOnlyAccess grant them).
 * Traces are missing. SAM-generated roles get AWSXRayDaemonWriteAccess from SAM when Tracing is
 * set and are not checked. Source: `lambda.xray-sdk-permissions`, `xray.lambda`,
 * `xray.iam-policies` (Lambda Developer Guide "Visualize Lambda function invocations using AWS
 * X-Ray"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA009',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [...FUNCTION_TYPES, ...POLICY_TYPES],
    title: { en: 'Active tracing without X-Ray permissions', ja: 'X-Ray の権限なしでアクティブトレース' },
    note: 'lambda.xray-sdk-permissions',
    messages: {
      missing: {
        en: 'Active tracing is on for `{function}` but its execution role `{role}` cannot send traces (lacks {actions}); add the managed policy AWSXRayDaemonWriteAccess.',
        ja: '`{function}` はアクティブトレースが有効ですが、実行ロール `{role}` はトレースを送れません（{actions} がない）。管理ポリシー AWSXRayDaemonWriteAccess を付けてください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const required = context.knowledge.value('lambda.xray-sdk-permissions', 'requiredActions') as string[];
    for (const fn of lambdaFunctions(template)) {
      const node = isSam(fn) ? effective(template, fn, 'Tracing')?.node : get(get(fn.properties, 'TracingConfig'), 'Mode');
      const c = candidates(node, template);
      if (!c || !c.values.includes('Active')) continue;
      const role = executionRole(template, fn, context.knowledge);
      if (!role || role.generated) continue;
      const missing = missingActions(role.permissions, required);
      if (!missing || missing.length === 0) continue;
      context.report({
        path: role.path,
        messageId: 'missing',
        data: { function: fn.name, role: role.name, actions: missing.map((a) => `\`${a}\``).join(', ') },
        downgrade: c.values.some((v) => v !== 'Active'),
      });
    }
  },
};

export default rule;
