import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { intrinsicCalls, subParts, subVariables } from './intrinsics';

/**
 * `${aws:username}`, `${s3:prefix}`, `${ec2:SourceInstanceARN}`… : an IAM policy variable is a
 * lowercase service prefix, a colon and a key. Pseudo parameters (`AWS::Region`) have an
 * uppercase prefix and a double colon, and shell expansions (`${HOME:-/root}`) don't match.
 */
const POLICY_VARIABLE = /^[a-z][a-z0-9-]*:[A-Za-z][A-Za-z0-9_/-]*$/;

/**
 * CFN006: an IAM policy variable such as `${aws:username}` inside an `Fn::Sub` string without the
 * `${!…}` escape. Fn::Sub treats every `${…}` as a variable to substitute, so CloudFormation tries
 * to resolve `aws:username` and the template fails; `${!aws:username}` is written out literally
 * as `${aws:username}` for IAM to evaluate. A variable the Sub's own variable map defines is fine.
 * Source: CloudFormation Template Reference, "Fn::Sub" ("To write a dollar sign and curly braces
 * (${}) literally, add an exclamation point (!) after the open curly brace, such as
 * ${!Literal}"), verified 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'CFN006',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'IAM policy variable not escaped in Fn::Sub', ja: 'Fn::Sub 内の IAM ポリシー変数がエスケープされていない' },
    // The spec cites s3.iam-personal-space (the S3 engineer's note); switch to it once merged.
    note: 's3.iam-personal-space',
    messages: {
      unescaped: {
        en: 'Inside `Fn::Sub`, write IAM policy variables as `${!{variable}}`; otherwise CloudFormation tries to resolve `${{variable}}` and the template fails.',
        ja: '`Fn::Sub` の中では IAM ポリシー変数を `${!{variable}}` と書いてください。そうしないと CloudFormation が `${{variable}}` を解決しようとしてテンプレートが失敗します。',
      },
    },
  },
  check(context) {
    for (const call of intrinsicCalls(context.root)) {
      if (call.name !== 'Fn::Sub') continue;
      const parts = subParts(call.arg);
      if (!parts) continue;
      const text = String((parts.text as { value: string }).value);
      const path = parts.vars !== undefined || call.arg?.type === 'seq' ? [...call.path, call.name, 0] : [...call.path, call.name];
      const source = context.doc.text.slice(parts.text.start, parts.text.end);
      const seen = new Set<string>();
      for (const variable of subVariables(text)) {
        if (!POLICY_VARIABLE.test(variable.name) || get(parts.vars, variable.name) !== undefined || seen.has(variable.name)) continue;
        seen.add(variable.name);
        const written = `\${${variable.name}}`;
        const edits = [];
        for (let at = source.indexOf(written); at >= 0; at = source.indexOf(written, at + written.length)) {
          edits.push({ start: parts.text.start + at + 2, end: parts.text.start + at + 2, newText: '!' });
        }
        context.report({
          path,
          messageId: 'unescaped',
          data: { variable: variable.name },
          fixes: edits.length ? [{ title: { en: `Escape as \${!${variable.name}}`, ja: `\${!${variable.name}} とエスケープ` }, edits, preferred: true }] : [],
        });
      }
    }
  },
};

export default rule;
