import { get, isMap, pairOf, type Node } from '../../parse/tree';
import type { Path } from '../../types';
import type { Rule } from '../types';

/**
 * BUILDSPEC012: artifacts without `files`. `artifacts/files` is a "Required sequence" (CodeBuild
 * User Guide, "Build specification reference"), and so is `files` of each
 * `secondary-artifacts` entry. An `artifacts` section that only declares `secondary-artifacts`
 * needs no top-level `files` (the multiple-outputs samples are written that way), so it is not
 * reported. Note `codebuild.artifact-encryption` (the notes' artifact entry).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC012',
    severity: 'error',
    kinds: ['buildspec'],
    title: { en: 'artifacts without files', ja: 'files のない artifacts' },
    note: 'codebuild.artifact-encryption',
    messages: {
      noFiles: {
        en: '`{section}.files` is required (e.g. `\'**/*\'`).',
        ja: '`{section}.files` は必須です（例: `\'**/*\'`）。',
      },
    },
  },
  check(context) {
    const artifacts = get(context.root, 'artifacts');
    if (!pairOf(context.root, 'artifacts')) return;
    const secondary = get(artifacts, 'secondary-artifacts');
    if (!hasFiles(artifacts) && !isMap(secondary)) report(context.report, ['artifacts'], 'artifacts');
    if (isMap(secondary)) {
      for (const pair of secondary.pairs) {
        const name = String(pair.key.value);
        if (!hasFiles(pair.value)) report(context.report, ['artifacts', 'secondary-artifacts', name], `artifacts.secondary-artifacts.${name}`);
      }
    }
  },
};

function hasFiles(node: Node | null | undefined): boolean {
  const files = get(node, 'files');
  return files !== undefined && !(files.type === 'scalar' && files.value === null);
}

function report(send: Parameters<Rule['check']>[0]['report'], path: Path, section: string): void {
  send({ path, target: 'key', messageId: 'noFiles', data: { section } });
}

export default rule;
