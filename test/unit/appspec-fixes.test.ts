import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function findings(text: string, fileName = 'appspec.yml') {
  return lintText(text, fileName).findings;
}

function fixed(text: string, ruleId: string, fileName = 'appspec.yml'): string {
  const finding = findings(text, fileName).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  return apply(text, finding.fixes[0].edits);
}

const lines = (eol: string, ...rows: string[]) => rows.join(eol);

const EC2_OUT_OF_ORDER = [
  'version: 0.0',
  'os: linux',
  'files:',
  '  - source: /',
  '    destination: /srv/app',
  'hooks:',
  '  ValidateService: # check it',
  '    - location: scripts/validate.sh',
  '      # give the app time to warm up',
  '      timeout: 120',
  '  ApplicationStart:',
  '    - location: scripts/start.sh',
  '      timeout: 60 # seconds',
  '  BeforeInstall:',
  '    - location: scripts/prepare.sh',
  '      timeout: 300',
  '',
];

const EC2_IN_ORDER = [
  'version: 0.0',
  'os: linux',
  'files:',
  '  - source: /',
  '    destination: /srv/app',
  'hooks:',
  '  BeforeInstall:',
  '    - location: scripts/prepare.sh',
  '      timeout: 300',
  '  ApplicationStart:',
  '    - location: scripts/start.sh',
  '      timeout: 60 # seconds',
  '  ValidateService: # check it',
  '    - location: scripts/validate.sh',
  '      # give the app time to warm up',
  '      timeout: 120',
  '',
];

const LAMBDA = (eol: string, ...hooks: string[]) => lines(eol,
  'version: 0.0',
  'Resources:',
  '  - OrdersFunction:',
  '      Type: AWS::Lambda::Function',
  '      Properties:',
  '        Name: orders',
  '        Alias: live',
  '        CurrentVersion: "1"',
  '        TargetVersion: "2"',
  'Hooks:',
  ...hooks,
  '',
);

describe('APPSPEC005 quick fix: reorder hooks into lifecycle order', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`moves whole EC2 hook entries, comments inside them included (${name})`, () => {
      const text = lines(eol, ...EC2_OUT_OF_ORDER);
      const finding = findings(text).find((f) => f.ruleId === 'APPSPEC005');
      assert.ok(finding);
      assert.strictEqual(finding.message, 'Hooks run in lifecycle order (BeforeInstall → ApplicationStart → ValidateService), not in file order. Reorder them for readability.');
      assert.strictEqual(finding.fixes[0].title.en, 'Reorder hooks into lifecycle order');
      assert.strictEqual(finding.fixes[0].preferred, true);
      const out = apply(text, finding.fixes[0].edits);
      assert.strictEqual(out, lines(eol, ...EC2_IN_ORDER));
      assert.deepStrictEqual(findings(out).map((f) => f.ruleId), []);
    });

    it(`moves Lambda list items, comments inside them included (${name})`, () => {
      const text = LAMBDA(eol,
        '  - AfterAllowTraffic:',
        '      # runs after the alias points at version 2',
        '      orders-post-traffic',
        '  - BeforeAllowTraffic: orders-pre-traffic # SNS notice before the shift',
      );
      assert.strictEqual(fixed(text, 'APPSPEC005'), LAMBDA(eol,
        '  - BeforeAllowTraffic: orders-pre-traffic # SNS notice before the shift',
        '  - AfterAllowTraffic:',
        '      # runs after the alias points at version 2',
        '      orders-post-traffic',
      ));
    });
  }

  it('reorders the ECS list and leaves an unknown hook in its place', () => {
    const ecs = (...hooks: string[]) => lines('\n',
      'version: 0.0',
      'Resources:',
      '  - TargetService:',
      '      Type: AWS::ECS::Service',
      '      Properties:',
      '        TaskDefinition: <TASK_DEFINITION>',
      '        LoadBalancerInfo:',
      '          ContainerName: web',
      '          ContainerPort: 80',
      'hooks:',
      ...hooks,
      '',
    );
    const text = ecs(
      '  - AfterAllowTraffic: web-after',
      '  - SmokeTest: web-smoke',
      '  - BeforeInstall: web-before-install',
      '  - AfterAllowTestTraffic: web-test',
    );
    const finding = findings(text).find((f) => f.ruleId === 'APPSPEC005');
    assert.ok(finding);
    assert.match(finding.message, /\(BeforeInstall → AfterAllowTestTraffic → AfterAllowTraffic\)/);
    assert.strictEqual(apply(text, finding.fixes[0].edits), ecs(
      '  - BeforeInstall: web-before-install',
      '  - SmokeTest: web-smoke',
      '  - AfterAllowTestTraffic: web-test',
      '  - AfterAllowTraffic: web-after',
    ));
  });

  it('reports JSON AppSpecs without a fix (moving JSON entries would need their commas moved)', () => {
    const json = JSON.stringify({
      version: 0.0,
      os: 'linux',
      hooks: { AfterInstall: [{ location: 'a.sh', timeout: 60 }], BeforeInstall: [{ location: 'b.sh', timeout: 60 }] },
    }, null, 2);
    const finding = findings(json, 'appspec.json').find((f) => f.ruleId === 'APPSPEC005');
    assert.ok(finding);
    assert.deepStrictEqual(finding.fixes, []);
  });

  it('says the order in Japanese too', () => {
    const finding = lintText(lines('\n', ...EC2_OUT_OF_ORDER), 'appspec.yml', { lang: 'ja' }).findings.find((f) => f.ruleId === 'APPSPEC005');
    assert.strictEqual(finding?.message, 'フックはファイルに書いた順ではなく、ライフサイクルの順序（BeforeInstall → ApplicationStart → ValidateService）で実行されます。読みやすさのため並べ替えてください。');
    assert.strictEqual(finding?.fixes[0].title.ja, 'フックをライフサイクルの順序に並べ替え');
  });
});

