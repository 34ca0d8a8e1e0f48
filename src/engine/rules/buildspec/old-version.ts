import { get, isScalar } from '../../parse/tree';
import { buildspecFacts, versionText } from '../../model/buildspec';
import { renameKeyEdit } from '../shared/names-and-order';
import type { Rule } from '../types';

/**
 * BUILDSPEC002: buildspec version 0.1. "In buildspec version 0.1, CodeBuild runs each command in
 * a separate instance of the default shell in the build environment", so `cd` and variables do
 * not carry over from one command to the next; "we recommend that you use version 0.2" (CodeBuild
 * User Guide, "Build specification reference" and "Shells and commands in build environments").
 * Still supported, so a warning. The fix writes the recommended version from the note.
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC002',
    severity: 'warning',
    kinds: ['buildspec'],
    title: { en: 'buildspec version 0.1', ja: 'buildspec の version が 0.1' },
    note: 'codebuild.buildspec',
    messages: {
      old: {
        en: 'Version {version} runs every command in a separate shell (no shared `cd` or variables). Use {recommended}.',
        ja: 'version {version} ではコマンドごとに別のシェルで実行されるため、`cd` や変数が次のコマンドに引き継がれません。{recommended} を使ってください。',
      },
    },
  },
  check(context) {
    const node = get(context.root, 'version');
    const { versions, recommendedVersion: recommended } = buildspecFacts(context.knowledge);
    const text = versionText(node);
    // An older version CodeBuild still supports (0.1): any known version but the recommended one.
    if (text === undefined || text === recommended || !versions.includes(text) || !isScalar(node)) return;
    context.report({
      path: ['version'],
      messageId: 'old',
      data: { recommended, version: text },
      fixes: [{ title: { en: `Change version to ${recommended}`, ja: `version を ${recommended} に変更` }, edits: [renameKeyEdit(context.doc, node, recommended)], preferred: true }],
    });
  },
};

export default rule;
