import type { SkippedRule } from '../types';

/** Beanstalk rules that the per-file lint does not run (see each reason). */
export const skipped: SkippedRule[] = [
  {
    id: 'EB007',
    title: '.ebextensions file with the wrong extension',
    reason: 'A workspace file check, not a template rule: `.ebextensions/*` files are none of the four file kinds, so per-file lint never sees them. Implemented as checkEbextensionsFile(path) in rules/beanstalk/ebextensions-file.ts for the editor (file watcher) and the CLI (directory walk) to call.',
  },
];
