import { get } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Rule } from '../types';
import { isDynamicReference, REPLICATION_GROUP } from './auth-facts';

/**
 * ELASTICACHE002: an AUTH token ElastiCache will reject. Constraints (CreateReplicationGroup
 * AuthToken): printable ASCII only, 16–128 characters, and the only permitted special characters
 * are ! & # $ ^ < > - (so no spaces, @, ", / …). Checked on literal tokens and parameter defaults;
 * dynamic references are resolved at deploy time and not checked. The limits live in the note
 * `elasticache.redis-features` (ElastiCache API Reference and User Guide "AUTH", verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'ELASTICACHE002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    title: { en: 'Invalid AUTH token format', ja: 'AUTH トークンの形式が不正' },
    note: 'elasticache.redis-features',
    messages: {
      length: {
        en: 'AuthToken must be {min}–{max} printable ASCII characters; allowed specials are {specials}. (`{group}`: {length} characters.)',
        ja: 'AuthToken は {min}～{max} 文字の印字可能な ASCII で、使える記号は {specials} のみです（`{group}`: {length} 文字）。',
      },
      characters: {
        en: 'AuthToken must be {min}–{max} printable ASCII characters; allowed specials are {specials}. (`{group}` contains {found}.)',
        ja: 'AuthToken は {min}～{max} 文字の印字可能な ASCII で、使える記号は {specials} のみです（`{group}` に {found} が含まれています）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const min = k.number('elasticache.redis-features', 'authToken', 'minLength');
    const max = k.number('elasticache.redis-features', 'authToken', 'maxLength');
    const specials = String(k.value('elasticache.redis-features', 'authToken', 'allowedSpecials'));
    const shownSpecials = specials.split('').join(' ');
    for (const group of template.ofType(REPLICATION_GROUP)) {
      const node = get(group.properties, 'AuthToken');
      const c = candidates(node, template);
      if (!node || !c) continue;
      const tokens = c.values.filter((v): v is string => typeof v === 'string' && !isDynamicReference(v));
      for (const token of tokens) {
        const path = [...group.path, 'Properties', 'AuthToken'];
        const downgrade = c.choice;
        if (token.length < min || token.length > max) {
          context.report({ path, messageId: 'length', data: { group: group.name, min, max, specials: shownSpecials, length: token.length }, downgrade });
          break;
        }
        const wrong = [...new Set([...token].filter((ch) => !/[A-Za-z0-9]/.test(ch) && !specials.includes(ch)))];
        if (wrong.length > 0) {
          const found = wrong.map((ch) => (ch === ' ' ? 'a space' : /[\x21-\x7e]/.test(ch) ? `"${ch}"` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join(', ');
          context.report({ path, messageId: 'characters', data: { group: group.name, min, max, specials: shownSpecials, found }, downgrade });
          break;
        }
      }
    }
  },
};

export default rule;
