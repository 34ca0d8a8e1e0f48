import * as assert from 'assert';
import { WorkspaceIndex, normalize } from '../../src/engine/workspace';
import { lintText } from '../../src/engine/lint';

const project = (name: string, buildSpec?: string, extra = '') => [
  `  ${name}:`,
  '    Type: AWS::CodeBuild::Project',
  '    Properties:',
  '      ServiceRole: arn:aws:iam::123456789012:role/build',
  '      Artifacts: { Type: CODEPIPELINE }',
  '      Environment: { Type: LINUX_CONTAINER, ComputeType: BUILD_GENERAL1_SMALL, Image: "aws/codebuild/standard:7.0" }',
  buildSpec === undefined ? '      Source: { Type: CODEPIPELINE }' : `      Source: { Type: CODEPIPELINE, BuildSpec: ${buildSpec} }`,
  extra,
].filter(Boolean).join('\n');

const template = (...resources: string[]) => `Resources:\n${resources.join('\n')}\n`;

const DOCKER_BUILDSPEC = 'version: 0.2\nphases:\n  build:\n    commands:\n      - docker build -t app .\n';

describe('WorkspaceIndex (buildspec ↔ project, appspec ↔ deployment group)', () => {
  it('links a buildspec to the project whose BuildSpec path names it, relative to a source root at or above the template', () => {
    const index = WorkspaceIndex.from([
      { fileName: '/repo/infra/pipeline.yaml', text: template(project('Unit', 'ci/buildspec-test.yml'), project('Image', 'ci/buildspec-image.yml')) },
    ]);
    assert.strictEqual(index.projectFor('/repo/ci/buildspec-image.yml')?.logicalId, 'Image');
    assert.strictEqual(index.projectFor('/repo/ci/buildspec-test.yml')?.logicalId, 'Unit');
    assert.strictEqual(index.projectFor('/repo/ci/buildspec-other.yml'), undefined);
    // A source root below the template's directory is not assumed.
    assert.strictEqual(index.projectFor('/repo/infra/sub/ci/buildspec-image.yml'), undefined);
  });

  it('links buildspec.yml to the one project that uses the default name; two such projects are ambiguous', () => {
    const one = WorkspaceIndex.from([{ fileName: '/repo/template.yaml', text: template(project('Build')) }]);
    assert.strictEqual(one.projectFor('/repo/buildspec.yml')?.logicalId, 'Build');
    assert.strictEqual(one.projectFor('/repo/buildspec_release.yml'), undefined);
    const two = WorkspaceIndex.from([{ fileName: '/repo/template.yaml', text: template(project('A'), project('B')) }]);
    assert.strictEqual(two.projectFor('/repo/buildspec.yml'), undefined);
  });

  it('never links a file to a project with an inline buildspec, and treats an unresolvable BuildSpec as ambiguous', () => {
    const inline = WorkspaceIndex.from([{ fileName: '/repo/t.yaml', text: template(project('Inline', '"version: 0.2\\nphases: {build: {commands: [make]}}"')) }]);
    assert.strictEqual(inline.projectFor('/repo/buildspec.yml'), undefined);
    const unknown = WorkspaceIndex.from([{
      fileName: '/repo/t.yaml',
      text: `Parameters:\n  Spec:\n    Type: String\n${template(project('Known'), project('Unknown', '!Ref Spec'))}`,
    }]);
    assert.strictEqual(unknown.projectFor('/repo/buildspec.yml'), undefined);
  });

  it('is incremental: set, replace and delete change the answers and the version', () => {
    const index = new WorkspaceIndex();
    const v0 = index.version;
    assert.strictEqual(index.set('/repo/README.yaml', 'name: not a template\n'), false);
    assert.strictEqual(index.version, v0);
    assert.strictEqual(index.set('/repo/template.yaml', template(project('Build'))), true);
    assert.strictEqual(index.projectFor('/repo/buildspec.yml')?.logicalId, 'Build');
    index.set('/repo/template.yaml', template(project('Renamed')));
    assert.strictEqual(index.projectFor('/repo/buildspec.yml')?.logicalId, 'Renamed');
    assert.strictEqual(index.delete('/repo/template.yaml'), true);
    assert.strictEqual(index.projectFor('/repo/buildspec.yml'), undefined);
    assert.ok(index.version > v0);
  });

  it('normalises separators and dot segments', () => {
    assert.strictEqual(normalize('C:\\repo\\.\\ci\\..\\buildspec.yml'), 'C:/repo/buildspec.yml');
    assert.strictEqual(normalize('./a//b/'), 'a/b');
    const index = WorkspaceIndex.from([{ fileName: 'infra\\template.yaml', text: template(project('Build', './buildspec.yml')) }]);
    assert.strictEqual(index.projectFor('buildspec.yml')?.logicalId, 'Build');
  });

  it('reads the service role, privileged mode and environment type of a project', () => {
    const index = WorkspaceIndex.from([{
      fileName: 't.yaml',
      text: template(
        project('Build', undefined, '      Tags: []').replace('ServiceRole: arn:aws:iam::123456789012:role/build', 'ServiceRole: !GetAtt Role.Arn'),
        '  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {}\n      Policies:\n        - PolicyName: p\n          PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: [ssm:GetParameters, "ecr:*"]\n                Resource: "*"',
      ),
    }]);
    const found = index.projectFor('buildspec.yml');
    assert.ok(found);
    assert.strictEqual(found.privilegedMode, false);
    assert.strictEqual(found.environmentType, 'LINUX_CONTAINER');
    assert.deepStrictEqual(found.role, { logicalId: 'Role', actions: ['ssm:GetParameters', 'ecr:*'], complete: true });
  });

  it('links an AppSpec to the only deployment group of its platform; groups of unknown platform make it ambiguous', () => {
    const groups = (...lines: string[]) => WorkspaceIndex.from([{ fileName: 'deploy.yaml', text: template(...lines) }]);
    const app = (name: string, platform?: string) => `  ${name}:\n    Type: AWS::CodeDeploy::Application${platform ? `\n    Properties:\n      ComputePlatform: ${platform}` : ''}`;
    const group = (name: string, application: string, extra = '') => `  ${name}:\n    Type: AWS::CodeDeploy::DeploymentGroup\n    Properties:\n      ApplicationName: ${application}\n      ServiceRoleArn: arn:aws:iam::1:role/x${extra}`;
    const index = groups(app('Web'), group('WebGroup', '!Ref Web'), app('Fn', 'Lambda'), group('FnGroup', '!Ref Fn'));
    assert.strictEqual(index.deploymentGroupFor('server')?.logicalId, 'WebGroup');
    assert.strictEqual(index.deploymentGroupFor('server')?.loadBalancer, false);
    assert.strictEqual(index.deploymentGroupFor('lambda')?.logicalId, 'FnGroup');
    assert.strictEqual(index.deploymentGroupFor('ecs'), undefined);
    const imported = groups(app('Web'), group('WebGroup', '!Ref Web'), group('Other', '!ImportValue shared-app'));
    assert.strictEqual(imported.deploymentGroupFor('server'), undefined);
  });

  it('gives the CLI and the editor one call: lint options carry the workspace, and a rule without a link says nothing', () => {
    const index = WorkspaceIndex.from([{ fileName: 'template.yaml', text: template(project('Image')) }]);
    assert.deepStrictEqual(lintText(DOCKER_BUILDSPEC, 'buildspec.yml', { workspace: index }).findings.map((f) => f.ruleId), ['BUILDSPEC010']);
    assert.deepStrictEqual(lintText(DOCKER_BUILDSPEC, 'buildspec.yml').findings.map((f) => f.ruleId), []);
    assert.deepStrictEqual(lintText(DOCKER_BUILDSPEC, 'buildspec_other.yml', { workspace: index }).findings.map((f) => f.ruleId), []);
  });
});
