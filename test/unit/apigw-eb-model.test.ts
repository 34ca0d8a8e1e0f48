import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getKnowledge } from '../../src/engine/knowledge';
import { parse } from '../../src/engine/parse';
import { TemplateModel } from '../../src/engine/model/template';
import { apiFunctionLinks, endpointTypes, integrationTimeouts } from '../../src/engine/model/apigw-links';
import ebextensionsCheck, { checkEbextensionsFile } from '../../src/engine/rules/beanstalk/ebextensions-file';
import { listedRules, ruleById, ruleMetaById, rules } from '../../src/engine/rules/registry';
import { checkWorkspaceFile, workspaceCheckDirectories } from '../../src/engine/workspace-files';
import { repoRoot } from './paths';

const model = (text: string) => new TemplateModel(parse(text, 'template.yaml'));

describe('apigw-links: API ↔ Lambda links', () => {
  const template = model([
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Fn: { Type: AWS::Lambda::Function, Properties: { Runtime: python3.12, Handler: i.h, Role: r, Code: { ZipFile: x } } }',
    '  Live: { Type: AWS::Lambda::Alias, Properties: { FunctionName: !Ref Fn, FunctionVersion: "1", Name: live } }',
    '  Api: { Type: AWS::ApiGateway::RestApi, Properties: { Name: a, EndpointConfiguration: { Types: [REGIONAL] } } }',
    '  Sub:',
    '    Type: AWS::ApiGateway::Method',
    '    Properties:',
    '      RestApiId: !Ref Api',
    '      Integration:',
    '        Type: AWS_PROXY',
    '        Uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations',
    '  SubVars:',
    '    Type: AWS::ApiGateway::Method',
    '    Properties:',
    '      RestApiId: !Ref Api',
    '      Integration:',
    '        Type: AWS_PROXY',
    '        Uri: !Sub [ "arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Target}/invocations", { Target: !Ref Live } ]',
    '  StageVar:',
    '    Type: AWS::ApiGateway::Method',
    '    Properties:',
    '      RestApiId: !Ref Api',
    '      Integration:',
    '        Type: AWS_PROXY',
    '        Uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:${stageVariables.fn}/invocations',
    '  Http: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: h, ProtocolType: HTTP } }',
    '  V2: { Type: AWS::ApiGatewayV2::Integration, Properties: { ApiId: !Ref Http, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn, TimeoutInMillis: 5000 } }',
    '  Sam:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Events:',
    '        Get: { Type: Api, Properties: { Path: /, Method: get } }',
    '        Other: { Type: Api, Properties: { Path: /, Method: get, RestApiId: !ImportValue shared } }',
    '',
  ].join('\n'));

  it('links Sub, Sub with a variable map (through an alias), ApiGatewayV2 and SAM events; not stage variables or imports', () => {
    const links = apiFunctionLinks(template).map((l) => `${l.kind} ${l.api?.name ?? (l.implicit ? 'implicit' : '?')} ${l.fn.name} ${l.via.join('.')}`);
    assert.deepStrictEqual(links, [
      'rest Api Fn Resources.Sub',
      'rest Api Fn Resources.SubVars',
      'http Http Fn Resources.V2',
      'rest implicit Sam Resources.Sam.Properties.Events.Get',
    ]);
  });

  it('reads endpoint types, with EDGE when unset', () => {
    const api = template.resources.get('Api');
    assert.deepStrictEqual(endpointTypes(template, api, 'EDGE')?.types, [['REGIONAL']]);
    assert.deepStrictEqual(endpointTypes(template, undefined, 'EDGE'), { types: [['EDGE']], explicit: false, choice: false });
  });

  it('lists integration timeouts with their API kind', () => {
    assert.deepStrictEqual(integrationTimeouts(template).map((t) => `${t.kind} ${t.path.join('.')}`), ['http Resources.V2.Properties.TimeoutInMillis']);
  });
});

