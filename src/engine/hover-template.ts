import type { Knowledge, NoteEntry } from './knowledge';
import type { ParsedDocument } from './parse';
import type { Located } from './parse/locate';
import { at, get, isScalar, stringOf, type Node } from './parse/tree';
import { INTRINSIC_KEYS } from './parse/intrinsics';
import type { Lang, Path } from './types';
import { describeInstanceType, instanceTypeProperties, type ValueDescription } from './describe/instance-type';
import { parseAttach, pathMatches } from './knowledge/attach';

/** What a template hover shows before rendering: notes in display order and an optional header. */
export interface TemplateAnchor {
  notes: NoteEntry[];
  header?: (lang: Lang) => string;
  start: number;
  end: number;
}

const EB_OPTION_TYPES = new Set(['AWS::ElasticBeanstalk::Environment', 'AWS::ElasticBeanstalk::ConfigurationTemplate']);
const EB_OPTION_FIELDS = new Set(['Namespace', 'OptionName', 'Value']);

/**
 * The hover on a template key or value (spec §2.1 "Hover anchors"): SAM Globals keys, the
 * resource `Type`, property keys and values, Beanstalk `OptionSettings` entries by namespace and
 * option, alarm metric names by namespace. Notes come most specific first: the value's note, then
 * the key's, then notes the section or option carries.
 */
export function templateAnchor(doc: ParsedDocument, located: Located, knowledge: Knowledge, span: { start: number; end: number }): TemplateAnchor | undefined {
  const { path, onKey, node } = located;
  // Template sections and keys outside Resources/Globals (`Outputs.X.Export.Name`, `Parameters`).
  if (onKey && typeof path[0] === 'string' && (path.length === 1 || (path[0] !== 'Resources' && path[0] !== 'Globals'))) {
    return { notes: knowledge.forKey('section', path), ...span };
  }
  if (path[0] === 'Globals' && path.length >= 3 && onKey) {
    return { notes: knowledge.forKey('globals', path.slice(1)), ...span };
  }
  if (path[0] !== 'Resources' || typeof path[1] !== 'string') return undefined;
  const resource = get(get(doc.tree, 'Resources'), path[1]);
  const type = stringOf(get(resource, 'Type'));
  if (!type) return undefined;
  if (path.length === 3 && path[2] === 'Type' && !onKey) {
    return { notes: knowledge.forResourceType(type), ...span };
  }
  if (path[2] !== 'Properties' || path.length < 4) return undefined;
  const rest = stripIntrinsics(path.slice(3));
  const value = !onKey && isScalar(node) && node.value != null ? String(node.value) : undefined;
  const special = [
    ...ebOptionNotes(type, rest, get(resource, 'Properties'), value, knowledge),
    ...metricNotes(type, rest, get(resource, 'Properties'), knowledge),
  ];
  const valueNotes = value !== undefined ? knowledge.forProperty(type, rest, value).filter((e) => hasValueAttach(e, type, value)) : [];
  const keyNotes = knowledge.forProperty(type, rest);
  const decoded = value !== undefined && isInstanceTypeValue(type, rest, get(resource, 'Properties')) ? describeInstanceType(value, knowledge) : undefined;
  if (!decoded) return { notes: unique([...valueNotes, ...special, ...keyNotes]), ...span };
  const decodedNotes = decoded.notes.map((id) => knowledge.get(id)).filter((e): e is NoteEntry => Boolean(e));
  return { notes: unique([...valueNotes, ...decodedNotes, ...special, ...keyNotes]), header: (l) => decodedHeader(value!, decoded, l), ...span };
}

const INSTANCE_TYPE_POINTS = instanceTypeProperties.map(parseAttach);

/** Is this value an EC2 instance type (spec §5.1): one of the decoder's properties, or the Beanstalk option? */
function isInstanceTypeValue(type: string, path: Path, properties: Node | undefined): boolean {
  for (const point of INSTANCE_TYPE_POINTS) {
    if (point.kind === 'property' && point.resourceType === type && pathMatches(point.path, path)) return true;
    if (point.kind === 'eb' && EB_OPTION_TYPES.has(type) && path[0] === 'OptionSettings' && typeof path[1] === 'number' && path[2] === 'Value') {
      const setting = at(properties, ['OptionSettings', path[1]]);
      if (stringOf(get(setting, 'Namespace')) === point.namespace && stringOf(get(setting, 'OptionName')) === point.option) return true;
    }
  }
  return false;
}

/** The decoded instance type as a short list above the notes: `m7gd.2xlarge` — one line per part. */
function decodedHeader(value: string, decoded: ValueDescription, lang: Lang): string {
  const title = lang === 'ja' ? `**インスタンスタイプ \`${value}\` の読み方**` : `**Reading \`${value}\`**`;
  return [title, ...decoded.lines.map((line) => `- ${line[lang]}`)].join('\n');
}

/** A value inside `!If [c, a, b]` hovers like the property itself. */
function stripIntrinsics(path: Path): Path {
  const out: Array<string | number> = [];
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (typeof step === 'string' && INTRINSIC_KEYS.has(step)) { if (typeof path[i + 1] === 'number') i++; continue; }
    out.push(step);
  }
  return out;
}

function hasValueAttach(entry: NoteEntry, type: string, value: string): boolean {
  return entry.attach.some((a) => a.startsWith(`${type}.`) && a.endsWith(`=${value}`));
}

/**
 * `OptionSettings[i].Namespace|OptionName|Value` of a Beanstalk environment: the notes of that
 * option (spec §2.6), the value's own note first when the entry sets a literal value.
 */
function ebOptionNotes(type: string, path: Path, properties: Node | undefined, hovered: string | undefined, knowledge: Knowledge): NoteEntry[] {
  if (!EB_OPTION_TYPES.has(type) || path[0] !== 'OptionSettings' || typeof path[1] !== 'number' || path.length !== 3) return [];
  if (!EB_OPTION_FIELDS.has(String(path[2]))) return [];
  const setting = at(properties, ['OptionSettings', path[1]]);
  const namespace = stringOf(get(setting, 'Namespace'));
  const option = stringOf(get(setting, 'OptionName'));
  if (!namespace || !option) return [];
  const value = path[2] === 'Value' ? hovered : scalarText(get(setting, 'Value'));
  return knowledge.forEbOption(namespace, option, value);
}

/** `MetricName` of a CloudWatch alarm (or of a metric in its `Metrics` list): the metric's notes. */
function metricNotes(type: string, path: Path, properties: Node | undefined, knowledge: Knowledge): NoteEntry[] {
  if (type !== 'AWS::CloudWatch::Alarm' || path[path.length - 1] !== 'MetricName') return [];
  const owner = at(properties, path.slice(0, -1));
  const namespace = stringOf(get(owner, 'Namespace'));
  const metric = stringOf(get(owner, 'MetricName'));
  if (!namespace || !metric) return [];
  return knowledge.forMetric(namespace, metric);
}

function scalarText(node: Node | undefined): string | undefined {
  return isScalar(node) && node.value != null ? String(node.value) : undefined;
}

function unique(entries: NoteEntry[]): NoteEntry[] {
  return [...new Set(entries)];
}
