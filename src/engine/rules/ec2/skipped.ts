import type { SkippedRule } from '../types';

/** EC2 rules of spec/notes-map.md §3.11 that are deliberately not implemented. */
export const skipped: SkippedRule[] = [
  {
    id: 'EC2005',
    title: 'Hibernation setting changed on an existing instance',
    reason: 'Needs the previous version of the template (what is deployed); a single file cannot show that HibernationOptions.Configured changed. The hover on HibernationOptions carries the fact (it can only be set at launch; changing it replaces the instance).',
  },
];
