import type { DetectedKind } from './types';
import { get, isMap, isScalar, isSeq, type Node, stringOf } from './parse/tree';

export interface Detection {
  kind: DetectedKind;
  /** Why the engine decided so, in words a user can check (shown in hovers and `explain`). */
  reason: string;
}

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const TEMPLATE_SECTIONS = ['Parameters', 'Outputs', 'Mappings', 'Conditions', 'Metadata'];

/**
 * Decides what a file is (spec §2.1, first match wins): appspec, buildspec, SAM, CloudFormation.
 * Names decide first for appspec and buildspec; content decides for unusual names. A file that
 * matches nothing is `none` and gets no diagnostics at all.
 */
export function detectKind(fileName: string, tree: Node | undefined): Detection {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  if (/^appspec\.(ya?ml|json)$/i.test(base)) return { kind: 'appspec', reason: `the file is named ${base}` };
  if (/^buildspec[^/]*\.ya?ml$/i.test(base)) return { kind: 'buildspec', reason: `the file name starts with "buildspec"` };
  if (!isMap(tree)) return { kind: 'none', reason: 'the file is not a map of keys' };

  const appspec = appspecReason(tree);
  if (appspec) return { kind: 'appspec', reason: appspec };
  if (get(tree, 'version') !== undefined && isMap(get(tree, 'phases'))) {
    return { kind: 'buildspec', reason: 'it has `version` and a `phases` map' };
  }
  if (hasSamTransform(get(tree, 'Transform'))) {
    return { kind: 'sam', reason: `its Transform is ${SAM_TRANSFORM}` };
  }
  const resources = get(tree, 'Resources');
  const types = resourceTypes(resources);
  if (types.some((t) => t.startsWith('AWS::Serverless::'))) {
    return { kind: 'sam', reason: 'it declares AWS::Serverless::* resources' };
  }
  if (get(tree, 'AWSTemplateFormatVersion') !== undefined) {
    return { kind: 'cloudformation', reason: 'it has AWSTemplateFormatVersion' };
  }
  if (types.length > 0 && types.some(isResourceTypeName)) {
    return { kind: 'cloudformation', reason: 'its Resources have CloudFormation types' };
  }
  if (isMap(resources) && TEMPLATE_SECTIONS.some((section) => isMap(get(tree, section)))) {
    return { kind: 'cloudformation', reason: 'it has a Resources map beside other template sections' };
  }
  return { kind: 'none', reason: 'it has none of the marks of a template, buildspec or appspec' };
}

function appspecReason(tree: Node): string | undefined {
  const version = get(tree, 'version');
  if (version === undefined) return undefined;
  if (get(tree, 'os') !== undefined) return 'it has `version` and `os`';
  if (get(tree, 'files') !== undefined && get(tree, 'phases') === undefined) return 'it has `version` and `files`';
  const hooks = get(tree, 'hooks') ?? get(tree, 'Hooks');
  if (hooks !== undefined && get(tree, 'phases') === undefined) return 'it has `version` and lifecycle `hooks`';
  const resources = get(tree, 'Resources');
  if (isSeq(resources) && resources.items.some((item) => isMap(item) && item.pairs.some((p) => isMap(p.value) && get(p.value, 'Type') !== undefined))) {
    return 'it has `version` and a `Resources` list of deployment targets';
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
