import { get, isMap } from '../../parse/tree';
import { roleAllows } from '../../workspace';
import type { Rule } from '../types';

const SECTIONS = ['parameter-store', 'secrets-manager'] as const;

/**
 * BUILDSPEC009: the project's service role cannot read the parameters or secrets the buildspec
 * asks for. "To allow CodeBuild to retrieve custom environment variables stored in Amazon EC2
 * Systems Manager Parameter Store, you must add the ssm:GetParameters action to your CodeBuild
 * service role"; `secrets-manager` likewise needs `secretsmanager:GetSecretValue` (CodeBuild User
 * Guide, "Build specification reference", env/parameter-store and env/secrets-manager). The
 * project comes from the workspace link (spec §2.1) or is the one around an inline buildspec;
 * its role must be defined in the same template, with every policy visible there (inline
 * policies, AWS::IAM::Policy/ManagedPolicy naming the role): an AWS managed policy ARN, a
 * `NotAction` or a non-literal action make the role's permissions unknown, and then nothing is
 * said. `kms:Decrypt` for customer managed keys is not checked. Actions: note
 * `codebuild.ecr-push-role` (values.secretActions; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC009',
    severity: 'warning',
    kinds: ['buildspec'],
    title: { en: 'Service role cannot read the referenced secrets', ja: 'サービスロールが参照先のシークレットを読めない' },
    note: 'codebuild.ecr-push-role',
    messages: {
      missingAction: {
        en: 'CodeBuild reads `env.{section}` with the project\'s service role; `{role}` (role of `{project}` in {file}) does not allow `{action}`, so the build fails before it starts.',
        ja: 'CodeBuild は `env.{section}` をプロジェクトのサービスロールで読み込みます。`{role}`（{file} の `{project}` のロール）は `{action}` を許可していないため、ビルドは開始前に失敗します。',
      },
    },
  },
  check(context) {
    const project = context.links?.project();
    const role = project?.role;
    if (!project || !role) return;
    const env = get(context.root, 'env');
    for (const section of SECTIONS) {
      const map = get(env, section);
      if (!isMap(map) || map.pairs.length === 0) continue;
      const action = String(context.knowledge.value('codebuild.ecr-push-role', 'secretActions', section));
      if (roleAllows(role, action) !== false) continue;
      context.report({
        path: ['env', section],
        target: 'key',
        messageId: 'missingAction',
        data: { section, role: role.logicalId, project: project.logicalId, file: baseName(project.file), action },
      });
    }
  },
};

export function baseName(file: string): string {
  return file.replace(/\\/g, '/').split('/').pop() ?? file;
}

export default rule;
