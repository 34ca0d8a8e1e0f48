import { get, type Node, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import { isFifo } from '../sqs/queue-facts';
import { isSam } from './functions';

/** Where a function's dead-letter queue is configured, and what it points at (LAMBDA004–006). */
export interface DeadLetter {
  /** The `DeadLetterConfig` / `DeadLetterQueue` map's path. */
  path: Path;
  fromGlobals: boolean;
  targetNode: Node | undefined;
  targetPath: Path;
  /** SAM `DeadLetterQueue.Type`, when written. */
  declaredType?: { value: string | undefined; path: Path };
}

export function deadLetterOf(template: TemplateModel, fn: Resource): DeadLetter | undefined {
  if (!isSam(fn)) {
    const config = get(fn.properties, 'DeadLetterConfig');
    if (!config) return undefined;
    const path: Path = [...fn.path, 'Properties', 'DeadLetterConfig'];
    return { path, fromGlobals: false, targetNode: get(config, 'TargetArn'), targetPath: [...path, 'TargetArn'] };
  }
  const effective = template.effective(fn, 'DeadLetterQueue', 'Function');
  if (!effective) return undefined;
  const typeNode = get(effective.node, 'Type');
  return {
    path: effective.path,
    fromGlobals: effective.fromGlobals,
    targetNode: get(effective.node, 'TargetArn'),
    targetPath: [...effective.path, 'TargetArn'],
    declaredType: typeNode ? { value: single(template, typeNode), path: [...effective.path, 'Type'] } : undefined,
  };
}

export type TargetKind = 'sqs' | 'sns' | 'other';

export interface DeadLetterTarget {
  kind: TargetKind;
  resource?: Resource;
  /** The resource type or ARN service, for messages. */
  description: string;
  fifo?: boolean;
  arn?: string;
}

/** What a `TargetArn` value names; undefined when unknown (parameters without default, imports…). */
export function targetOf(template: TemplateModel, node: Node | undefined): DeadLetterTarget | undefined {
  if (!node) return undefined;
  const ref = template.referenced(node);
  if (ref) {
    const resource = template.resources.get(ref.name)!;
    if (resource.type === 'AWS::SQS::Queue') {
      // `!Ref Queue` is the queue URL, not an ARN: CFN008's business, not this rule's.
      if (ref.attribute !== 'Arn') return undefined;
      return { kind: 'sqs', resource, description: resource.type, fifo: isFifo(template, resource) };
    }
    if (resource.type === 'AWS::SNS::Topic') return { kind: 'sns', resource, description: resource.type };
    if (resource.type.startsWith('Custom::') || resource.type === 'AWS::CloudFormation::CustomResource' || resource.type === 'AWS::CloudFormation::Stack') return undefined;
    return { kind: 'other', resource, description: resource.type };
  }
  const arn = single(template, node);
  if (!arn) return undefined;
  const service = /^arn:[^:]*:([^:]+):/.exec(arn)?.[1];
  if (!service) return undefined;
  if (service === 'sqs') return { kind: 'sqs', description: 'SQS queue', fifo: arn.endsWith('.fifo'), arn };
  if (service === 'sns') return { kind: 'sns', description: 'SNS topic', arn };
  return { kind: 'other', description: `${service} ARN`, arn };
}

function single(template: TemplateModel, node: Node): string | undefined {
  const c = candidates(node, template);
  return c && c.values.length === 1 && typeof c.values[0] === 'string' ? c.values[0] : stringOf(node);
}
