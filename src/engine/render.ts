import type { NoteEntry } from './knowledge';
import type { DisplayLang, Lang } from './types';
import { describeAttach, type NoteContext } from './note-context';

/** How the caller wants links: the editor passes its command URI builder; the CLI has none. */
export interface LinkOptions {
  /** Builds the link that opens a note (e.g. `command:iacNotes.openNote?…`); omitted → no link. */
  openNoteLink?: (id: string) => string;
}

const STATUS_LABEL: Record<string, { en: string; ja: string }> = {
  outdated: { en: 'outdated', ja: '情報が古い' },
  'partly-outdated': { en: 'partly outdated', ja: '一部古い' },
  incomplete: { en: 'incomplete', ja: '不完全' },
  imprecise: { en: 'imprecise', ja: '不正確' },
  dated: { en: 'dated', ja: '名称・推奨が変化' },
  wrong: { en: 'wrong', ja: '誤り' },
  retired: { en: 'retired service', ja: '提供終了' },
  typo: { en: 'typo', ja: '誤字' },
};

const WORDS = {
  correction: { en: 'Correction (2026)', ja: '訂正（2026年時点）' },
  docs: { en: 'AWS docs', ja: 'AWS ドキュメント' },
  openNote: { en: 'Open note', ja: 'ノートを開く' },
  source: { en: 'source', ja: '出典' },
  yourNote: { en: 'From your notes', ja: 'ノートより' },
  verified: { en: 'Verified', ja: '確認日' },
  sources: { en: 'Where the note comes from', ja: 'ノートの出典' },
  covers: { en: 'Facts covered', ja: '含まれる事項' },
  related: { en: 'Related notes', ja: '関連ノート' },
  rules: { en: 'Rules that cite this note', ja: 'このノートを引用するルール' },
  attach: { en: 'Where it applies', ja: '表示される場所' },
  more: { en: 'Also about this', ja: 'ほかの関連ノート' },
} as const;

/**
 * A hover shows at most this many notes in full summary (most specific first); the rest are one
 * line of links, so a busy property never turns into a wall of text.
 */
const MAX_HOVER_NOTES = 3;

export function langsOf(lang: DisplayLang): Lang[] {
  return lang === 'both' ? ['ja', 'en'] : [lang];
}

/** Escapes text that goes into Markdown as plain words (titles, rule messages). */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>|])/g, '\\$1');
}

function statusBadge(entry: NoteEntry, lang: Lang): string {
  const label = STATUS_LABEL[entry.status];
  return label ? ` · ⚠️ ${label[lang]}` : '';
}

function correctionBlock(entry: NoteEntry, lang: Lang): string {
  const c = entry.correction;
  if (!c) return '';
  return `> **${WORDS.correction[lang]} · ${c.fc} · ${c.verdict}**: ${c[lang]} ([${WORDS.source[lang]}](${c.source.url}))`;
}

function linksLine(entry: NoteEntry, lang: Lang, options: LinkOptions): string {
  const parts = [`[${WORDS.docs[lang]}](${entry.docs[0].url})`];
  if (options.openNoteLink) parts.push(`[${WORDS.openNote[lang]}](${options.openNoteLink(entry.id)})`);
  return parts.join(' · ');
}

/**
 * A note as a hover shows it. With one note: title, the note itself, the correction where the
 * note is outdated, links. With several: each note's title and summary only, so the hover stays
 * short, up to MAX_HOVER_NOTES of them and the others as links; the details are one click away
 * ("Open note").
 */
export function renderHoverNotes(entries: NoteEntry[], lang: DisplayLang, options: LinkOptions = {}): string {
  const shown = entries.slice(0, MAX_HOVER_NOTES);
  const more = entries.slice(MAX_HOVER_NOTES);
  const blocks: string[] = [];
  for (const l of langsOf(lang)) {
    const parts: string[] = [];
    for (const entry of shown) {
      const head = `**${escapeMarkdown(entry.title[l])}**${statusBadge(entry, l)}`;
      const text = entries.length === 1 ? entry.body[l] : entry.summary[l];
      parts.push([head, text, correctionBlock(entry, l), linksLine(entry, l, options)].filter(Boolean).join('\n\n'));
    }
    if (more.length) {
      const titles = more.map((e) => (options.openNoteLink ? `[${escapeMarkdown(e.title[l])}](${options.openNoteLink(e.id)})` : `${escapeMarkdown(e.title[l])} (\`${e.id}\`)`));
      parts.push(`${WORDS.more[l]}: ${titles.join(' · ')}`);
    }
    blocks.push(parts.join('\n\n---\n\n'));
  }
  return blocks.join('\n\n---\n\n');
}

export type NotePageContext = NoteContext;

/** The whole note, as "Open note" and the lookup show it. */
export function renderNotePage(entry: NoteEntry, lang: DisplayLang, context: NotePageContext, options: LinkOptions & { level?: number } = {}): string {
  const sections: string[] = [];
  const h1 = '#'.repeat(options.level ?? 1);
  const h2 = `${h1}#`;
  for (const l of langsOf(lang)) {
    const lines: string[] = [];
    lines.push(`${h1} ${escapeMarkdown(entry.title[l])}`);
    lines.push(`*${escapeMarkdown(entry.summary[l])}*${statusBadge(entry, l)}`);
    lines.push(entry.body[l]);
    const correction = correctionBlock(entry, l);
    if (correction) lines.push(correction);
    lines.push(`${h2} ${WORDS.sources[l]}`);
    lines.push(entry.sources.map((s) => `- \`${s.seed}:L${s.lines}\` ${escapeMarkdown(s.heading)}`).join('\n'));
    if (entry.attach.length) {
      lines.push(`${h2} ${WORDS.attach[l]}`);
      lines.push(entry.attach.map((a) => `- ${describeAttach(a, l)}`).join('\n'));
    }
    if (context.ruleIds.length) {
      lines.push(`${h2} ${WORDS.rules[l]}`);
      lines.push(context.ruleIds.map((id) => `- ${id}`).join('\n'));
    }
    if (context.relatedTitles.length) {
      lines.push(`${h2} ${WORDS.related[l]}`);
      lines.push(context.relatedTitles.map((r) => (options.openNoteLink
        ? `- [${escapeMarkdown(r.title[l])}](${options.openNoteLink(r.id)})`
        : `- ${escapeMarkdown(r.title[l])} (\`${r.id}\`)`)).join('\n'));
    }
    lines.push(`${h2} ${WORDS.docs[l]}`);
    lines.push(entry.docs.map((d) => `- [${escapeMarkdown(d.title)}](${d.url})`).join('\n'));
    lines.push(`${WORDS.covers[l]}: ${entry.covers.map((c) => `\`${c}\``).join(', ')} · ${WORDS.verified[l]}: ${entry.verified.date}`);
    sections.push(lines.join('\n\n'));
  }
  return sections.join('\n\n---\n\n');
}
