import { get } from '../../parse/tree';
import type { Rule } from '../types';

/**
 * SECRETS001: an `AWS::SecretsManager::Secret` that no `AWS::SecretsManager::RotationSchedule` in
 * the template rotates. Rotation is the main reason to pick Secrets Manager over Parameter Store
 * (the study note: "ローテーションが必要ならパラメータストアより、シークレット"). A rotation schedule
 * whose SecretId can't be resolved might rotate any secret: then nothing is reported. Advisory
 * (cost/design), off by default: many stacks rotate secrets elsewhere or hold non-rotatable keys.
 * Source: Secrets Manager User Guide "Rotate AWS Secrets Manager secrets" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SECRETS001',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::SecretsManager::RotationSchedule', 'AWS::SecretsManager::Secret'],
    title: { en: 'Secret without rotation', ja: 'ローテーションのないシークレット' },
    note: 'secretsmanager.secrets',
    enabledByDefault: false,
    messages: {
      noRotation: {
        en: 'Secret `{secret}` has no RotationSchedule. Rotation is the main reason to choose Secrets Manager over Parameter Store; configure a RotationSchedule, or consider Parameter Store if no rotation is needed.',
        ja: 'シークレット `{secret}` に RotationSchedule がありません。ローテーションが Secrets Manager を選ぶ主な理由です。RotationSchedule を設定するか、ローテーション不要ならパラメータストアを検討してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const rotated = new Set<string>();
    for (const schedule of template.ofType('AWS::SecretsManager::RotationSchedule')) {
      const target = template.referenced(get(schedule.properties, 'SecretId'));
      if (!target) return;
      rotated.add(target.name);
    }
    for (const secret of template.ofType('AWS::SecretsManager::Secret')) {
      if (rotated.has(secret.name)) continue;
      context.report({ path: secret.path, target: 'key', messageId: 'noRotation', data: { secret: secret.name } });
    }
  },
};

export default rule;
