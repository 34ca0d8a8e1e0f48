import { get, isMap } from '../../parse/tree';
import type { Rule } from '../types';
import { canonicalName, intrinsicCalls } from './intrinsics';

/**
 * CFN004: `Fn::ImportValue` of a name that the same template exports in `Outputs.*.Export.Name`.
 * An export exists only once its stack is created, and a stack can't depend on its own output, so
 * the import can never resolve (on creation: "No export named … found"). Names are compared as
 * written, after resolving literals and `Fn::Sub`/`Fn::Join` built from literals, parameters and
 * pseudo parameters (`${AWS::StackName}-VpcId` equals itself within one stack). Anything else is
 * unknown and not reported. Source: CloudFormation Template Reference, "Fn::ImportValue"
 * (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'CFN004',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Importing your own export', ja: '自分自身のエクスポートをインポートしている' },
    note: 'cfn.outputs-importvalue',
    messages: {
      self: {
        en: 'A stack can\'t import a value it exports itself (`{name}` is exported by output `{output}`); reference the resource directly (`!Ref`/`!GetAtt`).',
        ja: 'スタックは自分がエクスポートする値（出力 `{output}` の `{name}`）をインポートできません。リソースを直接参照してください（`!Ref`／`!GetAtt`）。',
      },
    },
  },
  check(context) {
    const exports = new Map<string, string>();
    const outputs = get(context.root, 'Outputs');
    if (isMap(outputs)) {
      for (const pair of outputs.pairs) {
        const name = canonicalName(get(get(pair.value, 'Export'), 'Name'));
        if (name !== undefined && !exports.has(name)) exports.set(name, String(pair.key.value));
      }
    }
    if (exports.size === 0) return;
    for (const call of intrinsicCalls(context.root)) {
      if (call.name !== 'Fn::ImportValue') continue;
      const name = canonicalName(call.arg);
      if (name === undefined || !exports.has(name)) continue;
      context.report({ path: [...call.path, call.name], messageId: 'self', data: { name, output: exports.get(name)! } });
    }
  },
};

export default rule;
