import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function findings(text: string) {
  return lintText(text, 'buildspec.yml').findings;
}

function fixed(text: string, ruleId: string): string {
  const finding = findings(text).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  return apply(text, finding.fixes[0].edits);
}

const lines = (eol: string, ...rows: string[]) => rows.join(eol);

describe('BUILDSPEC004 quick fix: reorder phases into execution order', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`moves whole phases, comments inside them included (${name})`, () => {
      const text = lines(eol,
        'version: 0.2',
        '',
        'phases:',
        '  post_build: # publish',
        '    commands:',
        '      # push the image built above',
        '      - docker push $REPOSITORY_URI:$IMAGE_TAG',
        '  build:',
        '    commands:',
        '      - docker build -t $REPOSITORY_URI:$IMAGE_TAG . # tag with the commit',
        '  pre_build:',
        '    commands:',
        '      - export IMAGE_TAG=${CODEBUILD_RESOLVED_SOURCE_VERSION:0:7}',
        '',
        'artifacts:',
        '  files:',
        '    - imagedefinitions.json',
        '',
      );
      const finding = findings(text).find((f) => f.ruleId === 'BUILDSPEC004');
      assert.ok(finding);
      assert.strictEqual(finding.message, 'Phases always run install → pre_build → build → post_build, regardless of file order. A failure in an early phase skips the later ones (post_build still runs after a failed build). Reorder them for readability.');
      assert.strictEqual(finding.fixes[0].title.en, 'Reorder phases into execution order');
      assert.strictEqual(finding.fixes[0].preferred, true);
      const out = apply(text, finding.fixes[0].edits);
      assert.strictEqual(out, lines(eol,
        'version: 0.2',
        '',
        'phases:',
        '  pre_build:',
        '    commands:',
        '      - export IMAGE_TAG=${CODEBUILD_RESOLVED_SOURCE_VERSION:0:7}',
        '  build:',
        '    commands:',
        '      - docker build -t $REPOSITORY_URI:$IMAGE_TAG . # tag with the commit',
        '  post_build: # publish',
        '    commands:',
        '      # push the image built above',
        '      - docker push $REPOSITORY_URI:$IMAGE_TAG',
        '',
        'artifacts:',
        '  files:',
        '    - imagedefinitions.json',
        '',
      ));
      assert.deepStrictEqual(findings(out).map((f) => f.ruleId), []);
    });
  }

  it('keeps blank lines between phases where they were', () => {
    const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n\n  install:\n    commands:\n      - ./configure\n';
    assert.strictEqual(fixed(text, 'BUILDSPEC004'), 'version: 0.2\nphases:\n  install:\n    commands:\n      - ./configure\n\n  build:\n    commands:\n      - make\n');
  });

  it('leaves an unknown phase in its place', () => {
    const text = 'version: 0.2\nphases:\n  build:\n    commands: [make]\n  test:\n    commands: [make test]\n  install:\n    commands: [./configure]\n';
    assert.strictEqual(fixed(text, 'BUILDSPEC004'), 'version: 0.2\nphases:\n  install:\n    commands: [./configure]\n  test:\n    commands: [make test]\n  build:\n    commands: [make]\n');
  });
});

describe('BUILDSPEC002 quick fix: version 0.1 → 0.2', () => {
  it('rewrites a plain number', () => {
    assert.strictEqual(fixed('version: 0.1\nphases:\n  build:\n    commands:\n      - make\n', 'BUILDSPEC002'), 'version: 0.2\nphases:\n  build:\n    commands:\n      - make\n');
  });

  it('keeps quotes and CRLF line endings', () => {
    const text = "version: '0.1' # old\r\nphases:\r\n  build:\r\n    commands:\r\n      - make\r\n";
    assert.strictEqual(fixed(text, 'BUILDSPEC002'), "version: '0.2' # old\r\nphases:\r\n  build:\r\n    commands:\r\n      - make\r\n");
  });

  it('says why in both languages', () => {
    const finding = lintText('version: 0.1\nphases:\n  build:\n    commands: [make]\n', 'buildspec.yml', { lang: 'both' }).findings.find((f) => f.ruleId === 'BUILDSPEC002');
    assert.strictEqual(finding?.severity, 'warning');
    assert.strictEqual(finding?.messages.en, 'Version 0.1 runs every command in a separate shell (no shared `cd` or variables). Use 0.2.');
    assert.match(finding?.messages.ja ?? '', /^version 0\.1 ではコマンドごとに別のシェルで実行される/);
  });
});

describe('BUILDSPEC003 quick fix: rename a near-miss phase', () => {
  it('renames prebuild to pre_build', () => {
    const text = 'version: 0.2\nphases:\n  prebuild:\n    commands:\n      - npm ci\n  build:\n    commands:\n      - npm run build\n';
    const finding = findings(text).find((f) => f.ruleId === 'BUILDSPEC003');
    assert.strictEqual(finding?.message, 'Unknown phase `prebuild` (did you mean `pre_build`?). Phases are install → pre_build → build → post_build.');
    assert.strictEqual(fixed(text, 'BUILDSPEC003'), text.replace('prebuild', 'pre_build'));
  });

  it('renames post-build to post_build', () => {
    const text = 'version: 0.2\nphases:\n  build:\n    commands: [make]\n  post-build:\n    commands: [make upload]\n';
    assert.strictEqual(fixed(text, 'BUILDSPEC003'), text.replace('post-build', 'post_build'));
  });
});
