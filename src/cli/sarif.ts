import * as path from 'path';
import { getKnowledge, listedRules, PARSE_ERROR_ID, type Finding } from '../engine';
import type { Lang } from '../engine/types';

export interface SarifFile {
  path: string;
  findings: Finding[];
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A descriptor for syntax errors, which come from the parser rather than a rule. */
const PARSE_DESCRIPTOR = {
  id: PARSE_ERROR_ID,
  name: 'SyntaxError',
  shortDescription: { text: 'YAML or JSON syntax error' },
  fullDescription: { text: 'The file could not be parsed, so no rule ran on it.' },
  defaultConfiguration: { level: 'error' },
};

/** A file path as a SARIF artifact URI relative to the working directory (GitHub wants repo-relative). */
function artifactUri(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) : file;
  const posix = relative.split(path.sep).join('/').replace(/\\/g, '/');
  return posix.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** Each rule (workspace checks too) with its note as help text (summary, the note itself, the correction) and the note's AWS page. */
function ruleDescriptors(lang: Lang) {
  const knowledge = getKnowledge();
  return listedRules.map((rule) => {
    const note = knowledge.require(rule.meta.note);
    const correction = note.correction ? `\n\n**${lang === 'ja' ? '訂正（2026年時点）' : 'Correction (2026)'}** (${note.correction.fc}): ${note.correction[lang]}` : '';
    const markdown = `**${note.title[lang]}** — ${note.summary[lang]}\n\n${note.body[lang]}${correction}`;
    return {
      id: rule.meta.id,
      name: rule.meta.title.en.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: rule.meta.title[lang] },
      fullDescription: { text: note.summary[lang] },
      help: { text: `${note.title[lang]}: ${note.summary[lang]} (${note.docs[0].url})`, markdown },
      helpUri: note.docs[0].url,
      defaultConfiguration: { level: LEVEL[rule.meta.severity], enabled: rule.meta.enabledByDefault !== false },
      properties: { note: note.id, tags: [...rule.meta.kinds] },
    };
  });
}

/**
 * SARIF 2.1.0 for CI and GitHub code scanning: one run, every rule with its note as help and the
 * note's AWS page as help URI, results with 1-based regions (columns in UTF-16 code units, SARIF's
 * default) and repo-relative artifact URIs. A test validates the output against the SARIF schema.
 */
export function toSarif(files: SarifFile[], lang: Lang, version: string, cwd = process.cwd()): object {
  const descriptors = [...ruleDescriptors(lang), PARSE_DESCRIPTOR];
  const indexOf = new Map(descriptors.map((d, i) => [d.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'iac-notes',
          version,
          semanticVersion: version,
          informationUri: 'https://github.com/iac-notes/iac-notes',
          rules: descriptors,
        },
      },
      columnKind: 'utf16CodeUnits',
      results: files.flatMap((file) => file.findings.map((f) => ({
        ruleId: f.ruleId,
        ...(indexOf.has(f.ruleId) ? { ruleIndex: indexOf.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: artifactUri(file.path, cwd) },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: Math.max(f.range.end.character + 1, 1),
            },
          },
        }],
        properties: { note: f.note },
      }))),
    }],
  };
}
