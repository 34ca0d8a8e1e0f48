import type { Knowledge, NoteEntry } from './knowledge';
import type { RuleMeta } from './rules/types';
import type { Bilingual, Lang } from './types';

/** What surrounds a note: the rules that cite it and its related notes, both ways. */
export interface NoteContext {
  ruleIds: string[];
  relatedTitles: Array<{ id: string; title: Bilingual }>;
}

export function noteContext(entry: NoteEntry, knowledge: Knowledge, rules: ReadonlyArray<{ meta: RuleMeta }>): NoteContext {
  const ruleIds = rules.filter((r) => knowledge.get(r.meta.note) === entry).map((r) => r.meta.id);
  const related: NoteEntry[] = [];
  for (const id of entry.related ?? []) {
    const other = knowledge.get(id);
    if (other && other !== entry) related.push(other);
  }
  // A note that lists this one as related is related to it too.
  for (const other of knowledge.entries) {
    if (other === entry) continue;
    if ((other.related ?? []).some((id) => knowledge.get(id) === entry)) related.push(other);
  }
  return { ruleIds, relatedTitles: [...new Set(related)].map((e) => ({ id: e.id, title: e.title })) };
}

const WORDS = {
  type: { en: 'resource type', ja: 'リソースタイプ' },
  property: { en: 'property', ja: 'プロパティ' },
  value: { en: 'value', ja: '値' },
  globals: { en: 'SAM Globals', ja: 'SAM Globals' },
  buildspec: { en: 'buildspec key', ja: 'buildspec のキー' },
  appspec: { en: 'appspec key', ja: 'appspec のキー' },
  fn: { en: 'intrinsic function', ja: '組み込み関数' },
  pseudo: { en: 'pseudo parameter', ja: '疑似パラメータ' },
  file: { en: 'first key of every', ja: '先頭キー:' },
  eb: { en: 'Elastic Beanstalk option', ja: 'Elastic Beanstalk オプション' },
  cw: { en: 'CloudWatch alarm metric', ja: 'CloudWatch アラームのメトリクス' },
  lookup: { en: 'Look Up Note… only', ja: '「ノートを検索」のみ' },
} as const;

/** One attach string of an entry, in words: "property `VisibilityTimeout` of `AWS::SQS::Queue`". */
export function describeAttach(attach: string, lang: Lang): string {
  if (attach === 'lookup-only') return WORDS.lookup[lang];
  const prefixed = /^(file|fn|pseudo|buildspec|appspec|eb|cw):(.*)$/.exec(attach);
  if (prefixed) {
    const [, prefix, rest] = prefixed;
    if (prefix === 'file') return lang === 'ja' ? `${rest} ファイルの先頭キー` : `first key of every ${rest} file`;
    if (prefix === 'eb') {
      const [option, value] = rest.split('=');
      return `${WORDS.eb[lang]} \`${option}\`${value ? ` = \`${value}\`` : ''}`;
    }
    return `${WORDS[prefix as 'fn' | 'pseudo' | 'buildspec' | 'appspec' | 'cw'][lang]} \`${rest}\``;
  }
  if (attach.startsWith('Globals.')) return `${WORDS.globals[lang]} \`${attach.slice('Globals.'.length)}\``;
  const match = /^([A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+)(?:\.([^=]*))?(?:=(.*))?$/.exec(attach);
  if (!match) return `\`${attach}\``;
  const [, type, path, value] = match;
  if (!path) return `${WORDS.type[lang]} \`${type}\``;
  const where = lang === 'ja' ? `\`${type}\` の${WORDS.property.ja} \`${path}\`` : `${WORDS.property.en} \`${path}\` of \`${type}\``;
  return value === undefined ? where : `${where} = \`${value}\``;
}
