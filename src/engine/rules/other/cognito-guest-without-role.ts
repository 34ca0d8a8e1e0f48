import { get, isMap } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * COGNITO002: an identity pool allows guests (`AllowUnauthenticatedIdentities: true`) but no
 * `AWS::Cognito::IdentityPoolRoleAttachment` of that pool sets `Roles.unauthenticated`. Guests
 * receive temporary STS credentials only by assuming the pool's unauthenticated role, so they get
 * none. A role attachment whose pool or Roles can't be resolved might be the missing one: then
 * nothing is reported. Sources: Cognito Developer Guide "Identity pools authentication flow";
 * CloudFormation AWS::Cognito::IdentityPoolRoleAttachment (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'COGNITO002',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Cognito::IdentityPool', 'AWS::Cognito::IdentityPoolRoleAttachment'],
    title: { en: 'Guest access without an unauthenticated role', ja: '未認証ロールのないゲストアクセス' },
    note: 'cognito.identity-pool',
    messages: {
      noRole: {
        en: 'Identity pool `{pool}` allows guest (unauthenticated) identities, but no IdentityPoolRoleAttachment gives it a `Roles.{key}` role: guests need one to receive temporary STS credentials.',
        ja: 'ID プール `{pool}` はゲスト（未認証）を許可していますが、`Roles.{key}` を設定した IdentityPoolRoleAttachment がありません。ゲストが一時的な STS 認証情報を受け取るには未認証ロールが必要です。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const key = String(context.knowledge.value('cognito.identity-pool', 'unauthenticatedRoleKey'));
    const covered = new Set<string>();
    for (const attachment of template.ofType('AWS::Cognito::IdentityPoolRoleAttachment')) {
      const pool = template.referenced(get(attachment.properties, 'IdentityPoolId'));
      const roles = get(attachment.properties, 'Roles');
      if (!pool || !isMap(roles)) return; // unknown: it may be the attachment we look for
      if (get(roles, key) !== undefined) covered.add(pool.name);
    }
    for (const pool of template.ofType('AWS::Cognito::IdentityPool')) {
      if (covered.has(pool.name)) continue;
      const allow = candidates(get(pool.properties, 'AllowUnauthenticatedIdentities'), template);
      if (!allow) continue;
      const flags = allow.values.map(asBoolean);
      const on = flags.filter((f) => f === true).length;
      if (on === 0 || flags.some((f) => f === undefined)) continue;
      context.report({
        path: [...pool.path, 'Properties', 'AllowUnauthenticatedIdentities'],
        messageId: 'noRole',
        data: { pool: pool.name, key },
        downgrade: on < flags.length,
      });
    }
  },
};

export default rule;
