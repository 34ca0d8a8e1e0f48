import * as assert from 'assert';
import { lintText, type Finding } from '../../src/engine/lint';
import { parse } from '../../src/engine/parse';
import { hover } from '../../src/engine/hover';
import { embeddedBuildspecs } from '../../src/engine/embedded';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** A template whose project's `Source.BuildSpec` is `buildSpec` (lines, already indented for `BuildSpec:`). */
function template(eol: string, ...buildSpec: string[]): string {
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Build:',
    '    Type: AWS::CodeBuild::Project',
    '    Properties:',
    '      ServiceRole: arn:aws:iam::123456789012:role/build',
    '      Artifacts: { Type: NO_ARTIFACTS }',
    '      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: "aws/codebuild/standard:7.0" }',
    '      Source:',
    '        Type: NO_SOURCE',
    ...buildSpec,
    '',
  ].join(eol);
}

/** The finding of `ruleId` must cover exactly the `nth` occurrence of `token` after `BuildSpec` in the template. */
function assertLandsOn(text: string, findings: Finding[], ruleId: string, token: string, nth = 0): void {
  const finding = findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected; got ${findings.map((f) => f.ruleId).join(', ') || 'nothing'}`);
  let at = text.indexOf('BuildSpec');
  for (let i = 0; i <= nth; i++) at = text.indexOf(token, at + 1);
  assert.ok(at > 0, `token ${token} not in the template`);
  assert.deepStrictEqual([finding.start, finding.end], [at, at + token.length], `${ruleId} should cover "${token}" at ${at}: got "${text.slice(finding.start, finding.end)}"`);
  const lines = text.split(/\r\n|\r|\n/);
  assert.strictEqual(lines[finding.range.start.line].slice(finding.range.start.character, finding.range.end.character), token);
}

const STYLES: Record<string, string[]> = {
  'literal block (|)': [
    '        BuildSpec: |',
    '          version: 0.1',
    '          phases:',
    '            prebuild:',
    '              commands:',
    '                - echo hi',
  ],
  'literal block with chomping and indentation indicators (|2-)': [
    '        BuildSpec: |2-',
    '            version: 0.1',
    '            phases:',
    '              prebuild:',
    '                commands: [echo hi]',
  ],
  'folded block (>)': [
    '        BuildSpec: >',
    '          version: 0.1',
    '',
    '          phases:',
    '            prebuild:',
    '              commands:',
    '                - echo hi',
  ],
  'double-quoted string': [
    '        BuildSpec: "version: 0.1\\nphases:\\n  prebuild:\\n    commands:\\n      - \\"echo hi\\"\\n"',
  ],
  'double-quoted string over several lines': [
    '        BuildSpec: "version: 0.1\\n\\',
    '          phases:\\n  prebuild:\\n    commands:\\n\\',
    '          \\      - echo hi"',
  ],
  'single-quoted string': [
    "        BuildSpec: 'version: 0.1",
    '',
    "          phases: {prebuild: {commands: [''echo hi'']}}'",
  ],
  '!Sub block': [
    '        BuildSpec: !Sub |',
    '          version: 0.1',
    '          phases:',
    '            prebuild:',
    '              commands:',
    '                - echo ${AWS::Region}',
  ],
  'Fn::Sub with variables': [
    '        BuildSpec:',
    '          Fn::Sub:',
    '            - |',
    '              version: 0.1',
    '              phases:',
    '                prebuild:',
    "                  commands: ['echo ${Stage}']",
    '            - Stage: prod',
  ],
  'Fn::Join of lines': [
    '        BuildSpec: !Join',
    '          - "\\n"',
    '          - - "version: 0.1"',
    '            - "phases:"',
    '            - "  prebuild:"',
    '            - "    commands: [echo hi]"',
  ],
};

describe('inline buildspecs (AWS::CodeBuild::Project Source.BuildSpec)', () => {
  for (const [style, lines] of Object.entries(STYLES)) {
    for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
      it(`${style} (${name}): findings land on the template's own line and column`, () => {
        const text = template(eol, ...lines);
        const result = lintText(text, 'template.yaml');
        assert.strictEqual(result.kind, 'cloudformation');
        assertLandsOn(text, result.findings, 'BUILDSPEC002', '0.1');
        assertLandsOn(text, result.findings, 'BUILDSPEC003', 'prebuild');
        for (const f of result.findings) assert.deepStrictEqual(f.path.slice(0, 5), ['Resources', 'Build', 'Properties', 'Source', 'BuildSpec']);
      });
    }
  }

  it('reads a JSON template string with escapes', () => {
    const text = JSON.stringify({
      Resources: {
        Build: {
          Type: 'AWS::CodeBuild::Project',
          Properties: { Source: { Type: 'NO_SOURCE', BuildSpec: 'version: 0.1\nphases:\n  prebuild:\n    commands:\n      - "echo \\"tab\\there\\""\n' } },
        },
      },
    }, null, 2);
    const result = lintText(text, 'template.json');
    assertLandsOn(text, result.findings, 'BUILDSPEC002', '0.1');
    assertLandsOn(text, result.findings, 'BUILDSPEC003', 'prebuild');
  });

  it('leaves a BuildSpec that names a file alone', () => {
    for (const value of ['buildspec.yml', 'ci/buildspec-release.yml', 'arn:aws:s3:::bucket/buildspec.yml']) {
      const text = template('\n', `        BuildSpec: ${value}`);
      assert.deepStrictEqual(embeddedBuildspecs(parse(text, 'template.yaml')), []);
      assert.deepStrictEqual(lintText(text, 'template.yaml').findings.map((f) => f.ruleId), []);
    }
  });

  it('reports a YAML error in the inline buildspec, naming the project', () => {
    const text = template('\n', '        BuildSpec: |', '          version: 0.2', '          phases: [', '            build');
    const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'PARSE');
    assert.ok(finding);
    assert.match(finding.message, /^Inline buildspec of Build: YAML syntax error/);
    assert.ok(finding.range.start.line >= 11);
  });

  it('honours suppressions in the buildspec and in the resource Metadata', () => {
    const inner = template('\n', '        BuildSpec: |', '          # iac-notes-disable-next-line BUILDSPEC002', '          version: 0.1', '          phases:', '            build:', '              commands: [make]');
    assert.deepStrictEqual(lintText(inner, 'template.yaml').findings.map((f) => f.ruleId), []);
    const metadata = template('\n', '        BuildSpec: |', '          version: 0.1', '          phases:', '            build:', '              commands: [make]')
      .replace('    Type: AWS::CodeBuild::Project', '    Type: AWS::CodeBuild::Project\n    Metadata:\n      iac-notes:\n        ignore: [BUILDSPEC002]');
    assert.deepStrictEqual(lintText(metadata, 'template.yaml').findings.map((f) => f.ruleId), []);
  });

  describe('quick fixes are written back in the string\'s own style', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['literal block', ['        BuildSpec: |', '          version: 0.1', '          phases:', '            build:', '              commands: [make]'], /BuildSpec: \|\r?\n {10}version: 0\.2\r?\n/],
      ['double-quoted', ['        BuildSpec: "version: 0.1\\nphases:\\n  build:\\n    commands: [make]\\n"'], /BuildSpec: "version: 0\.2\\nphases/],
      ['!Sub block', ['        BuildSpec: !Sub |', '          version: "0.1"', '          phases:', '            build:', '              commands: [make]'], /version: "0\.2"/],
    ];
    for (const [style, lines, expected] of cases) {
      for (const eol of ['\n', '\r\n']) {
        it(`BUILDSPEC002 version 0.1 → 0.2 in a ${style} (${eol === '\n' ? 'LF' : 'CRLF'})`, () => {
          const text = template(eol, ...lines);
          const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'BUILDSPEC002');
          assert.ok(finding?.fixes[0], 'a fix is offered');
          const out = apply(text, finding.fixes[0].edits);
          assert.match(out, expected);
          assert.deepStrictEqual(lintText(out, 'template.yaml').findings.map((f) => f.ruleId), []);
        });
      }
    }

    it('reorders the phases of a literal block, keeping its indentation (CRLF)', () => {
      const text = template('\r\n', '        BuildSpec: |', '          version: 0.2', '          phases:', '            build:', '              commands: [make]', '            install:', '              commands: [npm ci]');
      const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'BUILDSPEC004');
      assert.ok(finding?.fixes[0]);
      const out = apply(text, finding.fixes[0].edits);
      assert.strictEqual(out, template('\r\n', '        BuildSpec: |', '          version: 0.2', '          phases:', '            install:', '              commands: [npm ci]', '            build:', '              commands: [make]'));
    });

    it('moves a plain-text secret into parameter-store inside a literal block', () => {
      const text = template('\n', '        BuildSpec: |', '          version: 0.2', '          env:', '            variables:', '              DB_PASSWORD: hunter2', '          phases:', '            build:', '              commands: [make]');
      const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'BUILDSPEC007');
      assert.ok(finding?.fixes[0]);
      const out = apply(text, finding.fixes[0].edits);
      assert.strictEqual(out, template('\n', '        BuildSpec: |', '          version: 0.2', '          env:', '            parameter-store:', '              DB_PASSWORD: /change-me/db-password', '          phases:', '            build:', '              commands: [make]'));
    });

    it('drops a fix it cannot write back exactly (a folded block)', () => {
      const text = template('\n', '        BuildSpec: >', '          version: 0.1', '', '          phases:', '            build:', '              commands: [make]');
      const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'BUILDSPEC002');
      assert.ok(finding);
      for (const fix of finding.fixes) {
        const out = apply(text, fix.edits);
        assert.ok(!lintText(out, 'template.yaml').findings.some((f) => f.ruleId === 'BUILDSPEC002'), 'a fix that is offered must work');
      }
    });
  });

  describe('hover', () => {
    for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
      it(`explains buildspec keys in place, with the template's range (${name})`, () => {
        const text = template(eol, '        BuildSpec: |', '          version: 0.2', '          phases:', '            pre_build:', '              commands: [make]');
        const doc = parse(text, 'template.yaml');
        const offset = text.indexOf('pre_build') + 2;
        const result = hover(doc, offset, { lang: 'en' });
        assert.ok(result, 'a hover');
        assert.strictEqual(result.kind, 'buildspec');
        assert.deepStrictEqual(result.path, ['phases', 'pre_build']);
        assert.strictEqual(text.slice(result.start, result.end), 'pre_build');
        assert.match(result.markdown, /install.*→.*\*\*`pre_build`\*\*/);
        assert.ok(result.notes.includes('codebuild.buildspec'));
      });
    }

    it('explains keys of a JSON-string buildspec', () => {
      const text = JSON.stringify({ Resources: { B: { Type: 'AWS::CodeBuild::Project', Properties: { Source: { Type: 'NO_SOURCE', BuildSpec: 'version: 0.2\nenv:\n  parameter-store:\n    A: /a\nphases:\n  build:\n    commands: [make]\n' } } } } }, null, 2);
      const offset = text.indexOf('parameter-store') + 3;
      const result = hover(parse(text, 'template.json'), offset, { lang: 'ja' });
      assert.ok(result);
      assert.deepStrictEqual(result.path, ['env', 'parameter-store']);
      assert.strictEqual(text.slice(result.start, result.end), 'parameter-store');
      assert.match(result.markdown, /パラメータストア/);
    });

    it('still shows the template note on the BuildSpec key itself', () => {
      const text = template('\n', '        BuildSpec: |', '          version: 0.2', '          phases:', '            build:', '              commands: [make]');
      const result = hover(parse(text, 'template.yaml'), text.indexOf('BuildSpec') + 1, { lang: 'en' });
      assert.ok(result);
      assert.strictEqual(result.kind, 'cloudformation');
      assert.ok(result.notes.includes('codebuild.buildspec'));
    });
  });
});
