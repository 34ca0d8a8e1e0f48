import { get, isMap, type Node, soleKey, stringOf } from '../../parse/tree';
import type { Path } from '../../types';
import type { Rule, RuleContext } from '../types';
import { replaceWithGetAtt } from './intrinsics';

/**
 * CFN008: an event source given as `!Ref` where Lambda needs an ARN. `Ref` of an
 * `AWS::SQS::Queue` returns the queue URL, of an `AWS::Kinesis::Stream` the stream name. Lambda
 * rejects the event source mapping. A DynamoDB table given instead of its stream (`!Ref Table`,
 * `!GetAtt Table.Arn`) is DDB006's finding, with the streams note, so it is not reported twice.
 * Checked on
 * `AWS::Lambda::EventSourceMapping.EventSourceArn` and SAM `Events` of type SQS (`Queue`),
 * Kinesis and DynamoDB (`Stream`). Sources: CloudFormation Template Reference "Return values" of
 * AWS::SQS::Queue / AWS::Kinesis::Stream / AWS::DynamoDB::Table, and AWS::Lambda::EventSourceMapping
 * EventSourceArn (verified 2026-11-21). The Kinesis case is not in the spec's condition; it is the
 * same defect and is reported the same way.
 */
const rule: Rule = {
  meta: {
    id: 'CFN008',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Lambda::EventSourceMapping', 'AWS::Serverless::Function'],
    title: { en: '!Ref where an ARN is required', ja: 'ARN が必要な場所で !Ref を使っている' },
    note: 'cfn.getatt',
    messages: {
      queueRef: {
        en: '`!Ref {Q}` returns the queue URL; event sources need the ARN: `!GetAtt {Q}.Arn`.',
        ja: '`!Ref {Q}` はキューの URL を返します。イベントソースには ARN が必要です: `!GetAtt {Q}.Arn`。',
      },
      streamRef: {
        en: '`!Ref {Q}` returns the stream name; event sources need the ARN: `!GetAtt {Q}.Arn`.',
        ja: '`!Ref {Q}` はストリーム名を返します。イベントソースには ARN が必要です: `!GetAtt {Q}.Arn`。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const mapping of template.ofType('AWS::Lambda::EventSourceMapping')) {
      checkSource(context, get(mapping.properties, 'EventSourceArn'), [...mapping.path, 'Properties', 'EventSourceArn']);
    }
    for (const fn of template.ofType('AWS::Serverless::Function')) {
      const events = get(fn.properties, 'Events');
      if (!isMap(events)) continue;
      for (const pair of events.pairs) {
        const type = stringOf(get(pair.value, 'Type'));
        const key = type === 'SQS' ? 'Queue' : type === 'Kinesis' || type === 'DynamoDB' ? 'Stream' : undefined;
        if (!key) continue;
        const props = get(pair.value, 'Properties');
        checkSource(context, get(props, key), [...fn.path, 'Properties', 'Events', String(pair.key.value), 'Properties', key]);
      }
    }
  },
};

function checkSource(context: RuleContext, node: Node | undefined, path: Path): void {
  if (!isMap(node)) return;
  const fn = soleKey(node);
  const ref = context.template!.referenced(node);
  if (!ref) return;
  const resource = context.template!.resources.get(ref.name)!;
  const fix = (attribute: string) => [{
    title: { en: `Use !GetAtt ${ref.name}.${attribute}`, ja: `!GetAtt ${ref.name}.${attribute} を使う` },
    edits: [replaceWithGetAtt(context.doc, node, ref.name, attribute)],
    preferred: true,
  }];
  if (fn === 'Ref') {
    if (resource.type === 'AWS::SQS::Queue') context.report({ path, messageId: 'queueRef', data: { Q: ref.name }, fixes: fix('Arn') });
    else if (resource.type === 'AWS::Kinesis::Stream') context.report({ path, messageId: 'streamRef', data: { Q: ref.name }, fixes: fix('Arn') });
  }
}

export default rule;
