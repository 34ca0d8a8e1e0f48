import { integrationTimeouts, endpointTypes } from '../../model/apigw-links';
import { numberCandidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * APIGW002: an integration timeout above 29 s on a Regional or private REST API. API Gateway
 * accepts it only after the account's "Maximum integration timeout in milliseconds" quota has been
 * raised (Service Quotas), which may also lower the account-level throttle quota; without the
 * increase the deployment fails. The linter cannot see the quota, hence a warning. Source: What's
 * New 2024-06-04 "Amazon API Gateway integration timeout limit increase beyond 29 seconds"; note
 * `apigw.504-29s` (FC-02; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'APIGW002',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Integration', 'AWS::Serverless::Function'],
    title: { en: 'Integration timeout above 29 s on a Regional/private REST API', ja: 'リージョン／プライベート REST API の統合タイムアウトが 29 秒超' },
    note: 'apigw.504-29s',
    messages: {
      raised: {
        en: 'Integration timeout {value} ms is above the default maximum of {max} ms. Timeouts above 29 s need a raised "Maximum integration timeout" quota in this account/Region and may reduce the account-level throttle quota; otherwise deployment fails.',
        ja: '統合タイムアウト {value} ms はデフォルト上限 {max} ms を超えています。29 秒を超えるには、このアカウント／リージョンで「Maximum integration timeout」クォータの引き上げが必要で、アカウントのスロットリング上限が下がる場合があります。引き上げていないとデプロイに失敗します。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const restMax = k.number('apigw.504-29s', 'restMax');
    const raisable = k.value('apigw.504-29s', 'raisableEndpointTypes') as string[];
    const defaultType = String(k.value('apigw.endpoint-types', 'default'));
    for (const item of integrationTimeouts(template)) {
      if (item.kind !== 'rest' || (!item.api && !item.implicit)) continue;
      const ep = endpointTypes(template, item.api, defaultType);
      if (!ep) continue;
      const regional = ep.types.filter((list) => list.some((t) => raisable.includes(t)));
      if (regional.length === 0) continue;
      const numbers = numberCandidates(item.node, template);
      if (!numbers) continue;
      const high = numbers.values.filter((n) => n > restMax);
      if (high.length === 0) continue;
      context.report({
        path: item.path,
        messageId: 'raised',
        data: { value: high[0], max: restMax },
        downgrade: regional.length < ep.types.length || (numbers.choice && high.length < numbers.values.length),
      });
    }
  },
};

export default rule;
