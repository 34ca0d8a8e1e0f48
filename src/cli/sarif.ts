import { rules, type Finding } from '../engine';
import type { Lang } from '../engine/types';

export interface SarifFile {
  path: string;
  findings: Finding[];
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0: one run, every rule with its note as help, results with 1-based regions. */
export function toSarif(files: SarifFile[], lang: Lang, version: string): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'iac-notes',
          version,
          informationUri: 'https://github.com/iac-notes/iac-notes',
          rules: rules.map((rule) => ({
            id: rule.meta.id,
            shortDescription: { text: rule.meta.title[lang] },
            help: { text: `${rule.meta.title[lang]} (note: ${rule.meta.note})` },
            defaultConfiguration: { level: LEVEL[rule.meta.severity], enabled: rule.meta.enabledByDefault !== false },
            properties: { note: rule.meta.note },
          })),
        },
      },
      results: files.flatMap((file) => file.findings.map((f) => ({
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: file.path.replace(/\\/g, '/') },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        }],
        properties: { note: f.note },
      }))),
    }],
  };
}
