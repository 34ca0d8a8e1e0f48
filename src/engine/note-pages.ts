import type { Knowledge, NoteEntry } from './knowledge';
import { noteContext } from './note-context';
import { escapeMarkdown, renderNotePage } from './render';
import type { RuleMeta } from './rules/types';

/**
 * The notes as Markdown pages, one per service (`docs/notes/<service>.md`) plus an index, so they
 * can be read outside the editor. `npm run docs` writes them; a test keeps them in sync.
 */
export function notePages(knowledge: Knowledge, rules: ReadonlyArray<{ meta: RuleMeta }>): Map<string, string> {
  const byService = new Map<string, NoteEntry[]>();
  for (const entry of knowledge.entries) {
    const list = byService.get(entry.service) ?? [];
    list.push(entry);
    byService.set(entry.service, list);
  }
  const services = [...byService.keys()].sort();
  const pages = new Map<string, string>();
  const link = (id: string) => `${knowledge.require(id).service}.md`;
  const index = [
    '# IaC Notes — the notes, by service',
    '',
    'Generated from `knowledge/` by `npm run docs`; do not edit by hand. Each note is shown in Japanese (the team\'s own words) and in English, with the 2026 correction where the original note is out of date.',
    '',
    '| Service | Notes | Rules that cite them |',
    '|---|---|---|',
  ];
  for (const service of services) {
    const entries = byService.get(service)!.sort((a, b) => a.id.localeCompare(b.id));
    const ruleCount = rules.filter((r) => entries.some((e) => knowledge.get(r.meta.note) === e)).length;
    index.push(`| [${service}](${service}.md) | ${entries.length} | ${ruleCount} |`);
    const body = [
      `# ${service} — ${entries.length} note${entries.length === 1 ? '' : 's'}`,
      '',
      'Generated from `knowledge/` by `npm run docs`; do not edit by hand. [All services](README.md)',
      '',
      entries.map((e) => `- ${escapeMarkdown(e.title.ja)} / ${escapeMarkdown(e.title.en)} (\`${e.id}\`)`).join('\n'),
    ];
    for (const entry of entries) {
      body.push('', '---', '', renderNotePage(entry, 'both', noteContext(entry, knowledge, rules), { level: 2, openNoteLink: link }));
    }
    pages.set(`${service}.md`, `${body.join('\n')}\n`);
  }
  pages.set('README.md', `${index.join('\n')}\n`);
  return pages;
}
