import { get, isMap, isScalar, type MapNode, type Node } from '../../parse/tree';
import type { Knowledge } from '../../knowledge';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import { isIntrinsic, literalItems, literalString, valuesOrDefault } from '../shared/data-conditional';

export const TABLE = 'AWS::DynamoDB::Table';
export const SIMPLE_TABLE = 'AWS::Serverless::SimpleTable';

/**
 * A table's billing mode as far as the template tells: every candidate value (an unset
 * `BillingMode` or an `AWS::NoValue` branch is the CloudFormation default, PROVISIONED), whether
 * it depends on a deploy-time choice, and whether it was written. Undefined when unknown.
 */
export function billingModes(template: TemplateModel, table: Resource, knowledge: Knowledge): { values: string[]; choice: boolean; explicit: boolean } | undefined {
  const fallback = String(knowledge.value('ddb.provisioned', 'defaultBillingMode'));
  const node = get(table.properties, 'BillingMode');
  const c = valuesOrDefault(node, template, fallback);
  if (!c || c.values.some((v) => typeof v !== 'string')) return undefined;
  return { values: c.values as string[], choice: c.choice, explicit: node !== undefined };
}

export interface IndexEntry {
  node: MapNode;
  path: Path;
  name: string;
}

/** The literal entries of `GlobalSecondaryIndexes` / `LocalSecondaryIndexes` (undefined when computed). */
export function indexes(table: Resource, property: 'GlobalSecondaryIndexes' | 'LocalSecondaryIndexes'): IndexEntry[] | undefined {
  const node = get(table.properties, property);
  if (node === undefined) return [];
  const items = literalItems(node);
  if (!items) return undefined;
  const out: IndexEntry[] = [];
  items.forEach((item, i) => {
    if (isMap(item) && !isIntrinsic(item)) out.push({ node: item, path: [...table.path, 'Properties', property, i], name: literalString(item, 'IndexName') ?? `#${i + 1}` });
  });
  return out;
}

export interface KeyElement {
  attribute: string;
  type: string;
  path: Path;
}

/** The literal elements of a `KeySchema` (undefined when any element is computed). */
export function keySchema(owner: Node | undefined, ownerPath: Path): KeyElement[] | undefined {
  const items = literalItems(get(owner, 'KeySchema'));
  if (!items) return undefined;
  const out: KeyElement[] = [];
  for (let i = 0; i < items.length; i++) {
    const attribute = literalString(items[i], 'AttributeName');
    const type = literalString(items[i], 'KeyType');
    if (attribute === undefined || type === undefined) return undefined;
    out.push({ attribute, type, path: [...ownerPath, 'KeySchema', i] });
  }
  return out;
}

/** Is a scalar node written literally (so a fix can replace it)? */
export function isLiteral(node: Node | undefined): boolean {
  return isScalar(node);
}
