import { get, isSeq, type Node } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import type { Path } from '../../types';
import type { Rule } from '../types';

/**
 * CODEBUILD003: S3 build artifacts with encryption turned off. CodeBuild encrypts build output
 * artifacts with the project's KMS key (`EncryptionKey`, else the AWS managed key for Amazon S3)
 * unless `EncryptionDisabled` is true (CodeBuild User Guide, "Data encryption"; CloudFormation
 * `Artifacts.EncryptionDisabled`: "valid only if your artifacts type is Amazon S3"). Checked on
 * `Artifacts` and each `SecondaryArtifacts[]` entry of type S3. Note
 * `codebuild.artifact-encryption` (003:L210; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CODEBUILD003',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::CodeBuild::Project'],
    title: { en: 'Artifact encryption disabled', ja: 'アーティファクトの暗号化が無効' },
    note: 'codebuild.artifact-encryption',
    messages: {
      disabled: {
        en: 'Build output artifacts of `{project}` are stored unencrypted. CodeBuild encrypts them with the project\'s KMS key (`EncryptionKey`, or the AWS managed S3 key) unless you disable it: remove `EncryptionDisabled: true`.',
        ja: '`{project}` のビルド出力アーティファクトが暗号化されずに保存されます。CodeBuild は無効にしない限りプロジェクトの KMS キー（`EncryptionKey`、未指定なら S3 用の AWS マネージドキー）で暗号化します。`EncryptionDisabled: true` を外してください。',
      },
    },
  },
  check(context) {
    const model = context.template;
    if (!model) return;
    for (const project of model.ofType('AWS::CodeBuild::Project')) {
      const base: Path = [...project.path, 'Properties'];
      const check = (artifact: Node | undefined, path: Path) => {
        if (!artifact || get(artifact, 'Type') === undefined) return;
        const type = candidates(get(artifact, 'Type'), model);
        if (!type || type.values.length !== 1 || type.values[0] !== 'S3') return;
        const c = candidates(get(artifact, 'EncryptionDisabled'), model);
        if (!c) return;
        const values = c.values.map(asBoolean);
        if (!values.includes(true)) return;
        context.report({ path: [...path, 'EncryptionDisabled'], messageId: 'disabled', data: { project: project.name }, downgrade: c.choice && values.includes(false) });
      };
      check(get(project.properties, 'Artifacts'), [...base, 'Artifacts']);
      const secondary = get(project.properties, 'SecondaryArtifacts');
      if (isSeq(secondary)) secondary.items.forEach((item, i) => check(item, [...base, 'SecondaryArtifacts', i]));
    }
  },
};

export default rule;
