import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import { hover } from '../../src/engine/hover';
import { parse } from '../../src/engine/parse';
import { detectKind } from '../../src/engine/detect';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixOf(text: string, fileName: string, ruleId: string) {
  const finding = lintText(text, fileName).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  return finding.fixes[0];
}

const lines = (eol: string, ...rows: string[]) => rows.join(eol);

describe('BUILDSPEC007 quick fix: move a plain-text secret to env.parameter-store', () => {
  for (const [name, eol] of [['LF', '\n'], ['CRLF', '\r\n']] as const) {
    it(`creates parameter-store before variables and keeps the other variables (${name})`, () => {
      const text = lines(eol,
        'version: 0.2',
        'env:',
        '  variables:',
        '    STAGE: prod',
        '    DB_PASSWORD: "hunter2" # from the wiki',
        '    REGION: us-east-1',
        'phases:',
        '  build:',
        '    commands: [make]',
        '');
      const fix = fixOf(text, 'buildspec.yml', 'BUILDSPEC007');
      assert.match(fix.title.en, /^Move DB_PASSWORD to env\.parameter-store/);
      const out = apply(text, fix.edits);
      assert.strictEqual(out, lines(eol,
        'version: 0.2',
        'env:',
        '  parameter-store:',
        '    DB_PASSWORD: /change-me/db-password',
        '  variables:',
        '    STAGE: prod',
        '    REGION: us-east-1',
        'phases:',
        '  build:',
        '    commands: [make]',
        ''));
      assert.deepStrictEqual(lintText(out, 'buildspec.yml').findings.map((f) => f.ruleId), []);
    });
  }

  it('adds to an existing parameter-store and drops variables when it was the only entry', () => {
    const text = lines('\n',
      'version: 0.2',
      'env:',
      '    parameter-store:',
      '        NPM_TOKEN: /ci/npm-token',
      '    variables:',
      '        API_KEY: abc123',
      'phases:',
      '  build:',
      '    commands: [make]');
    const out = apply(text, fixOf(text, 'buildspec.yml', 'BUILDSPEC007').edits);
    assert.strictEqual(out, lines('\n',
      'version: 0.2',
      'env:',
      '    parameter-store:',
      '        NPM_TOKEN: /ci/npm-token',
      '        API_KEY: /change-me/api-key',
      'phases:',
      '  build:',
      '    commands: [make]'));
    assert.deepStrictEqual(lintText(out, 'buildspec.yml').findings.map((f) => f.ruleId), []);
  });

  it('replaces a lone variables section with parameter-store', () => {
    const text = 'version: 0.2\nenv:\n  variables:\n    GITHUB_TOKEN: ghp_abcdef0123456789\nphases:\n  build:\n    commands: [make]\n';
    assert.strictEqual(apply(text, fixOf(text, 'buildspec.yml', 'BUILDSPEC007').edits),
      'version: 0.2\nenv:\n  parameter-store:\n    GITHUB_TOKEN: /change-me/github-token\nphases:\n  build:\n    commands: [make]\n');
  });

  it('offers no fix for flow-style env maps', () => {
    const finding = lintText('version: 0.2\nenv: {variables: {DB_PASSWORD: x1}}\nphases: {build: {commands: [make]}}\n', 'buildspec.yml').findings.find((f) => f.ruleId === 'BUILDSPEC007');
    assert.ok(finding);
    assert.deepStrictEqual(finding.fixes, []);
  });
});

describe('APPSPEC001: a quoted "0.0" on EC2/On-Premises', () => {
  it('is rejected by the agent: reported with a fix that writes the number', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = lines(eol, 'version: "0.0"', 'os: linux', 'files:', '  - source: /', '    destination: /srv/app', '');
      const finding = lintText(text, 'appspec.yml').findings.find((f) => f.ruleId === 'APPSPEC001');
      assert.ok(finding);
      assert.match(finding.message, /compares `version` with the number 0\.0, so the string `"0\.0"` is rejected/);
      assert.strictEqual(apply(text, finding.fixes[0].edits), lines(eol, 'version: 0.0', 'os: linux', 'files:', '  - source: /', '    destination: /srv/app', ''));
    }
  });

  it('in JSON too', () => {
    const text = '{\n  "version": "0.0",\n  "os": "linux",\n  "files": [{ "source": "/", "destination": "/srv" }]\n}\n';
    assert.strictEqual(apply(text, fixOf(text, 'appspec.json', 'APPSPEC001').edits), text.replace('"0.0"', '0.0'));
  });

  it('is fine for Lambda and ECS (the User Guide writes it as a string there)', () => {
    const text = 'version: "0.0"\nResources:\n  - Fn:\n      Type: AWS::Lambda::Function\n      Properties: {Name: f, Alias: live, CurrentVersion: "1", TargetVersion: "2"}\n';
    assert.deepStrictEqual(lintText(text, 'appspec.yml').findings.map((f) => f.ruleId), []);
  });
});

