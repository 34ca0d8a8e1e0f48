import type { ParsedDocument } from '../parse';
import { get, isMap, isScalar, isSeq, type MapNode, type Node, type Pair, soleKey, stringOf } from '../parse/tree';
import type { Path } from '../types';
import { type ValueScope } from './values';

export interface Resource {
  name: string;
  type: string;
  /** The resource's own map (with Type, Properties, Metadata…). */
  node: MapNode;
  pair: Pair;
  properties: MapNode | undefined;
  path: Path;
}

/** A reference from one value to a resource: `!Ref X`, `!GetAtt X.Arn`, `${X.Arn}` in a `!Sub`. */
export interface ResourceRef {
  name: string;
  attribute?: string;
}

/**
 * The template as the rules see it: resources by name, parameters and mappings for value
 * evaluation, and SAM Globals with the merge rule for primitives (the resource's own value wins).
 */
export class TemplateModel implements ValueScope {
  readonly resources = new Map<string, Resource>();
  /** Resources by type, so the many rules asking for one type do not each scan every resource. */
  private readonly byType = new Map<string, Resource[]>();
  private readonly parameters: Node | undefined;
  private readonly mappings: Node | undefined;
  readonly globals: Node | undefined;

  constructor(readonly doc: ParsedDocument) {
    const root = doc.tree;
    this.parameters = get(root, 'Parameters');
    this.mappings = get(root, 'Mappings');
    this.globals = get(root, 'Globals');
    const resources = get(root, 'Resources');
    if (isMap(resources)) {
      for (const pair of resources.pairs) {
        const name = String(pair.key.value);
        const node = pair.value;
        if (!isMap(node)) continue;
        const type = stringOf(get(node, 'Type'));
        if (!type) continue;
        const properties = get(node, 'Properties');
        const resource: Resource = {
          name, type, node, pair,
          properties: isMap(properties) ? properties : undefined,
          path: ['Resources', name],
        };
        this.resources.set(name, resource);
        const sameType = this.byType.get(type);
        if (sameType) sameType.push(resource);
        else this.byType.set(type, [resource]);
      }
    }
  }

  parameter(name: string): Node | undefined {
    return get(this.parameters, name);
  }

  mapping(name: string): Node | undefined {
    return get(this.mappings, name);
  }

  /** The resource types the template holds. */
  types(): IterableIterator<string> {
    return this.byType.keys();
  }

  /** Resources of these types, in template order. */
  ofType(...types: string[]): Resource[] {
    if (types.length === 1) return [...(this.byType.get(types[0]) ?? [])];
    const wanted = new Set(types);
    const out: Resource[] = [];
    for (const resource of this.resources.values()) if (wanted.has(resource.type)) out.push(resource);
    return out;
  }

  /**
   * A property of a resource, falling back to SAM `Globals.<section>` for SAM resources
   * (spec §2.1: primitives are overridden by the resource's value).
   */
  effective(resource: Resource, key: string, globalsSection?: string): { node: Node; path: Path; fromGlobals: boolean } | undefined {
    const own = resource.properties?.pairs.find((p) => p.key.value === key);
    if (own?.value) return { node: own.value, path: [...resource.path, 'Properties', key], fromGlobals: false };
    if (!globalsSection) return undefined;
    const fromGlobals = get(get(this.globals, globalsSection), key);
    if (fromGlobals) return { node: fromGlobals, path: ['Globals', globalsSection, key], fromGlobals: true };
    return undefined;
  }

  /** The resource a value refers to, through Ref, GetAtt or a `${X.Attr}` in a Sub. */
  referenced(node: Node | null | undefined): ResourceRef | undefined {
    if (!isMap(node)) return undefined;
    const fn = soleKey(node);
    const arg = node.pairs[0]?.value;
    if (fn === 'Ref') {
      const name = stringOf(arg);
      return name && this.resources.has(name) ? { name } : undefined;
    }
    if (fn === 'Fn::GetAtt') {
      let name: string | undefined;
      let attribute: string | undefined;
      if (isSeq(arg) && arg.items.length >= 2) {
        name = stringOf(arg.items[0]);
        attribute = stringOf(arg.items[1]);
      } else if (isScalar(arg) && typeof arg.value === 'string') {
        const dot = arg.value.indexOf('.');
        if (dot > 0) { name = arg.value.slice(0, dot); attribute = arg.value.slice(dot + 1); }
      }
      return name && this.resources.has(name) ? { name, attribute } : undefined;
    }
    if (fn === 'Fn::Sub') {
      const text = isSeq(arg) ? stringOf(arg.items[0]) : stringOf(arg);
      if (!text) return undefined;
      const match = /\$\{([A-Za-z0-9]+)(?:\.([A-Za-z0-9.]+))?\}/.exec(text);
      return match && this.resources.has(match[1]) ? { name: match[1], attribute: match[2] } : undefined;
    }
    return undefined;
  }

  /** A literal name or ARN that equals a resource's literal `nameProperty` (e.g. QueueName). */
  byLiteralName(node: Node | null | undefined, type: string, nameProperty: string): Resource | undefined {
    const text = stringOf(node);
    if (!text) return undefined;
    const last = text.split(':').pop();
    for (const resource of this.ofType(type)) {
      const name = stringOf(get(resource.properties, nameProperty));
      if (name && (name === text || name === last)) return resource;
    }
    return undefined;
  }
}
