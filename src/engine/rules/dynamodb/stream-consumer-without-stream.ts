import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../../parse/tree';
import { insertNested } from '../../edits';
import type { ParsedDocument } from '../../parse';
import type { Resource, TemplateModel } from '../../model/template';
import type { Fix, Path } from '../../types';
import type { Rule } from '../types';
import { presence } from '../shared/data-conditional';
import { SIMPLE_TABLE, TABLE } from './table-facts';

const TABLE_TYPES = [TABLE, 'AWS::DynamoDB::GlobalTable', SIMPLE_TABLE];

/**
 * DDB006: a Lambda event source reads a DynamoDB table that has no stream, or points at the
 * table instead of its stream. Lambda reads DynamoDB changes from the table's stream: the table
 * needs `StreamSpecification` and the event source must be the stream ARN (`!GetAtt T.StreamArn`);
 * the table ARN (`!GetAtt T.Arn`, `!Ref T` = the table name) is rejected by CreateEventSourceMapping,
 * and `StreamArn` does not exist without a stream (SAM SimpleTable has none). Covers
 * `AWS::Lambda::EventSourceMapping.EventSourceArn` and SAM `Events.*.Type: DynamoDB`
 * (`Properties.Stream`). Sources: Lambda Developer Guide "Using AWS Lambda with Amazon DynamoDB",
 * DynamoDB Developer Guide "Change data capture for DynamoDB Streams" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'DDB006',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Lambda::EventSourceMapping', 'AWS::Serverless::Function'],
    title: { en: 'Stream consumer without a stream', ja: 'ストリームのないテーブルをイベントソースにしている' },
    note: 'ddb.streams',
    messages: {
      noStream: {
        en: '`{consumer}` reads the stream of `{table}`, but `{table}` has no StreamSpecification. Lambda reads DynamoDB changes from the table\'s stream: enable `StreamSpecification` (e.g., NEW_AND_OLD_IMAGES) and use `!GetAtt {table}.StreamArn`.',
        ja: '`{consumer}` は `{table}` のストリームを読みますが、`{table}` に StreamSpecification がありません。Lambda はテーブルのストリームから変更を読みます。`StreamSpecification`（例: NEW_AND_OLD_IMAGES）を有効にし、`!GetAtt {table}.StreamArn` を指定してください。',
      },
      tableArn: {
        en: '`{consumer}` points at the table `{table}` ({form}), not at its stream. Lambda reads DynamoDB changes from the table\'s stream: enable `StreamSpecification` (e.g., NEW_AND_OLD_IMAGES) and use `!GetAtt {table}.StreamArn`.',
        ja: '`{consumer}` はテーブル `{table}` 自体（{form}）を指していて、ストリームではありません。Lambda はテーブルのストリームから変更を読みます。`StreamSpecification`（例: NEW_AND_OLD_IMAGES）を有効にし、`!GetAtt {table}.StreamArn` を指定してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const attribute = String(context.knowledge.value('ddb.streams', 'streamArnAttribute'));
    const viewType = String(context.knowledge.value('ddb.streams', 'suggestedViewType'));
    for (const source of streamSources(template)) {
      const ref = template.referenced(source.node);
      const table = ref ? template.resources.get(ref.name) : undefined;
      if (!ref || !table || !TABLE_TYPES.includes(table.type)) continue;
      const stream = table.type === SIMPLE_TABLE ? 'absent' : presence(get(table.properties, 'StreamSpecification'));
      if (stream === 'conditional') continue;
      const addStream = stream === 'absent' && table.type !== SIMPLE_TABLE ? enableStreamFix(context.doc, table, viewType) : undefined;
      if (ref.attribute === attribute) {
        if (stream === 'absent') context.report({ path: source.path, messageId: 'noStream', data: { consumer: source.consumer, table: table.name }, fixes: addStream ? [addStream] : [] });
        continue;
      }
      const form = ref.attribute ? `${ref.attribute}` : 'Ref = the table name';
      const fixes: Fix[] = [];
      const retarget = stream === 'present' ? streamArnFix(context.doc, source.node, table.name, attribute) : undefined;
      if (retarget) fixes.push(retarget);
      if (addStream) fixes.push(addStream);
      context.report({ path: source.path, messageId: 'tableArn', data: { consumer: source.consumer, table: table.name, form }, fixes });
    }
  },
};

interface StreamSource {
  node: Node;
  path: Path;
  consumer: string;
}

/** The event-source values that can point at a DynamoDB stream. */
function streamSources(template: TemplateModel): StreamSource[] {
  const out: StreamSource[] = [];
  for (const mapping of template.ofType('AWS::Lambda::EventSourceMapping')) {
    const node = get(mapping.properties, 'EventSourceArn');
    if (node) out.push({ node, path: [...mapping.path, 'Properties', 'EventSourceArn'], consumer: mapping.name });
  }
  for (const fn of template.ofType('AWS::Serverless::Function')) {
    const events = get(fn.properties, 'Events');
    if (!isMap(events)) continue;
    for (const pair of events.pairs) {
      if (stringOf(get(pair.value, 'Type')) !== 'DynamoDB') continue;
      const node = get(get(pair.value, 'Properties'), 'Stream');
      const id = String(pair.key.value);
      if (node) out.push({ node, path: [...fn.path, 'Properties', 'Events', id, 'Properties', 'Stream'], consumer: `${fn.name}.Events.${id}` });
    }
  }
  return out;
}

/** `!GetAtt T.Arn` / `[T, Arn]` / `!Ref T` → the stream ARN, in the file's own syntax. */
function streamArnFix(doc: ParsedDocument, node: Node, table: string, attribute: string): Fix | undefined {
  if (!isMap(node)) return undefined;
  const fn = soleKey(node);
  const arg = node.pairs[0]?.value;
  const title = { en: `Use ${table}.${attribute}`, ja: `${table}.${attribute} を使う` };
  if (fn === 'Fn::GetAtt') {
    const scalar = isSeq(arg) ? arg.items[1] : arg;
    if (!isScalar(scalar)) return undefined;
    const text = doc.text.slice(scalar.start, scalar.end);
    const at = text.lastIndexOf('Arn');
    if (at < 0) return undefined;
    return { title, preferred: true, edits: [{ start: scalar.start + at, end: scalar.start + at + 3, newText: attribute }] };
  }
  if (fn === 'Ref') {
    const newText = doc.format === 'json' ? `{ "Fn::GetAtt": ["${table}", "${attribute}"] }` : `!GetAtt ${table}.${attribute}`;
    return { title, preferred: true, edits: [{ start: node.start, end: node.end, newText }] };
  }
  return undefined;
}

function enableStreamFix(doc: ParsedDocument, table: Resource, viewType: string): Fix | undefined {
  if (!table.properties) return undefined;
  const value = doc.format === 'json' ? JSON.stringify(viewType) : viewType;
  return {
    title: { en: `Enable StreamSpecification (${viewType}) on ${table.name}`, ja: `${table.name} に StreamSpecification（${viewType}）を追加` },
    edits: [insertNested(doc, table.properties, ['StreamSpecification', 'StreamViewType'], value)],
  };
}

export default rule;
