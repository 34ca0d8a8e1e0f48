import type { SkippedRule } from '../types';

/** DynamoDB rules of spec §3.7 that a single template cannot check. */
export const skipped: SkippedRule[] = [
  {
    id: 'DDB004',
    title: 'LSIs changed on an existing table',
    reason: 'Needs the previous version of the template (or the deployed stack) to see that the LSI set changed; a template alone only shows the current definition. DDB003 checks the definition itself.',
  },
];
