import * as path from 'path';

/** The repository root, from the compiled test's folder (out/test/unit). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures');
/** The shared folder beside the project (corpus, bench, spec), present in CI too. */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
