import type { DetectedKind } from './types';
import { get, isMap, isScalar, isSeq, type Node, stringOf } from './parse/tree';

export interface Detection {
  kind: DetectedKind;
  /** Why the engine decided so, in words a user can check (shown in hovers and `explain`). */
  reason: string;
  /** The same in Japanese (falls back to `reason` when absent). */
  reasonJa?: string;
}

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const TEMPLATE_SECTIONS = ['Parameters', 'Outputs', 'Mappings', 'Conditions', 'Metadata'];
const BUILD_PHASES = ['install', 'pre_build', 'build', 'post_build'];
const SERVER_EVENTS = ['ApplicationStop', 'BeforeInstall', 'AfterInstall', 'ApplicationStart', 'ValidateService', 'BeforeBlockTraffic', 'AfterBlockTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'];

function found(kind: DetectedKind, reason: string, reasonJa: string): Detection {
  return { kind, reason, reasonJa };
}

/**
 * Decides what a file is (spec §2.1, first match wins): appspec, buildspec, SAM, CloudFormation.
 * The default names decide first (`appspec.yml|yaml|json`, `buildspec*.yml|yaml`); then the
 * content decides, which catches the unusual names real repositories use (`testspec.yml`,
 * `tf_plan.yml`, `appspec_override_….yaml`, `ecs-default-appspec-template.json`). Last, a name
 * that has "buildspec" or "appspec" as a word recognises a file whose content is too broken to
 * tell (no `version`, say), unless it looks like a template. A file that matches nothing is
 * `none` and gets no diagnostics at all.
 */
export function detectKind(fileName: string, tree: Node | undefined): Detection {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  if (/^appspec\.(ya?ml|json)$/i.test(base)) return found('appspec', `the file is named ${base}`, `ファイル名が ${base} であるため`);
  if (/^buildspec[^/]*\.ya?ml$/i.test(base)) return found('buildspec', 'the file name starts with "buildspec"', 'ファイル名が「buildspec」で始まるため');
  if (!isMap(tree)) {
    return byWordInName(base, undefined) ?? found('none', 'the file is not a map of keys', 'ファイルがキーのマップではないため');
  }

  const appspec = appspecReason(tree);
  if (appspec) return found('appspec', appspec.en, appspec.ja);
  if (get(tree, 'version') !== undefined && isMap(get(tree, 'phases'))) {
    return found('buildspec', 'it has `version` and a `phases` map', '`version` と `phases` のマップがあるため');
  }
  if (hasSamTransform(get(tree, 'Transform'))) {
    return found('sam', `its Transform is ${SAM_TRANSFORM}`, `Transform が ${SAM_TRANSFORM} であるため`);
  }
  const resources = get(tree, 'Resources');
  const types = resourceTypes(resources);
  if (types.some((t) => t.startsWith('AWS::Serverless::'))) {
    return found('sam', 'it declares AWS::Serverless::* resources', 'AWS::Serverless::* のリソースを宣言しているため');
  }
  if (get(tree, 'AWSTemplateFormatVersion') !== undefined) {
    return found('cloudformation', 'it has AWSTemplateFormatVersion', 'AWSTemplateFormatVersion があるため');
  }
  if (types.length > 0 && types.some(isResourceTypeName)) {
    return found('cloudformation', 'its Resources have CloudFormation types', 'Resources に CloudFormation のリソースタイプがあるため');
  }
  if (isMap(resources) && TEMPLATE_SECTIONS.some((section) => isMap(get(tree, section)))) {
    return found('cloudformation', 'it has a Resources map beside other template sections', '他のテンプレートセクションと並んで Resources のマップがあるため');
  }
  // Without `version`: a `phases` map of CodeBuild phase names, or AppSpec-only shapes.
  const phases = get(tree, 'phases');
  if (isMap(phases) && phases.pairs.some((p) => BUILD_PHASES.includes(String(p.key.value)))) {
    return found('buildspec', 'it has a `phases` map with CodeBuild phase names', 'CodeBuild のフェーズ名を持つ `phases` のマップがあるため');
  }
  const loose = appspecWithoutVersion(tree);
  if (loose) return found('appspec', loose.en, loose.ja);
  return byWordInName(base, tree) ?? found('none', 'it has none of the marks of a template, buildspec or appspec', 'テンプレート・buildspec・appspec のどの特徴もないため');
}

