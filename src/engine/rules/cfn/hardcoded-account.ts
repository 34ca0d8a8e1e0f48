import { get, isMap, isScalar, isSeq, type Node } from '../../parse/tree';
import type { Path } from '../../types';
import type { Rule } from '../types';

const ARN_WITH_ACCOUNT = /arn:(?:aws[a-z-]*|\$):([a-z0-9-]+):[a-z0-9$-]*:(\d{12}):([a-z-]*)/;

/** ARNs that normally name another account's resource: published Lambda layers and SAR apps. */
function isSharedArn(service: string, resource: string): boolean {
  return service === 'serverlessrepo' || (service === 'lambda' && resource === 'layer');
}

/**
 * CFN005: a 12-digit account ID written into an ARN in a resource property
 * (`arn:aws:sns:us-east-1:123456789012:topic`). The template then works in one account only;
 * `${AWS::AccountId}` (with `${AWS::Region}` and `${AWS::Partition}`) keeps it portable, e.g. for
 * StackSets. Advisory: ARNs of resources that really live in another account (a shared layer, a
 * cross-account principal) are legitimate; published Lambda layer and Serverless Application
 * Repository ARNs are skipped for that reason. Off by default: on the corpus most hits are
 * placeholders in examples and vendor-published ARNs. Source: CloudFormation Template Reference, "Pseudo
 * parameters reference" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CFN005',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Hard-coded account ID', ja: 'アカウント ID の直書き' },
    note: 'cfn.accountid',
    enabledByDefault: false,
    messages: {
      hardcoded: {
        en: 'Use `${AWS::AccountId}` (and `${AWS::Region}`, `${AWS::Partition}`) instead of a hard-coded account ID (`{account}`) so the template is portable.',
        ja: 'アカウント ID（`{account}`）を直書きせず、`${AWS::AccountId}`（と `${AWS::Region}`、`${AWS::Partition}`）を使うとテンプレートを使い回せます。',
      },
    },
  },
  check(context) {
    const resources = get(context.root, 'Resources');
    if (!isMap(resources)) return;
    const seen = new Set<Node>(); // YAML aliases: visit each node once
    const visit = (node: Node | null | undefined, path: Path): void => {
      if (!node || seen.has(node)) return;
      seen.add(node);
      if (isScalar(node)) {
        if (typeof node.value !== 'string') return;
        // `${AWS::Partition}`/`${AWS::Region}` in a Sub string stand for one ARN segment each.
        const match = ARN_WITH_ACCOUNT.exec(node.value.replace(/\$\{[^}]*\}/g, '$'));
        if (match && !isSharedArn(match[1], match[3])) context.report({ path, messageId: 'hardcoded', data: { account: match[2] } });
      } else if (isMap(node)) {
        for (const pair of node.pairs) visit(pair.value, [...path, String(pair.key.value)]);
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item, [...path, i]));
      }
    };
    for (const pair of resources.pairs) {
      visit(get(pair.value, 'Properties'), ['Resources', String(pair.key.value), 'Properties']);
    }
  },
};

export default rule;
