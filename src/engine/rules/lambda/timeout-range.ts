import { rangeRule } from '../shared/range';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA001: a Lambda function's Timeout outside 1–900 seconds. Lambda runs a function for at
 * most 15 minutes; CloudFormation rejects other values. Checked on plain and SAM functions and
 * on SAM `Globals.Function.Timeout`. Range from the note `lambda.max-15-minutes` (Lambda
 * Developer Guide, "Configure Lambda function timeout"; verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'LAMBDA001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Lambda Timeout outside 1–900 s', ja: 'Lambda の Timeout が 1～900 秒の範囲外' },
    note: 'lambda.max-15-minutes',
    messages: {
      outOfRange: {
        en: 'Lambda functions run at most 15 minutes: Timeout must be {min}–{max} seconds (default {default}); found {value}.',
        ja: 'Lambda の実行時間は最長で15分です。Timeout は {min}～{max} 秒（デフォルト {default} 秒）で指定します（現在の値: {value}）。',
      },
    },
  },
  resourceTypes: FUNCTION_TYPES,
  property: 'Timeout',
  globalsSection: 'Function',
  limits: (k) => ({
    min: k.number('lambda.max-15-minutes', 'min'),
    max: k.number('lambda.max-15-minutes', 'max'),
    default: k.number('lambda.max-15-minutes', 'default'),
  }),
});
