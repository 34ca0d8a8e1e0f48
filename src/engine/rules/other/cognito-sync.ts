import { get } from '../../parse/tree';
import type { Rule } from '../types';

/**
 * COGNITO001: an identity pool that configures Cognito Sync (`CognitoStreams`, `PushSync`,
 * `CognitoEvents`). Cognito Sync is no longer open to new customers (from 2026-07-30) and its
 * client is in the archived Mobile SDK; use AWS AppSync or DynamoDB. Warning: unavailable to new
 * accounts. Property list and date are data in the `cognito.sync` note. Sources: Cognito
 * Developer Guide "Amazon Cognito Sync"; Cognito Sync API Reference (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'COGNITO001',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Cognito::IdentityPool'],
    title: { en: 'Cognito Sync features', ja: 'Cognito Sync の機能' },
    note: 'cognito.sync',
    messages: {
      sync: {
        en: '`{property}` configures Cognito Sync, which is closed to new customers (since {date}); use AWS AppSync (or DynamoDB) for cross-device data sync.',
        ja: '`{property}` は Cognito Sync の設定です。Cognito Sync は新規顧客の受付を終了しました（{date} 以降）。デバイス間のデータ同期には AWS AppSync（または DynamoDB）を使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const properties = context.knowledge.value('cognito.sync', 'syncProperties') as string[];
    const date = String(context.knowledge.value('cognito.sync', 'closedToNewCustomersFrom'));
    for (const pool of template.ofType('AWS::Cognito::IdentityPool')) {
      for (const property of properties) {
        if (get(pool.properties, property) === undefined) continue;
        context.report({ path: [...pool.path, 'Properties', property], target: 'key', messageId: 'sync', data: { property, date } });
      }
    }
  },
};

export default rule;