describe('hovers on buildspec and appspec keys', () => {
  const buildspec = [
    'version: 0.2',
    'run-as: builder',
    'env:',
    '  shell: bash',
    '  variables: {STAGE: prod}',
    '  parameter-store: {DB: /db}',
    '  secrets-manager: {TOKEN: "tok:value"}',
    '  exported-variables: [STAGE]',
    '  git-credential-helper: yes',
    'proxy:',
    '  upload-artifacts: yes',
    'batch:',
    '  fast-fail: true',
    'phases:',
    '  install:',
    '    runtime-versions: {nodejs: 20}',
    '    commands: [npm ci]',
    '  build:',
    '    on-failure: ABORT',
    '    run-as: root',
    '    commands: [npm test]',
    '    finally: [echo done]',
    'reports:',
    '  unit:',
    '    files: [report.xml]',
    'artifacts:',
    '  files: ["**/*"]',
    '  secondary-artifacts:',
    '    docs:',
    '      files: [docs/**]',
    'cache:',
    '  paths: [/root/.npm/**/*]',
    '',
  ].join('\n');
  const keyAt = (text: string, fileName: string, key: string, nth = 0, lang: 'en' | 'ja' = 'en') => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(`${key}:`, at + 1);
    return hover(parse(text, fileName), at + 1, { lang });
  };

  const keys: Array<[string, number, RegExp]> = [
    ['version', 0, /buildspec version/], ['run-as', 0, /Linux user/], ['env', 0, /environment variables/], ['shell', 0, /bash or \/bin\/sh/],
    ['variables', 0, /never put secrets/], ['parameter-store', 0, /ssm:GetParameters/], ['secrets-manager', 0, /secretsmanager:GetSecretValue/],
    ['exported-variables', 0, /exported/], ['git-credential-helper', 0, /Git credential helper/], ['proxy', 0, /proxy server/],
    ['batch', 0, /Batch build/], ['fast-fail', 0, /stop the batch/], ['phases', 0, /install → pre_build → build → post_build/],
    ['install', 0, /runtime/], ['runtime-versions', 0, /Only valid in install/], ['commands', 0, /shell commands/],
    ['on-failure', 0, /ABORT.*CONTINUE/], ['run-as', 1, /this phase/], ['finally', 0, /even when a command failed/],
    ['reports', 0, /report group/], ['unit', 0, /JUNITXML/], ['artifacts', 0, /build output/], ['files', 1, /Required in artifacts/],
    ['secondary-artifacts', 0, /artifact identifier/], ['cache', 0, /between builds/], ['paths', 0, /cache/],
  ];
  for (const [key, nth, expected] of keys) {
    it(`buildspec \`${key}\`${nth ? ` (#${nth + 1})` : ''} says what it is, in both languages`, () => {
      const en = keyAt(buildspec, 'buildspec.yml', key, nth);
      assert.ok(en, `no hover on ${key}`);
      assert.match(en.markdown, expected);
      const ja = keyAt(buildspec, 'buildspec.yml', key, nth, 'ja');
      assert.ok(ja && /[぀-ヿ一-鿿]/.test(ja.markdown.split('\n')[0]), `no Japanese on ${key}`);
    });
  }

  it('the build phase hover says post_build still runs after a failed build', () => {
    const result = keyAt(buildspec, 'buildspec.yml', ' build', 0);
    assert.match(result!.markdown, /post_build still runs when build fails/);
  });

  const ec2 = 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\nfile_exists_behavior: OVERWRITE\npermissions:\n  - object: /srv\n    owner: app\nhooks:\n  BeforeInstall:\n    - location: a.sh\n      timeout: 60\n      runas: root\n';
  const ecs = 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: arn\n        LoadBalancerInfo:\n          ContainerName: web\n          ContainerPort: 80\n        PlatformVersion: LATEST\nHooks:\n  - AfterAllowTestTraffic: fn\n';
  const lambda = 'version: 0.0\nResources:\n  - myFn:\n      Type: AWS::Lambda::Function\n      Properties:\n        Name: f\n        Alias: live\n        CurrentVersion: 1\n        TargetVersion: 2\nhooks:\n  - BeforeAllowTraffic: pre\n';
  const appspecKeys: Array<[string, string, RegExp]> = [
    [ec2, 'os', /linux or windows/], [ec2, 'files', /Install step/], [ec2, 'source', /revision/], [ec2, 'destination', /on the instance/],
    [ec2, 'file_exists_behavior', /DISALLOW/], [ec2, 'permissions', /owner, group, mode/], [ec2, 'object', /permissions apply/],
    [ec2, 'hooks', /Lifecycle · EC2\/On-Premises/], [ec2, 'location', /script's path/], [ec2, 'timeout', /3600/], [ec2, 'runas', /user that runs the script/],
    [ecs, 'Resources', /what to deploy/], [ecs, 'TargetService', /service to deploy/], [ecs, 'Type', /AWS::ECS::Service/],
    [ecs, 'Properties', /TaskDefinition/], [ecs, 'TaskDefinition', /task definition/], [ecs, 'LoadBalancerInfo', /ContainerName/],
    [ecs, 'PlatformVersion', /Fargate/], [ecs, 'Hooks', /Lifecycle · Amazon ECS/], [ecs, 'AfterAllowTestTraffic', /\*\*AfterAllowTestTraffic\*\* ◀/],
    [lambda, 'myFn', /Lambda/], [lambda, 'Alias', /alias/], [lambda, 'CurrentVersion', /points at now/], [lambda, 'TargetVersion', /shifts to/],
    [lambda, 'BeforeAllowTraffic', /Start~~ → \*\*BeforeAllowTraffic\*\* ◀ → ~~AllowTraffic~~/],
  ];
  for (const [text, key, expected] of appspecKeys) {
    it(`appspec \`${key}\` is explained`, () => {
      const result = keyAt(text, 'appspec.yml', key);
      assert.ok(result, `no hover on ${key}`);
      assert.match(result.markdown, expected);
    });
  }

  it('shows the detected platform and why on `version`, in both languages', () => {
    const en = keyAt(ecs, 'appspec.yml', 'version');
    assert.match(en!.markdown, /\*\*Platform: Amazon ECS\*\* \(because Resources has `TargetService` of Type AWS::ECS::Service\)/);
    const ja = keyAt(ec2, 'appspec.yml', 'version', 0, 'ja');
    assert.match(ja!.markdown, /\*\*プラットフォーム: EC2\/オンプレミス\*\*（判定理由: EC2\/オンプレミス用のセクション `os` があるため）/);
    const unknown = keyAt('version: 0.0\nHooks:\n  - BeforeAllowTraffic: f\n', 'appspec.yml', 'version');
    assert.match(unknown!.markdown, /Compute platform unknown/);
  });

  it('draws the lifecycle in Japanese with a Japanese reason', () => {
    const ja = keyAt(lambda, 'appspec.yml', 'BeforeAllowTraffic', 0, 'ja');
    assert.match(ja!.markdown, /ライフサイクル · AWS Lambda/);
    assert.match(ja!.markdown, /プラットフォームの判定理由: Resources に Type が AWS::Lambda::Function の `myFn` があるため/);
    assert.match(ja!.markdown, /取り消し線 = CodeDeploy の予約イベント/);
  });

  it('marks load-balancer-only events in the EC2 lifecycle', () => {
    assert.match(keyAt(ec2, 'appspec.yml', 'BeforeInstall')!.markdown, /BeforeBlockTrafficᴸᴮ/);
  });
});

