import type { Knowledge } from '../knowledge';

/**
 * The limits of each EBS volume type, read from the notes (facts live once): gp2/gp3 from
 * `ebs.gp2.profile`, io1/io2 from `ebs.io1.max-iops`, st1/sc1/standard from `ebs.hdd.burst`,
 * Multi-Attach from `ebs.multi-attach`.
 */
export interface VolumeTypeLimits {
  type: string;
  sizeMin: number;
  sizeMax: number;
  /** Undefined for types that take no `Iops`. */
  iopsMin?: number;
  iopsMax?: number;
  /** Maximum provisioned IOPS per GiB of size. */
  iopsPerGiB?: number;
  /** IOPS always allowed whatever the size (gp3's 3,000 baseline). */
  iopsFloor?: number;
  iopsAllowed: boolean;
  iopsRequired: boolean;
  /** Deliverable IOPS on instances not built on Nitro (io1/io2). */
  nonNitroMaxIops?: number;
  bootable: boolean;
  multiAttach: boolean;
}

const cache = new WeakMap<Knowledge, Map<string, VolumeTypeLimits>>();

function num(record: Record<string, unknown>, key: string, where: string): number {
  const value = record[key];
  if (typeof value !== 'number') throw new Error(`knowledge: ${where}.${key} is not a number`);
  return value;
}

function list(knowledge: Knowledge, id: string, key: string): string[] {
  const value = knowledge.value(id, key);
  if (!Array.isArray(value)) throw new Error(`knowledge: "${id}" value ${key} is not a list`);
  return value.map(String);
}

export function volumeTypeLimits(knowledge: Knowledge): Map<string, VolumeTypeLimits> {
  const cached = cache.get(knowledge);
  if (cached) return cached;
  const iopsTypes = list(knowledge, 'ebs.gp2.profile', 'iopsTypes');
  const required = list(knowledge, 'ebs.io1.max-iops', 'iopsRequired');
  const multi = list(knowledge, 'ebs.multi-attach', 'types');
  const hdd = list(knowledge, 'ebs.hdd.burst', 'hddTypes');
  const sources: Array<[string, string]> = [
    ['gp2', 'ebs.gp2.profile'], ['gp3', 'ebs.gp2.profile'],
    ['io1', 'ebs.io1.max-iops'], ['io2', 'ebs.io1.max-iops'],
    ['st1', 'ebs.hdd.burst'], ['sc1', 'ebs.hdd.burst'], ['standard', 'ebs.hdd.burst'],
  ];
  const out = new Map<string, VolumeTypeLimits>();
  for (const [type, id] of sources) {
    const v = knowledge.value(id, type) as Record<string, unknown>;
    const where = `"${id}" ${type}`;
    const iopsAllowed = iopsTypes.includes(type);
    const limits: VolumeTypeLimits = {
      type,
      sizeMin: num(v, 'sizeMin', where),
      sizeMax: num(v, 'sizeMax', where),
      iopsAllowed,
      iopsRequired: required.includes(type),
      bootable: !(hdd.includes(type) && v.bootable === false),
      multiAttach: multi.includes(type),
    };
    if (iopsAllowed) {
      limits.iopsMin = num(v, 'iopsMin', where);
      limits.iopsMax = num(v, 'iopsMax', where);
      limits.iopsPerGiB = num(v, 'iopsPerGiB', where);
      if (typeof v.baselineIops === 'number') limits.iopsFloor = v.baselineIops;
      if (typeof v.nonNitroMaxIops === 'number') limits.nonNitroMaxIops = v.nonNitroMaxIops;
    }
    out.set(type, limits);
  }
  cache.set(knowledge, out);
  return out;
}

/** The most IOPS a volume of this type and size may provision (ratio rule), or undefined. */
export function maxIopsForSize(limits: VolumeTypeLimits, size: number): number | undefined {
  if (limits.iopsPerGiB === undefined || limits.iopsMax === undefined) return undefined;
  const byRatio = size * limits.iopsPerGiB;
  return Math.min(limits.iopsMax, Math.max(byRatio, limits.iopsFloor ?? 0));
}

/**
 * Whether an instance type is built on the Nitro System: false for the Xen families the notes
 * list (`ebs.multi-attach` xenFamilies, except nitroExceptions such as i3.metal), true for any
 * other well-formed type, undefined for text that is not an instance type.
 */
export function isNitro(instanceType: string, knowledge: Knowledge): boolean | undefined {
  const text = instanceType.trim().toLowerCase();
  const match = /^([a-z][a-z0-9-]*)\.([a-z0-9-]+)$/.exec(text);
  if (!match) return undefined;
  if (list(knowledge, 'ebs.multi-attach', 'nitroExceptions').includes(text)) return true;
  return !list(knowledge, 'ebs.multi-attach', 'xenFamilies').includes(match[1]);
}
