import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { getKnowledge } from '../../src/engine/knowledge';
import { parse } from '../../src/engine/parse';
import { TemplateModel } from '../../src/engine/model/template';
import { apiFunctionLinks, endpointTypes, integrationTimeouts } from '../../src/engine/model/apigw-links';
import { checkEbextensionsFile } from '../../src/engine/rules/beanstalk/ebextensions-file';
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
