import compiled from '../../generated/knowledge.json';
import { parseAttach, pathMatches } from './attach';
import type { AttachPoint, NoteEntry } from './types';

export type { NoteEntry, AttachPoint, NoteCorrection, NoteLink, NoteStatus } from './types';
export { pathMatches } from './attach';

interface Attached {
  entry: NoteEntry;
  point: AttachPoint;
}

/**
 * The compiled notes, indexed for hovers, rules and the lookup. Built once, on first use, so the
 * extension pays for it only when a recognised file is opened.
 */
export class Knowledge {
  readonly entries: readonly NoteEntry[];
  private readonly byId = new Map<string, NoteEntry>();
  private readonly byFact = new Map<string, NoteEntry>();
  private readonly attached: Attached[] = [];
  private readonly byResourceType = new Map<string, Attached[]>();

  constructor(entries: readonly NoteEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      for (const fact of entry.covers) this.byFact.set(fact, entry);
      for (const text of entry.attach) {
        const item = { entry, point: parseAttach(text) };
        this.attached.push(item);
        const type = item.point.kind === 'type' || item.point.kind === 'property' ? item.point.resourceType : undefined;
        if (type) {
          const list = this.byResourceType.get(type) ?? [];
          list.push(item);
          this.byResourceType.set(type, list);
        }
      }
    }
  }

  /** The entry with this id, or the entry that covers this fact id. */
  get(id: string): NoteEntry | undefined {
    return this.byId.get(id) ?? this.byFact.get(id);
  }

  /** The entry, or an exception naming the missing id: a rule that cites a missing note is a defect. */
  require(id: string): NoteEntry {
    const entry = this.get(id);
    if (!entry) throw new Error(`knowledge: no note with id "${id}"`);
    return entry;
  }

  /**
   * A structured fact of an entry, e.g. `number('sqs.visibility-timeout', 'max')`. Throws when the
   * entry or the value is missing, so a rule never runs on a made-up default.
   */
  value(id: string, ...path: string[]): unknown {
    let current: unknown = this.require(id).values;
    for (const key of path) {
      if (current == null || typeof current !== 'object') current = undefined;
      else current = (current as Record<string, unknown>)[key];
    }
    if (current === undefined) throw new Error(`knowledge: "${id}" has no value ${path.join('.')}`);
    return current;
  }

  number(id: string, ...path: string[]): number {
    const value = this.value(id, ...path);
    if (typeof value !== 'number') throw new Error(`knowledge: "${id}" value ${path.join('.')} is not a number`);
    return value;
  }

  /** Entries attached to a resource type itself (hover on `Type:`). */
  forResourceType(resourceType: string): NoteEntry[] {
    return unique((this.byResourceType.get(resourceType) ?? []).filter((a) => a.point.kind === 'type').map((a) => a.entry));
  }

  /** Entries attached to a property path under `Properties` of a resource type, optionally to a value. */
  forProperty(resourceType: string, path: ReadonlyArray<string | number>, value?: string): NoteEntry[] {
    const out: NoteEntry[] = [];
    for (const item of this.byResourceType.get(resourceType) ?? []) {
      const point = item.point;
      if (point.kind !== 'property' || !pathMatches(point.path, path)) continue;
      if (point.value !== undefined && point.value !== value) continue;
      out.push(item.entry);
    }
    return unique(out);
  }

  /** Entries attached to keys of another kind of file or section. */
  forKey(kind: 'globals' | 'buildspec' | 'appspec' | 'section', path: ReadonlyArray<string | number>): NoteEntry[] {
    return unique(this.attached.filter((a) => a.point.kind === kind && pathMatches(a.point.path, path)).map((a) => a.entry));
  }

  /**
   * Entries attached to an Elastic Beanstalk option (`eb:namespace/Option`), value-specific ones
   * (`eb:namespace/Option=Value`) first when a value is given.
   */
  forEbOption(namespace: string, option: string, value?: string): NoteEntry[] {
    const matches = this.attached.filter((a) => a.point.kind === 'eb' && a.point.namespace === namespace && a.point.option === option);
    const valued = value === undefined ? [] : matches.filter((a) => a.point.kind === 'eb' && a.point.value === value);
    const plain = matches.filter((a) => a.point.kind === 'eb' && a.point.value === undefined);
    return unique([...valued, ...plain].map((a) => a.entry));
  }

  /** Entries attached to a CloudWatch metric of a namespace (`cw:AWS/EBS BurstBalance`). */
  forMetric(namespace: string, metric: string): NoteEntry[] {
    return unique(this.attached.filter((a) => a.point.kind === 'cw' && a.point.namespace === namespace && a.point.metric === metric).map((a) => a.entry));
  }

  forName(kind: 'fn' | 'pseudo' | 'file', name: string): NoteEntry[] {
    return unique(this.attached.filter((a) => {
      if (a.point.kind === 'file') return kind === 'file' && a.point.fileKind === name;
      return a.point.kind === kind && a.point.name === name;
    }).map((a) => a.entry));
  }
}

function unique(entries: NoteEntry[]): NoteEntry[] {
  return [...new Set(entries)];
}

let shared: Knowledge | undefined;

/** The knowledge base compiled into this build. */
export function getKnowledge(): Knowledge {
  shared ??= new Knowledge((compiled as { entries: NoteEntry[] }).entries);
  return shared;
}
