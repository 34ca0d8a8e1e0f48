import { rangeRule } from '../shared/range';

/**
 * CODEBUILD001: `AWS::CodeBuild::Project.TimeoutInMinutes` outside 5–2160. CodeBuild's
 * `timeoutInMinutes` is "from 5 to 2160 (36 hours)… The default is 60 minutes" (CodeBuild API,
 * CreateProject/Project; the per-build `timeoutInMinutesOverride` has the same range), so other
 * values are rejected. The note `codebuild.timeout-override` carries the range and the FC-37
 * correction: the override is the build timeout, not the queue timeout (verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'CODEBUILD001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Build timeout out of range', ja: 'ビルドタイムアウトが範囲外' },
    note: 'codebuild.timeout-override',
    messages: {
      outOfRange: {
        en: 'Build timeout must be {min}–{max} minutes (default {default}); found {value}. The per-build override `timeoutInMinutesOverride` has the same range.',
        ja: 'ビルドタイムアウトは {min}～{max} 分（デフォルト {default} 分）で指定します（現在の値: {value}）。ビルドごとの上書き `timeoutInMinutesOverride` も同じ範囲です。',
      },
    },
  },
  resourceTypes: ['AWS::CodeBuild::Project'],
  property: 'TimeoutInMinutes',
  limits: (k) => ({
    min: k.number('codebuild.timeout-override', 'TimeoutInMinutes', 'min'),
    max: k.number('codebuild.timeout-override', 'TimeoutInMinutes', 'max'),
    default: k.number('codebuild.timeout-override', 'TimeoutInMinutes', 'default'),
  }),
});