describe('EB007 workspace check (checkEbextensionsFile)', () => {
  const knowledge = getKnowledge();
  it('flags configuration-like files directly under .ebextensions that do not end in .config', () => {
    const finding = checkEbextensionsFile('app/.ebextensions/xray.conf', knowledge);
    assert.ok(finding);
    assert.strictEqual(finding.ruleId, 'EB007');
    assert.strictEqual(finding.severity, 'warning');
    assert.strictEqual(finding.suggested, 'xray.config');
    assert.match(finding.messages.en, /`\.ebextensions\/xray\.conf` is ignored\. Rename it to `\.ebextensions\/xray\.config`/);
    assert.match(finding.messages.ja, /xray\.conf/);
    assert.strictEqual(checkEbextensionsFile('C:\\app\\.ebextensions\\01-options.yml', knowledge)?.suggested, '01-options.config');
    assert.strictEqual(checkEbextensionsFile('.ebextensions/options', knowledge)?.suggested, 'options.config');
  });

  it('leaves .config files, dot files, other files and nested folders alone', () => {
    for (const file of ['.ebextensions/01-options.config', '.ebextensions/.gitkeep', '.ebextensions/README.md', '.ebextensions/nginx/conf.d/proxy.conf', 'src/app.conf', 'xray.conf']) {
      assert.strictEqual(checkEbextensionsFile(file, knowledge), undefined, file);
    }
  });

  it('looks in the folder the knowledge names', () => {
    assert.strictEqual(ebextensionsCheck.directory, knowledge.value('eb.ebextensions', 'directory'));
    assert.deepStrictEqual(workspaceCheckDirectories(), ['.ebextensions']);
  });

  it('is listed after EB006 as a workspace check, never as a per-file rule', () => {
    const ids = listedRules.map((r) => r.meta.id);
    assert.strictEqual(ids.indexOf('EB007'), ids.indexOf('EB006') + 1);
    assert.strictEqual(ids.length, rules.length + 1);
    assert.strictEqual(ruleById('EB007'), undefined);
    assert.strictEqual(ruleMetaById('EB007')?.note, 'eb.ebextensions');
  });
});

describe('checkWorkspaceFile (the engine call the CLI and the editor share)', () => {
  it('gives EB007 as a finding at line 1, column 1, in the display language, with the suggested name', () => {
    const { claimed, findings } = checkWorkspaceFile('/repo/app/.ebextensions/xray.conf', { lang: 'ja' });
    assert.ok(claimed);
    assert.strictEqual(findings.length, 1);
    const [finding] = findings;
    assert.deepStrictEqual(
      { ruleId: finding.ruleId, severity: finding.severity, note: finding.note, range: finding.range, start: finding.start, end: finding.end, suggested: finding.suggested, fixes: finding.fixes },
      { ruleId: 'EB007', severity: 'warning', note: 'eb.ebextensions', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, start: 0, end: 0, suggested: 'xray.config', fixes: [] },
    );
    assert.strictEqual(finding.message, finding.messages.ja);
    assert.match(finding.message, /無視されます/);
    assert.strictEqual(checkWorkspaceFile('/repo/app/.ebextensions/xray.conf', { lang: 'both' }).findings[0].message, `${finding.messages.ja}\n${finding.messages.en}`);
  });

  it('follows severity overrides; off still claims the file (it is not a template)', () => {
    assert.strictEqual(checkWorkspaceFile('.ebextensions/a.yml', { rules: { EB007: 'error' } }).findings[0].severity, 'error');
    assert.deepStrictEqual(checkWorkspaceFile('.ebextensions/a.yml', { rules: { EB007: 'off' } }), { claimed: true, findings: [] });
  });

  it('says nothing about .config files, other files, or templates elsewhere', () => {
    for (const file of ['.ebextensions/ok.config', '.ebextensions/README.md', 'template.yaml', 'app/ebextensions/x.conf']) {
      assert.deepStrictEqual(checkWorkspaceFile(file), { claimed: false, findings: [] }, file);
    }
  });
});

describe('knowledge: API Gateway and Elastic Beanstalk facts', () => {
  const knowledge = getKnowledge();
  const factIds = fs.readFileSync(path.join(repoRoot, 'test', 'data', 'fact-ids.txt'), 'utf8').trim().split('\n');

  it('covers every apigw.* and eb.* fact id', () => {
    const missing = factIds.filter((id) => /^(apigw|eb)\./.test(id) && !knowledge.get(id));
    assert.deepStrictEqual(missing, []);
  });

  it('shows the §4 corrections on the facts they concern', () => {
    const fc: Record<string, string> = {
      'apigw.504-29s': 'FC-02', 'apigw.vpc-link': 'FC-34', 'apigw.auth.jwt': 'FC-35', 'apigw.type.http': 'FC-35',
      'apigw.throttling-definition': 'FC-55', 'apigw.metrics': 'FC-58', 'eb.xray': 'FC-33', 'eb.ebextensions': 'FC-45', 'eb.deploy.downtime-groups': 'FC-46',
    };
    for (const [id, expected] of Object.entries(fc)) assert.strictEqual(knowledge.require(id).correction?.fc, expected, id);
  });

  it('has a metric list for every namespace CW001 is meant to know', () => {
    const catalog = knowledge.value('apigw.metrics', 'cloudwatchMetrics') as Record<string, string[]>;
    for (const ns of ['AWS/EC2', 'AWS/EBS', 'AWS/ApiGateway', 'AWS/Lambda', 'AWS/SQS', 'AWS/DynamoDB', 'AWS/ELB', 'AWS/ApplicationELB']) {
      assert.ok(Array.isArray(catalog[ns]) && catalog[ns].length > 3, ns);
    }
  });
});