/** `deploy.buildspec.yml`, `buildspec-prod.yaml`, `appspec_template.yaml`, `my-appspec.json`… */
function byWordInName(base: string, tree: Node | undefined): Detection | undefined {
  if (tree !== undefined && get(tree, 'Resources') !== undefined && isMap(get(tree, 'Resources'))) return undefined;
  if (/(^|[._-])buildspec([._-][^/]*)?\.ya?ml$/i.test(base)) {
    return found('buildspec', `the file name has the word "buildspec"`, 'ファイル名に「buildspec」という語があるため');
  }
  if (/(^|[._-])appspec([._-][^/]*)?\.(ya?ml|json)$/i.test(base)) {
    return found('appspec', `the file name has the word "appspec"`, 'ファイル名に「appspec」という語があるため');
  }
  return undefined;
}

function appspecReason(tree: Node): { en: string; ja: string } | undefined {
  const version = get(tree, 'version');
  if (version === undefined) return undefined;
  if (get(tree, 'os') !== undefined) return { en: 'it has `version` and `os`', ja: '`version` と `os` があるため' };
  if (get(tree, 'files') !== undefined && get(tree, 'phases') === undefined) return { en: 'it has `version` and `files`', ja: '`version` と `files` があるため' };
  const hooks = get(tree, 'hooks') ?? get(tree, 'Hooks');
  if (hooks !== undefined && get(tree, 'phases') === undefined) return { en: 'it has `version` and lifecycle `hooks`', ja: '`version` とライフサイクルの `hooks` があるため' };
  const resources = get(tree, 'Resources') ?? get(tree, 'resources');
  if (isSeq(resources) && resources.items.some((item) => isMap(item) && item.pairs.some((p) => isMap(p.value) && get(p.value, 'Type') !== undefined))) {
    return { en: 'it has `version` and a `Resources` list of deployment targets', ja: '`version` とデプロイ対象の `Resources` のリストがあるため' };
  }
  return undefined;
}

/** An AppSpec that lost its `version`: a Lambda/ECS `Resources` list, or an EC2 `hooks` map of lifecycle events. */
function appspecWithoutVersion(tree: Node): { en: string; ja: string } | undefined {
  const resources = get(tree, 'Resources') ?? get(tree, 'resources');
  if (isSeq(resources) && resources.items.some((item) => isMap(item) && item.pairs.some((p) => {
    const type = stringOf(get(p.value, 'Type'));
    return type === 'AWS::Lambda::Function' || type === 'AWS::ECS::Service';
  }))) {
    return { en: 'it has a `Resources` list of Lambda functions or ECS services to deploy', ja: 'デプロイする Lambda 関数か ECS サービスの `Resources` のリストがあるため' };
  }
  const hooks = get(tree, 'hooks');
  if (isMap(hooks) && hooks.pairs.length > 0 && hooks.pairs.every((p) => SERVER_EVENTS.includes(String(p.key.value)))) {
    return { en: 'its `hooks` are CodeDeploy lifecycle events', ja: '`hooks` が CodeDeploy のライフサイクルイベントであるため' };
  }
  return undefined;
}

function hasSamTransform(transform: Node | undefined): boolean {
  if (isScalar(transform)) return transform.value === SAM_TRANSFORM;
  if (isSeq(transform)) return transform.items.some((item) => isScalar(item) && item.value === SAM_TRANSFORM);
  return false;
}

function resourceTypes(resources: Node | undefined): string[] {
  if (!isMap(resources)) return [];
  const types: string[] = [];
  for (const pair of resources.pairs) {
    const type = stringOf(get(pair.value, 'Type'));
    if (type) types.push(type);
  }
  return types;
}

/** `AWS::Service::Resource`, `Alexa::ASK::Skill`, third-party `Org::Service::Type` and `Custom::Name`. */
function isResourceTypeName(type: string): boolean {
  return /^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+(::MODULE)?$/.test(type) || /^Custom::[A-Za-z0-9_@-]+$/.test(type);
}