describe('detection by name and content (unusual names)', () => {
  const cases: Array<[string, string, string]> = [
    ['ci/deploy.buildspec.yml', 'phases:\n  build:\n    commands: [make]\n', 'buildspec'],
    ['pipelines/unit-tests.yml', 'phases:\n  pre_build:\n    commands: [npm ci]\n', 'buildspec'],
    ['deploy/appspec-prod.yaml', 'os: linux\n', 'appspec'],
    ['deploy/lambda-release.yml', 'Resources:\n  - Fn:\n      Type: AWS::Lambda::Function\n', 'appspec'],
    ['scripts/hooks.yml', 'hooks:\n  BeforeInstall:\n    - location: a.sh\n', 'appspec'],
    ['infra/appspec-generator.yaml', 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', 'cloudformation'],
    ['k8s/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nphases: []\n', 'none'],
  ];
  for (const [name, text, kind] of cases) {
    it(`${name} is ${kind}`, () => {
      const detection = detectKind(name, parse(text, name).tree);
      assert.strictEqual(detection.kind, kind, detection.reason);
      assert.ok(detection.reasonJa, 'a Japanese reason');
    });
  }

  it('says why in Japanese on the first key', () => {
    const result = hover(parse('phases:\n  build:\n    commands: [make]\n', 'ci/unit.yml'), 1, { lang: 'ja' });
    assert.match(result!.markdown, /CodeBuild buildspec\*\* として扱っています（理由: CodeBuild のフェーズ名を持つ `phases` のマップがあるため）/);
  });
});
