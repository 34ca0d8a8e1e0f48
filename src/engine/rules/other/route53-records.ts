import { get, isMap, isSeq, type MapNode } from '../../parse/tree';
import type { TemplateModel } from '../../model/template';
import type { Path } from '../../types';

/** One Route 53 record: an `AWS::Route53::RecordSet` or an item of a RecordSetGroup's `RecordSets`. */
export interface Route53Record {
  /** The map holding Name, Type, Failover… */
  node: MapNode;
  path: Path;
  /** Logical id of the resource that declares it. */
  resource: string;
}

export function route53Records(template: TemplateModel): Route53Record[] {
  const out: Route53Record[] = [];
  for (const set of template.ofType('AWS::Route53::RecordSet')) {
    if (set.properties) out.push({ node: set.properties, path: [...set.path, 'Properties'], resource: set.name });
  }
  for (const group of template.ofType('AWS::Route53::RecordSetGroup')) {
    const sets = get(group.properties, 'RecordSets');
    if (!isSeq(sets)) continue;
    sets.items.forEach((item, i) => {
      if (isMap(item)) out.push({ node: item, path: [...group.path, 'Properties', 'RecordSets', i], resource: group.name });
    });
  }
  return out;
}
