import { get, isSeq, type Node } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Rule } from '../types';

/**
 * LAMBDA015: `AWS::Lambda::Function` code settings that Lambda/CloudFormation reject:
 * (a) inline `Code.ZipFile` with a runtime other than Node.js or Python ("(Node.js and Python)
 * The source code of your Lambda function"); (b) `ZipFile` together with `S3Bucket`/`S3Key`/
 * `ImageUri`; (c) `PackageType: Image` without `Code.ImageUri`, or with `Runtime`, `Handler` or
 * `Layers`; (d) `PackageType: Zip` (the default) with `Code.ImageUri`. Source: CloudFormation
 * AWS::Lambda::Function and Code; runtime families from `lambda.languages` values (verified
 * 2026-11-21). The spec cites `cfn.lambda-code`; that note lives in the CloudFormation area.
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA015',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Lambda::Function'],
    title: { en: 'Inconsistent code/package settings', ja: 'コードとパッケージの設定が矛盾' },
    note: 'lambda.languages',
    messages: {
      zipFileRuntime: {
        en: 'Inline `Code.ZipFile` only works with Node.js and Python runtimes, not `{runtime}`. Zip the code to S3 (`S3Bucket`/`S3Key`) or use a container image (`ImageUri`, `PackageType: Image`).',
        ja: 'インラインの `Code.ZipFile` は Node.js と Python のランタイムだけで使えます（現在: `{runtime}`）。コードを zip にして S3（`S3Bucket`/`S3Key`）に置くか、コンテナイメージ（`ImageUri`、`PackageType: Image`）を使ってください。',
      },
      zipFileMixed: {
        en: '`Code.ZipFile` cannot be combined with `{other}`: give inline code, an S3 object or an image, not several.',
        ja: '`Code.ZipFile` と `{other}` は同時に指定できません。インラインコード、S3 オブジェクト、イメージのどれか 1 つにしてください。',
      },
      imageWithoutUri: {
        en: '`PackageType: Image` needs `Code.ImageUri` (an ECR image).',
        ja: '`PackageType: Image` には `Code.ImageUri`（ECR のイメージ）が必要です。',
      },
      imageWith: {
        en: '`{property}` is not allowed with `PackageType: Image`: the image defines the runtime and handler (use `ImageConfig` to override the command).',
        ja: '`PackageType: Image` では `{property}` は指定できません。ランタイムとハンドラーはイメージが決めます（コマンドの上書きは `ImageConfig`）。',
      },
      zipWithImage: {
        en: '`Code.ImageUri` needs `PackageType: Image`; the package type is Zip{unset}.',
        ja: '`Code.ImageUri` には `PackageType: Image` が必要です。パッケージタイプが Zip です{unsetJa}。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const prefixes = context.knowledge.value('lambda.languages', 'zipFileRuntimePrefixes') as string[];
    for (const fn of template.ofType('AWS::Lambda::Function')) {
      const props = fn.properties;
      if (!props) continue;
      const base = [...fn.path, 'Properties'];
      const code = get(props, 'Code');
      const zipFile = get(code, 'ZipFile');
      const imageUri = get(code, 'ImageUri');
      const packageNode = get(props, 'PackageType');
      const packageType = packageNode === undefined ? 'Zip' : single(template, packageNode);
      if (zipFile !== undefined) {
        const runtime = get(props, 'Runtime');
        const c = runtime ? candidates(runtime, template) : undefined;
        const values = c?.values.filter((v): v is string => typeof v === 'string') ?? [];
        const bad = values.filter((v) => !prefixes.some((p) => v.startsWith(p)));
        if (c && values.length === c.values.length && bad.length > 0) {
          context.report({ path: [...base, 'Runtime'], messageId: 'zipFileRuntime', data: { runtime: bad[0] }, downgrade: c.choice && bad.length < values.length });
        }
        for (const other of ['S3Bucket', 'S3Key', 'S3ObjectVersion', 'ImageUri']) {
          if (get(code, other) !== undefined) context.report({ path: [...base, 'Code', other], target: 'key', messageId: 'zipFileMixed', data: { other } });
        }
      }
      if (packageType === 'Image') {
        if (imageUri === undefined && code !== undefined) context.report({ path: [...base, 'PackageType'], messageId: 'imageWithoutUri' });
        for (const property of ['Runtime', 'Handler', 'Layers']) {
          const node = get(props, property);
          if (node === undefined || (property === 'Layers' && isSeq(node) && node.items.length === 0)) continue;
          context.report({ path: [...base, property], target: 'key', messageId: 'imageWith', data: { property } });
        }
      } else if (packageType === 'Zip' && imageUri !== undefined && zipFile === undefined) {
        context.report({
          path: [...base, 'Code', 'ImageUri'], target: 'key', messageId: 'zipWithImage',
          data: { unset: packageNode === undefined ? ' (the default when PackageType is unset)' : '', unsetJa: packageNode === undefined ? '（PackageType 未指定時のデフォルト）' : '' },
        });
      }
    }
  },
};

function single(template: Parameters<typeof candidates>[1], node: Node): string | undefined {
  const c = candidates(node, template);
  return c && c.values.length === 1 && typeof c.values[0] === 'string' ? c.values[0] : undefined;
}

export default rule;
