/**
 * Findings land on the right line (issue 8): every finding of every rule fixture stays on the
 * same line and column when the file's line endings become CRLF or CR, when it starts with a
 * byte-order mark, and when trailing spaces or tabs are added at the ends of its lines. The fixtures'
 * own `# expect` lines pin the LF positions (rule-fixtures.test.ts).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText, parse } from '../../../src/engine';
import { ALL_RULES_ON, fixtureFiles, lintNameOf } from './harness';

function positions(text: string, fileName: string): string[] {
  return lintText(text, fileName, { rules: ALL_RULES_ON }).findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`);
}

describe('hostile input: findings stay on their lines', () => {
  const fixtures = fixtureFiles().filter((f) => /\/bad-[^/]*$/.test(f.replace(/\\/g, '/')));

  it('has bad fixtures to check', () => assert.ok(fixtures.length > 10));

  for (const variant of ['CRLF', 'CR', 'BOM', 'trailing blanks'] as const) {
    it(`${variant}: every bad fixture gives the same positions as with LF`, () => {
      for (const file of fixtures) {
        const text = fs.readFileSync(file, 'utf8');
        const name = lintNameOf(file);
        const expected = positions(text, name);
        let changed: string;
        if (variant === 'CRLF') changed = text.replace(/\r?\n/g, '\r\n');
        else if (variant === 'CR') changed = text.replace(/\r?\n/g, '\r');
        else if (variant === 'BOM') changed = `\ufeff${text}`;
        else changed = parse(text, name).format === 'json' ? text.replace(/\r?\n/g, ' \t\n') : text.replace(/([^\s|>])(\r?\n)/g, '$1 \t$2');
        const actual = positions(changed, name);
        if (variant === 'trailing blanks') {
          // Blanks may lengthen a span that ended at a line's end; starts never move.
          assert.deepStrictEqual(actual.map((p) => p.replace(/-.*/, '')), expected.map((p) => p.replace(/-.*/, '')), `${path.relative(process.cwd(), file)} (${variant})`);
        } else {
          assert.deepStrictEqual(actual, expected, `${path.relative(process.cwd(), file)} (${variant})`);
        }
      }
    });
  }

  it('a CR-only file puts a finding on the line VS Code shows', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\rResources:\r  Q:\r    Type: AWS::SQS::Queue\r    Properties:\r      VisibilityTimeout: 99999\r';
    const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'SQS001');
    assert.deepStrictEqual(finding?.range.start, { line: 5, character: 25 });
  });

  it('a syntax error is reported on its line, not at the top', () => {
    const text = 'AWSTemplateFormatVersion: "2010-09-09"\r\nResources:\r\n  Q:\r\n    Type: AWS::SQS::Queue\r\n    Properties:\r\n      VisibilityTimeout: [1, 2\r\n';
    const finding = lintText(text, 'template.yaml').findings[0];
    assert.strictEqual(finding.ruleId, 'PARSE');
    assert.ok(finding.range.start.line >= 5, `PARSE at line ${finding.range.start.line}`);
  });
});
