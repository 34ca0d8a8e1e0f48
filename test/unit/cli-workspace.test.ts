import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './paths';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function run(args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('iac-notes lint over a directory: its templates are the workspace', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iac-notes-ws-'));
    fs.mkdirSync(path.join(dir, 'infra'));
    fs.writeFileSync(path.join(dir, 'infra', 'pipeline.yaml'), [
      'Resources:',
      '  Image:',
      '    Type: AWS::CodeBuild::Project',
      '    Properties:',
      '      ServiceRole: arn:aws:iam::123456789012:role/build',
      '      Artifacts: { Type: CODEPIPELINE }',
      '      Source: { Type: CODEPIPELINE, BuildSpec: ci/buildspec-image.yml }',
      '      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: "aws/codebuild/standard:7.0" }',
      '  App:',
      '    Type: AWS::CodeDeploy::Application',
      '  Group:',
      '    Type: AWS::CodeDeploy::DeploymentGroup',
      '    Properties:',
      '      ApplicationName: !Ref App',
      '      ServiceRoleArn: arn:aws:iam::123456789012:role/deploy',
      '      AutoRollbackConfiguration: { Enabled: true, Events: [DEPLOYMENT_FAILURE] }',
      '',
    ].join('\n'));
    fs.mkdirSync(path.join(dir, 'ci'));
    fs.writeFileSync(path.join(dir, 'ci', 'buildspec-image.yml'), 'version: 0.2\nphases:\n  build:\n    commands:\n      - docker build -t app .\n');
    fs.writeFileSync(path.join(dir, 'appspec.yml'), 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /srv\nhooks:\n  BeforeAllowTraffic:\n    - location: warm.sh\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('links the buildspec to its project and the AppSpec to its deployment group', () => {
    const { code, stdout } = run(['lint', '--format', 'json', dir]);
    assert.strictEqual(code, 0);
    const files = (JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ ruleId: string; line: number; message: string }> }> }).files;
    const of = (suffix: string) => files.find((f) => f.path.endsWith(suffix))!.diagnostics.map((d) => `${d.line} ${d.ruleId}`);
    assert.deepStrictEqual(of('buildspec-image.yml'), ['5 BUILDSPEC010']);
    assert.deepStrictEqual(of('appspec.yml'), ['7 APPSPEC013']);
    assert.match(files.find((f) => f.path.endsWith('appspec.yml'))!.diagnostics[0].message, /`Group` \(pipeline\.yaml\) has no LoadBalancerInfo/);
  });

  it('says nothing cross-file when a buildspec is linted alone', () => {
    const { stdout } = run(['lint', '--format', 'json', path.join(dir, 'ci', 'buildspec-image.yml')]);
    assert.deepStrictEqual((JSON.parse(stdout) as { files: Array<{ diagnostics: unknown[] }> }).files[0].diagnostics, []);
  });
});
