import type { Rule } from '../types';
import { runtimeVerdicts, successorOf } from './functions';
import { FUNCTION_TYPES } from '../../model/links';

/**
 * LAMBDA011: a runtime that is deprecated (no more security patches or support, creation maybe
 * blocked) but whose update block is not reached or not confirmed, or one that will be deprecated
 * within `warnDaysBeforeDeprecation` days (180). Source: the lifecycle table of the note
 * `lambda.languages` (Lambda Developer Guide "Lambda runtimes"; verified 2026-11-21). Spec
 * example: go1.x → provided.al2023; today go1.x is already update-blocked, so LAMBDA010 reports it.
 */
const rule: Rule = {
  meta: {
    id: 'LAMBDA011',
    severity: 'warning',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: FUNCTION_TYPES,
    title: { en: 'Runtime deprecated or close to deprecation', ja: '廃止済み・廃止間近のランタイム' },
    note: 'lambda.languages',
    messages: {
      deprecated: {
        en: 'Runtime `{runtime}` is deprecated since {date}: it gets no security patches or technical support{blocks}. Migrate to `{successor}`.',
        ja: 'ランタイム `{runtime}` は {date} に廃止されました。セキュリティパッチもサポートもありません{blocksJa}。`{successor}` に移行してください。',
      },
      deprecating: {
        en: 'Runtime `{runtime}` will be deprecated on {date} (in {days} days); after that it gets no security patches, then function creation and updates are blocked{blocks}. Plan the move to `{successor}`.',
        ja: 'ランタイム `{runtime}` は {date}（{days} 日後）に廃止されます。その後はセキュリティパッチがなくなり、関数の作成・更新もブロックされます{blocksJa}。`{successor}` への移行を計画してください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    for (const site of runtimeVerdicts(template, context.knowledge, context.today)) {
      const hits = site.verdicts.filter((r) => r.status.state === 'deprecated' || r.status.state === 'deprecating');
      const first = hits[0];
      if (!first || (first.status.state !== 'deprecated' && first.status.state !== 'deprecating')) continue;
      const info = first.status.info;
      const parts: string[] = [];
      const partsJa: string[] = [];
      if (info.blockCreate) { parts.push(`creation blocked ${info.blockCreate <= context.today ? 'since' : 'from'} ${info.blockCreate}`); partsJa.push(`作成ブロック ${info.blockCreate}`); }
      if (info.blockUpdate) { parts.push(`updates blocked from ${info.blockUpdate}`); partsJa.push(`更新ブロック ${info.blockUpdate}`); }
      context.report({
        path: site.path,
        messageId: first.status.state,
        data: {
          runtime: first.runtime,
          date: first.status.date,
          days: first.status.state === 'deprecating' ? first.status.days : 0,
          successor: successorOf(context.knowledge, first.runtime, info),
          blocks: parts.length ? ` (${parts.join('; ')})` : '',
          blocksJa: partsJa.length ? `（${partsJa.join('、')}）` : '',
        },
        downgrade: site.choice && hits.length < site.verdicts.length,
      });
    }
  },
};

export default rule;
