/**
 * The CloudFormation short-form tags as Red Hat YAML's `yaml.customTags` entries (`"!Tag kind"`,
 * kind = scalar | sequence | mapping). Without them that extension reports "Unresolved tag: !Ref"
 * on every template. Kinds follow the CloudFormation intrinsic function reference: the node each
 * function takes in its short form (AWS CloudFormation User Guide, "Intrinsic function
 * reference" and "Rules" condition functions, checked 2026-11-21).
 */
const KINDS: Record<string, ReadonlyArray<'scalar' | 'sequence' | 'mapping'>> = {
  And: ['sequence'],
  Base64: ['scalar', 'mapping'],
  Cidr: ['sequence'],
  Condition: ['scalar'],
  Contains: ['sequence'],
  EachMemberEquals: ['sequence'],
  EachMemberIn: ['sequence'],
  Equals: ['sequence'],
  FindInMap: ['sequence'],
  ForEach: ['sequence'],
  GetAtt: ['scalar', 'sequence'],
  GetAZs: ['scalar', 'mapping'],
  If: ['sequence'],
  ImportValue: ['scalar', 'mapping'],
  Join: ['sequence'],
  Length: ['sequence', 'mapping'],
  Not: ['sequence'],
  Or: ['sequence'],
  Ref: ['scalar'],
  RefAll: ['scalar'],
  Select: ['sequence'],
  Split: ['sequence'],
  Sub: ['scalar', 'sequence'],
  ToJsonString: ['sequence', 'mapping'],
  Transform: ['mapping'],
  ValueOf: ['sequence'],
  ValueOfAll: ['sequence'],
};

export function cloudFormationCustomTags(): string[] {
  return Object.entries(KINDS).flatMap(([name, kinds]) => kinds.map((kind) => `!${name} ${kind}`));
}

/**
 * Adds the CloudFormation tags that `existing` (the current `yaml.customTags` value) lacks, keeping
 * the user's own entries first and untouched. A value that is not a list of strings is replaced
 * only by the caller's decision: here it is treated as empty and reported.
 */
export function mergeCustomTags(existing: unknown): { tags: string[]; added: string[]; replacedInvalid: boolean } {
  const valid = Array.isArray(existing) && existing.every((t) => typeof t === 'string');
  const current = valid ? (existing as string[]) : [];
  const have = new Set(current.map((t) => t.trim().replace(/\s+/g, ' ')));
  const added = cloudFormationCustomTags().filter((tag) => !have.has(tag));
  return { tags: [...current, ...added], added, replacedInvalid: existing !== undefined && existing !== null && !valid };
}
