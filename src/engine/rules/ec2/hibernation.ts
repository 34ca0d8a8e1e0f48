import type { Knowledge } from '../../knowledge';
import { get, isMap, isSeq, type MapNode, type Node, stringOf } from '../../parse/tree';
import type { TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import { booleanOf, launchSpecs, type LaunchSpec } from './instance-facts';

/** An instance or launch template with `HibernationOptions.Configured: true` (or an Fn::If with it). */
export interface HibernatingSpec {
  spec: LaunchSpec;
  /** Path of `HibernationOptions.Configured`. */
  configuredPath: Path;
  /** True when only one branch of a choice enables hibernation (findings are downgraded). */
  partial: boolean;
}

export function hibernatingSpecs(template: TemplateModel): HibernatingSpec[] {
  const out: HibernatingSpec[] = [];
  for (const spec of launchSpecs(template)) {
    if (spec.kind === 'launchConfiguration') continue;
    const configured = booleanOf(template, get(get(spec.data, 'HibernationOptions'), 'Configured'));
    if (configured !== true && configured !== 'mixed') continue;
    out.push({ spec, configuredPath: [...spec.path, 'HibernationOptions', 'Configured'], partial: configured === 'mixed' });
  }
  return out;
}

/** The BlockDeviceMappings entry of the root device (by the usual root device names), if any. */
export function rootMapping(knowledge: Knowledge, data: MapNode): { index: number; node: MapNode } | undefined {
  const names = knowledge.value('ec2.hibernation.overview', 'rootDeviceNames') as string[];
  const mappings = get(data, 'BlockDeviceMappings');
  if (!isSeq(mappings)) return undefined;
  for (let index = 0; index < mappings.items.length; index++) {
    const item: Node = mappings.items[index];
    const name = stringOf(get(item, 'DeviceName'));
    if (name && names.includes(name) && isMap(item)) return { index, node: item };
  }
  return undefined;
}
