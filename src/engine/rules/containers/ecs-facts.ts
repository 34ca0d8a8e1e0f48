import { get, isMap, isSeq, type MapNode, type Node, nodesAt, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';

/** A `PlacementStrategies` list of an ECS service or of an ECS target (EventBridge, Scheduler, Pipes). */
export interface PlacementList {
  resource: Resource;
  node: Node;
  path: Path;
}

const PLACES: Array<{ type: string; pattern: string[] }> = [
  { type: 'AWS::ECS::Service', pattern: ['PlacementStrategies'] },
  { type: 'AWS::Events::Rule', pattern: ['Targets', '[]', 'EcsParameters', 'PlacementStrategies'] },
  { type: 'AWS::Scheduler::Schedule', pattern: ['Target', 'EcsParameters', 'PlacementStrategy'] },
  { type: 'AWS::Pipes::Pipe', pattern: ['TargetParameters', 'EcsTaskParameters', 'PlacementStrategy'] },
];

export function placementLists(model: TemplateModel): PlacementList[] {
  const out: PlacementList[] = [];
  for (const place of PLACES) {
    for (const resource of model.ofType(place.type)) {
      for (const hit of nodesAt(resource.properties, place.pattern, [...resource.path, 'Properties'])) {
        out.push({ resource, node: hit.node, path: hit.path });
      }
    }
  }
  return out;
}

/** All candidate strings of a value, or undefined when any is unknown or not a string. */
export function strings(node: Node | undefined, model: TemplateModel): { values: string[]; choice: boolean } | undefined {
  const c = candidates(node, model);
  if (!c || !c.values.every((v) => typeof v === 'string')) return undefined;
  return { values: c.values as string[], choice: c.choice };
}

/** The capacity providers named in a capacity provider strategy list, or undefined if unknown. */
export function strategyProviders(node: Node | undefined, model: TemplateModel): string[] | undefined {
  if (!isSeq(node) || node.items.length === 0) return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    const provider = strings(get(item, 'CapacityProvider'), model);
    if (!provider || provider.values.length !== 1) return undefined;
    out.push(provider.values[0]);
  }
  return out;
}

/** The ECS cluster resource a service's `Cluster` refers to (`!Ref C`, `!GetAtt C.Arn`). */
export function clusterOf(model: TemplateModel, service: Resource): Resource | undefined {
  const ref = model.referenced(get(service.properties, 'Cluster'));
  const cluster = ref ? model.resources.get(ref.name) : undefined;
  return cluster?.type === 'AWS::ECS::Cluster' ? cluster : undefined;
}

/** The default capacity provider strategy of a cluster: on the cluster or on its association resource. */
export function clusterDefaultStrategy(model: TemplateModel, cluster: Resource): Node | undefined {
  const own = get(cluster.properties, 'DefaultCapacityProviderStrategy');
  if (own) return own;
  for (const association of model.ofType('AWS::ECS::ClusterCapacityProviderAssociations')) {
    const ref = model.referenced(get(association.properties, 'Cluster'));
    const name = stringOf(get(association.properties, 'Cluster'));
    const clusterName = stringOf(get(cluster.properties, 'ClusterName'));
    if (ref?.name === cluster.name || (name !== undefined && name === clusterName)) {
      return get(association.properties, 'DefaultCapacityProviderStrategy');
    }
  }
  return undefined;
}

/** The whole text of every string scalar under a node (UserData: Fn::Base64 of Fn::Sub/Join…). */
export function textOf(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.type === 'scalar') return typeof node.value === 'string' ? node.value : '';
  if (isSeq(node)) return node.items.map(textOf).join('\n');
  if (isMap(node)) return (node as MapNode).pairs.map((p) => textOf(p.value)).join('\n');
  return '';
}
