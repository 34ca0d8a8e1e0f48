import { get, isMap, isScalar, isSeq, pairOf, type Node } from '../../parse/tree';
import { buildspecFacts, phaseEntries } from '../../model/buildspec';
import type { Rule } from '../types';

/**
 * BUILDSPEC005: a phase with nothing to run. `commands` is a "Required sequence if pre_build is
 * specified" (likewise build and post_build); in `install` it is optional beside
 * `runtime-versions` (CodeBuild User Guide, "Build specification reference"). GitHub Actions
 * `steps` take the place of `commands` in any phase ("Use GitHub Actions syntax in a buildspec").
 * A phase whose only content is `finally` or `run-as` is reported too, except `install`, where
 * `commands` is documented as optional. A `commands:` key with nothing under it is reported one
 * level lower (warning): AWS's own sample testspecs ship empty `commands:` and run, so CodeBuild
 * evidently reads it as "no commands" rather than rejecting the file; the phase is dead weight.
 * Phase names: note `codebuild.buildspec`.
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC005',
    severity: 'error',
    kinds: ['buildspec'],
    title: { en: 'Phase without commands', ja: 'commands のないフェーズ' },
    note: 'codebuild.buildspec',
    messages: {
      noCommands: {
        en: 'Phase `{name}` must contain `commands` (list of shell commands).',
        ja: 'フェーズ `{name}` には `commands`（シェルコマンドのリスト）が必要です。',
      },
      emptyCommands: {
        en: 'Phase `{name}` has an empty `commands` list, so it runs nothing. Add commands or remove the phase.',
        ja: 'フェーズ `{name}` の `commands` が空のため、何も実行されません。コマンドを書くか、フェーズを削除してください。',
      },
      emptyInstall: {
        en: 'Phase `install` has nothing to run: give it `commands` (list of shell commands) or `runtime-versions`, or remove it.',
        ja: 'フェーズ `install` に実行する内容がありません。`commands`（シェルコマンドのリスト）か `runtime-versions` を書くか、フェーズを削除してください。',
      },
    },
  },
  check(context) {
    const { phases } = buildspecFacts(context.knowledge);
    const install = phases[0];
    for (const phase of phaseEntries(context.root)) {
      if (!phases.includes(phase.name)) continue; // BUILDSPEC003
      const node = phase.node;
      if (hasContent(get(node, 'commands')) || hasContent(get(node, 'steps'))) continue;
      if (phase.name === install && (isMap(get(node, 'runtime-versions')) || hasContent(get(node, 'finally')))) continue;
      if (pairOf(node, 'commands')) {
        context.report({ path: [...phase.path, 'commands'], target: 'key', messageId: 'emptyCommands', data: { name: phase.name }, downgrade: true });
        continue;
      }
      if (phase.name === install) {
        context.report({ path: phase.path, target: 'key', messageId: 'emptyInstall', data: { name: phase.name } });
        continue;
      }
      context.report({ path: phase.path, target: 'key', messageId: 'noCommands', data: { name: phase.name } });
    }
  },
};

/** A non-empty list, or a single command written as a string. */
function hasContent(node: Node | undefined): boolean {
  if (isSeq(node)) return node.items.length > 0;
  return isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '';
}

export default rule;
