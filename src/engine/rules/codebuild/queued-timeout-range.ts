import { rangeRule } from '../shared/range';

/**
 * CODEBUILD002: `QueuedTimeoutInMinutes` outside 5–480. The queue timeout is "between five
 * minutes and eight hours", default eight hours (CodeBuild User Guide, "Builds in AWS CodeBuild";
 * CodeBuild API `queuedTimeoutInMinutes`). It — not `timeoutInMinutes` — limits how long a build
 * waits in the queue (FC-37). Range: note `codebuild.timeout-override` (verified 2026-11-21).
 */
export default rangeRule({
  meta: {
    id: 'CODEBUILD002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Queued timeout out of range', ja: 'キュータイムアウトが範囲外' },
    note: 'codebuild.timeout-override',
    messages: {
      outOfRange: {
        en: 'Queued timeout must be {min}–{max} minutes (default {default}); found {value}. This, not TimeoutInMinutes, limits how long a build may wait in the queue (per build: `queuedTimeoutInMinutesOverride`).',
        ja: 'キュータイムアウトは {min}～{max} 分（デフォルト {default} 分）で指定します（現在の値: {value}）。ビルドがキューで待てる時間を決めるのは TimeoutInMinutes ではなくこちらです（ビルドごとの上書きは `queuedTimeoutInMinutesOverride`）。',
      },
    },
  },
  resourceTypes: ['AWS::CodeBuild::Project'],
  property: 'QueuedTimeoutInMinutes',
  limits: (k) => ({
    min: k.number('codebuild.timeout-override', 'QueuedTimeoutInMinutes', 'min'),
    max: k.number('codebuild.timeout-override', 'QueuedTimeoutInMinutes', 'max'),
    default: k.number('codebuild.timeout-override', 'QueuedTimeoutInMinutes', 'default'),
  }),
});