describe('APPSPEC002 quick fix: rename to the closest lifecycle event', () => {
  const ec2 = (hook: string, eol = '\n') => lines(eol,
    'version: 0.0',
    'os: linux',
    'hooks:',
    `  ${hook}:`,
    '    - location: scripts/configure.sh # configure',
    '      timeout: 60',
    '',
  );

  it('fixes a typo and says "did you mean"', () => {
    const finding = findings(ec2('AfterInstal')).find((f) => f.ruleId === 'APPSPEC002');
    assert.ok(finding);
    assert.match(finding.message, /^`AfterInstal` is not a CodeDeploy lifecycle event, so this hook never runs\. Did you mean `AfterInstall`\? Valid hooks for EC2\/On-Premises: `BeforeBlockTraffic`, /);
    assert.strictEqual(finding.fixes[0].title.en, 'Rename to AfterInstall');
    assert.strictEqual(apply(ec2('AfterInstal'), finding.fixes[0].edits), ec2('AfterInstall'));
  });

  it('fixes the case of a name, keeping quotes and CRLF', () => {
    assert.strictEqual(fixed(ec2('"afterinstall"', '\r\n'), 'APPSPEC002'), ec2('"AfterInstall"', '\r\n'));
  });

  it('offers no fix when nothing is close', () => {
    const finding = findings(ec2('CustomEvent')).find((f) => f.ruleId === 'APPSPEC002');
    assert.ok(finding);
    assert.deepStrictEqual(finding.fixes, []);
    assert.doesNotMatch(finding.message, /Did you mean/);
  });

  it('suggests Lambda events in a Lambda AppSpec', () => {
    const text = LAMBDA('\n', '  - BeforeAllowTraffics: orders-pre');
    const finding = findings(text).find((f) => f.ruleId === 'APPSPEC002');
    assert.match(finding?.message ?? '', /Did you mean `BeforeAllowTraffic`\? Valid hooks for AWS Lambda: `BeforeAllowTraffic`, `AfterAllowTraffic`\./);
    assert.strictEqual(fixed(text, 'APPSPEC002'), LAMBDA('\n', '  - BeforeAllowTraffic: orders-pre'));
  });
});

describe('AppSpec value fixes', () => {
  it('APPSPEC001 sets the version to 0.0', () => {
    const text = 'version: 1.0\nos: linux\n';
    assert.strictEqual(fixed(text, 'APPSPEC001'), 'version: 0.0\nos: linux\n');
  });

  it('APPSPEC010 corrects a near-miss os', () => {
    const text = 'version: 0.0\nos: Linux\nfiles:\n  - source: /\n    destination: /srv\n';
    assert.strictEqual(fixed(text, 'APPSPEC010'), 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\n');
  });

  it('APPSPEC006 clamps a timeout to the per-event maximum', () => {
    const text = 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 7200\n';
    assert.strictEqual(fixed(text, 'APPSPEC006'), 'version: 0.0\nos: linux\nhooks:\n  AfterInstall:\n    - location: a.sh\n      timeout: 3600\n');
  });
});
