/**
 * CloudFormation intrinsic functions and the YAML short-form tags that stand for them.
 * Source: AWS CloudFormation User Guide, "Intrinsic function reference" (verified 2026-11-21).
 */
const FN_NAMES = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split',
  'Sub', 'Transform', 'If', 'Equals', 'And', 'Or', 'Not', 'Contains', 'EachMemberEquals',
  'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll', 'Length', 'ToJsonString', 'ForEach',
];

/** Short tag (`!GetAtt`) → long key (`Fn::GetAtt`). */
export const SHORT_TAGS: ReadonlyMap<string, string> = new Map<string, string>([
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ...FN_NAMES.map((name): [string, string] => [`!${name}`, `Fn::${name}`]),
]);

/** Every key that makes a one-key map an intrinsic function call. */
export const INTRINSIC_KEYS: ReadonlySet<string> = new Set<string>(['Ref', 'Condition', ...FN_NAMES.map((n) => `Fn::${n}`)]);

/** Pseudo parameters (`Ref: AWS::Region`, `${AWS::AccountId}`). */
export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region',
  'AWS::StackId', 'AWS::StackName', 'AWS::URLSuffix',
]);
