import { get, isMap, stringOf } from '../../parse/tree';
import type { Rule } from '../types';
import { canonicalName } from './intrinsics';

/**
 * CFN007: two outputs export the same name. Export names must be unique per account and Region,
 * so the stack operation fails. Names are compared after resolving literals and `Fn::Sub`/`Fn::Join`
 * of literals, parameters and pseudo parameters; other names are unknown and skipped, and so are
 * outputs under different `Condition`s (they may never exist together).
 * Source: CloudFormation Template Reference, "Fn::ImportValue" ("For each AWS account, Export
 * names must be unique within a Region"), verified 2026-11-21.
 */
const rule: Rule = {
  meta: {
    id: 'CFN007',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Duplicate export name', ja: 'エクスポート名の重複' },
    note: 'cfn.outputs-importvalue',
    messages: {
      duplicate: {
        en: 'Export names must be unique per account and Region: output `{output}` exports `{name}`, like output `{first}`.',
        ja: 'エクスポート名はアカウント・リージョンごとに一意である必要があります。出力 `{output}` の `{name}` は出力 `{first}` と重複しています。',
      },
    },
  },
  check(context) {
    const outputs = get(context.root, 'Outputs');
    if (!isMap(outputs)) return;
    const seen = new Map<string, { output: string; condition?: string }>();
    for (const pair of outputs.pairs) {
      const output = String(pair.key.value);
      const name = canonicalName(get(get(pair.value, 'Export'), 'Name'));
      if (name === undefined) continue;
      const condition = stringOf(get(pair.value, 'Condition'));
      const earlier = seen.get(name);
      if (earlier === undefined) {
        seen.set(name, { output, condition });
        continue;
      }
      // Outputs under different conditions may never exist together.
      if ((condition ?? '') !== (earlier.condition ?? '')) continue;
      const first = earlier.output;
      context.report({ path: ['Outputs', output, 'Export', 'Name'], messageId: 'duplicate', data: { output, name, first } });
    }
  },
};

export default rule;
