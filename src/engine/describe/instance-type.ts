import type { Knowledge, NoteEntry } from '../knowledge';
import type { Bilingual } from '../types';

/**
 * The EC2 instance-type decoder of spec/notes-map.md §5.1: `m7gd.2xlarge` → "M — general
 * purpose", "g — Graviton", "d — local instance store", … plus the notes to show.
 *
 * Only the grammar of a type name lives here (`<series><generation><options>[-<option>].<size>`,
 * AWS "Amazon EC2 instance type naming conventions"). Every meaning — what a series or a letter
 * stands for, which families are previous generation, Xen-based, without IPv6 or ENA — is data in
 * the ec2 notes' `values`, so a corrected note changes the hover at once.
 */

export interface ValueDescription {
  lines: Bilingual[];
  /** Entry or fact ids to show, most specific first. */
  notes: string[];
}

/**
 * Attach-style paths where an instance type value appears (for the hover). `[]` is any list item;
 * the `eb:` form is an Elastic Beanstalk option setting.
 */
export const instanceTypeProperties: string[] = [
  'AWS::EC2::Instance.InstanceType',
  'AWS::EC2::LaunchTemplate.LaunchTemplateData.InstanceType',
  'AWS::AutoScaling::LaunchConfiguration.InstanceType',
  'AWS::AutoScaling::AutoScalingGroup.MixedInstancesPolicy.LaunchTemplate.Overrides[].InstanceType',
  'AWS::EC2::EC2Fleet.LaunchTemplateConfigs[].Overrides[].InstanceType',
  'AWS::EC2::SpotFleet.SpotFleetRequestConfigData.LaunchSpecifications[].InstanceType',
  'AWS::EC2::SpotFleet.SpotFleetRequestConfigData.LaunchTemplateConfigs[].Overrides[].InstanceType',
  'AWS::EC2::CapacityReservation.InstanceType',
  'AWS::EC2::Host.InstanceType',
  'AWS::Batch::ComputeEnvironment.ComputeResources.InstanceTypes[]',
  'eb:aws:autoscaling:launchconfiguration/InstanceType',
];

/** The parts of an instance type name. */
export interface ParsedInstanceType {
  value: string;
  /** Letters before the generation digit: `m`, `inf`, `im`, `u`, `mac`. */
  series: string;
  generation?: number;
  /** Option letters after the generation: `gd` in `m7gd`. */
  letters: string;
  /** The part after a hyphen before the dot: `flex`, `6tb1`, `m2pro`, `b200`. */
  option?: string;
  /** Series + generation + letters (`m7gd`, `c5n`, `x1e`): the key of the notes' family lists. */
  base: string;
  /** Everything before the dot (`m7i-flex`, `u-6tb1`), AWS's "instance family". */
  family: string;
  size: string;
  metal: boolean;
}

const NAME = /^([a-z]+)(\d*)([a-z]*)(?:-([a-z0-9]+))?\.([a-z0-9-]+)$/;
const SIZE = /^(?:nano|micro|small|medium|large|xlarge|\d+xlarge|metal(?:-\d+xl)?)$/;

/** Splits a type name; undefined for anything that is not shaped like one (never throws). */
export function parseInstanceType(value: unknown): ParsedInstanceType | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const match = NAME.exec(value);
  if (!match) return undefined;
  const [, series, digits, letters, option, size] = match;
  if (!SIZE.test(size)) return undefined;
  if (!digits && !option) return undefined;
  if (!digits && letters) return undefined;
  const base = `${series}${digits}${letters}`;
  return {
    value,
    series,
    generation: digits ? Number(digits) : undefined,
    letters,
    option,
    base,
    family: option ? `${base}-${option}` : base,
    size,
    metal: size === 'metal' || size.startsWith('metal-'),
  };
}

interface FamilyInfo {
  entry: NoteEntry;
  text: Bilingual;
}

interface Tables {
  families: Map<string, FamilyInfo>;
}

const tables = new WeakMap<Knowledge, Tables>();

/** The series tables of every entry whose `values.families` maps a series to a description. */
function familyTables(knowledge: Knowledge): Tables {
  let cached = tables.get(knowledge);
  if (cached) return cached;
  const families = new Map<string, FamilyInfo>();
  for (const entry of knowledge.entries) {
    const map = entry.values?.families;
    if (!map || typeof map !== 'object' || Array.isArray(map)) continue;
    for (const [series, text] of Object.entries(map as Record<string, unknown>)) {
      if (isBilingual(text) && !families.has(series)) families.set(series, { entry, text: { en: text.en, ja: text.ja } });
    }
  }
  cached = { families };
  tables.set(knowledge, cached);
  return cached;
}

function isBilingual(value: unknown): value is Bilingual {
  return value != null && typeof value === 'object' && typeof (value as Bilingual).en === 'string' && typeof (value as Bilingual).ja === 'string';
}

/** The note entry describing a type's series (ec2.type.general, ec2.type.memory…), if any. */
export function seriesEntry(knowledge: Knowledge, parsed: ParsedInstanceType): NoteEntry | undefined {
  return familyTables(knowledge).families.get(parsed.series)?.entry;
}

/** A value of a note, or undefined when the note or the key is missing (the decoder never throws). */
function optional(knowledge: Knowledge, id: string, ...path: string[]): unknown {
  let current: unknown = knowledge.get(id)?.values;
  for (const key of path) {
    if (current == null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function list(knowledge: Knowledge, id: string, ...path: string[]): string[] {
  const value = optional(knowledge, id, ...path);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(knowledge: Knowledge, id: string, ...path: string[]): Bilingual | undefined {
  const value = optional(knowledge, id, ...path);
  return isBilingual(value) ? { en: value.en, ja: value.ja } : undefined;
}

/**
 * Short bilingual lines about an instance type value and the notes to show with them. Undefined
 * for values that are not instance types, unknown series, or intrinsic results.
 */
export function describeInstanceType(value: string, knowledge: Knowledge): ValueDescription | undefined {
  try {
    return describe(value, knowledge);
  } catch {
    return undefined;
  }
}

function describe(value: string, knowledge: Knowledge): ValueDescription | undefined {
  const parsed = parseInstanceType(value);
  if (!parsed) return undefined;
  const family = familyTables(knowledge).families.get(parsed.series);
  if (!family) return undefined;

  const lines: Bilingual[] = [family.text];
  const specific: string[] = [];
  const suffixNotes: string[] = [];
  const add = (line: Bilingual | undefined, note: string, into = specific): void => {
    if (!line) return;
    lines.push(line);
    into.push(note);
  };

  if (list(knowledge, 'ec2.type.suffix', 'previousGeneration').includes(parsed.base)) {
    add(text(knowledge, 'ec2.type.suffix', 'previousGenerationLine'), 'ec2.type.suffix', suffixNotes);
  }

  for (const letter of parsed.letters) {
    const suffix = optional(knowledge, 'ec2.type.suffix', 'suffixes', letter);
    if (!isBilingual(suffix)) continue;
    lines.push({ en: suffix.en, ja: suffix.ja });
    suffixNotes.push('ec2.type.suffix');
    const extra = (suffix as { notes?: unknown }).notes;
    if (Array.isArray(extra)) for (const note of extra) if (typeof note === 'string') specific.push(note);
  }
  if (parsed.option) {
    const option = optionLine(knowledge, parsed.option);
    if (option) { lines.push(option); suffixNotes.push('ec2.type.suffix'); }
  }

  if (list(knowledge, 'ec2.ipv6-support', 'noIpv6Families').includes(parsed.base)) {
    add(text(knowledge, 'ec2.ipv6-support', 'noIpv6Line'), 'ec2.ipv6-support');
  }
  if (list(knowledge, 'ec2.ebs-optimized-default', 'notDefaultFamilies').includes(parsed.base)) {
    const optionalType = list(knowledge, 'ec2.ebs-optimized-default', 'optionalTypes').includes(parsed.value);
    add(text(knowledge, 'ec2.ebs-optimized-default', 'lines', optionalType ? 'optional' : 'unavailable'), 'ec2.ebs-optimized-default');
  }
  const intelVf = list(knowledge, 'ec2.intel-vf', 'families').includes(parsed.base)
    && !list(knowledge, 'ec2.intel-vf', 'exceptions').includes(parsed.value);
  if (intelVf) add(text(knowledge, 'ec2.intel-vf', 'line'), 'ec2.intel-vf');
  if (list(knowledge, 'ec2.ena', 'noEnaFamilies').includes(parsed.base) && !list(knowledge, 'ec2.ena', 'enaExceptions').includes(parsed.value)) {
    add(text(knowledge, 'ec2.ena', 'noEnaLine'), 'ec2.ena');
  }

  const xen = !parsed.metal && list(knowledge, 'ec2.nitro', 'xenFamilies').includes(parsed.base);
  const nitroLine = text(knowledge, 'ec2.nitro', 'lines', xen ? 'xen' : 'nitro');
  if (nitroLine) lines.push(nitroLine);

  const metalNotes: string[] = [];
  if (parsed.metal) {
    const line = text(knowledge, 'ec2.bare-metal', 'line');
    if (line) { lines.push(line); metalNotes.push('ec2.bare-metal', 'ec2.cpu-options'); }
  }

  const notes = [...metalNotes, ...specific, ...suffixNotes, family.entry.id];
  if (nitroLine) notes.push('ec2.nitro');
  return { lines, notes: [...new Set(notes)].filter((id) => knowledge.get(id)) };
}

/** `flex`, `m2pro` from the notes' option table; `6tb1`/`12tb` through its `tb` template. */
function optionLine(knowledge: Knowledge, option: string): Bilingual | undefined {
  const direct = text(knowledge, 'ec2.type.suffix', 'options', option);
  if (direct) return direct;
  const memory = /^(\d+)tb\d*$/.exec(option);
  const template = memory ? text(knowledge, 'ec2.type.suffix', 'options', 'tb') : undefined;
  if (!memory || !template) return undefined;
  return { en: template.en.replace('{n}', memory[1]), ja: template.ja.replace('{n}', memory[1]) };
}
