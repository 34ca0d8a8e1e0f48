import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixed(text: string, fileName: string, ruleId: string): string {
  const finding = lintText(text, fileName, { rules: { [ruleId]: 'warning' } }).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  const out = apply(text, finding.fixes[0].edits);
  assert.ok(!lintText(out, fileName).findings.some((f) => f.ruleId === ruleId), `${ruleId} still fires after the fix:\n${out}`);
  return out;
}

const method = (integration: string) => [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Lambda::Function',
  '    Properties:',
  '      Runtime: python3.12',
  '      Handler: index.handler',
  '      Role: arn:aws:iam::123456789012:role/fn',
  '      Code: { ZipFile: "x" }',
  '  Api:',
  '    Type: AWS::ApiGateway::RestApi',
  '    Properties:',
  '      Name: items',
  '  Get:',
  '    Type: AWS::ApiGateway::Method',
  '    Properties:',
  '      RestApiId: !Ref Api',
  '      ResourceId: !GetAtt Api.RootResourceId',
  '      HttpMethod: GET',
  '      AuthorizationType: NONE',
  '      Integration:',
  ...integration.split('\n').map((l) => `        ${l}`),
  '',
].join('\n');

const LAMBDA_URI = 'Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations';

describe('APIGW001 quick fix: clamp the integration timeout', () => {
  it('clamps an edge-optimized REST timeout to 29000 (YAML)', () => {
    const out = fixed(method(`Type: AWS_PROXY\nIntegrationHttpMethod: POST\n${LAMBDA_URI}\nTimeoutInMillis: 60000 # long job`), 'template.yaml', 'APIGW001');
    assert.ok(out.includes('        TimeoutInMillis: 29000 # long job\n'), out);
  });

  it('raises a timeout below 50 ms to 50 (JSON)', () => {
    const json = JSON.stringify({
      Resources: {
        HttpApi: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'x', ProtocolType: 'HTTP' } },
        Integration: { Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'HttpApi' }, IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://example.com', TimeoutInMillis: 10 } },
      },
    }, null, 2);
    const out = fixed(json, 'template.json', 'APIGW001');
    assert.strictEqual(JSON.parse(out).Resources.Integration.Properties.TimeoutInMillis, 50);
  });
});

describe('APIGW003 quick fix: IntegrationHttpMethod POST', () => {
  it('replaces a wrong method, keeping the quotes (YAML)', () => {
    const out = fixed(method(`Type: AWS_PROXY\nIntegrationHttpMethod: 'GET'\n${LAMBDA_URI}`), 'template.yaml', 'APIGW003');
    assert.ok(out.includes("        IntegrationHttpMethod: 'POST'\n"), out);
  });

  it('adds the missing property to the Integration map (YAML)', () => {
    const out = fixed(method(`Type: AWS_PROXY\n${LAMBDA_URI}`), 'template.yaml', 'APIGW003');
    assert.ok(out.includes(`${LAMBDA_URI}\n        IntegrationHttpMethod: POST\n`), out);
  });

  it('writes JSON into a JSON template', () => {
    const json = JSON.stringify({
      Resources: {
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Runtime: 'python3.12', Handler: 'i.h', Role: 'arn:aws:iam::1:role/r', Code: { ZipFile: 'x' } } },
        Get: {
          Type: 'AWS::ApiGateway::Method',
          Properties: {
            RestApiId: 'abc', ResourceId: 'def', HttpMethod: 'GET', AuthorizationType: 'NONE',
            Integration: { Type: 'AWS_PROXY', Uri: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations' } },
          },
        },
      },
    }, null, 2);
    const out = fixed(json, 'template.json', 'APIGW003');
    assert.strictEqual(JSON.parse(out).Resources.Get.Properties.Integration.IntegrationHttpMethod, 'POST');
  });
});

describe('CW001 quick fix: the metric name the namespace publishes', () => {
  const alarm = (name: string) => [
    'Resources:',
    '  Alarm:',
    '    Type: AWS::CloudWatch::Alarm',
    '    Properties:',
    '      Namespace: AWS/ApiGateway',
    `      MetricName: ${name}`,
    '      Statistic: Sum',
    '      Period: 60',
    '      EvaluationPeriods: 1',
    '      Threshold: 1',
    '      ComparisonOperator: GreaterThanThreshold',
    '',
  ].join('\n');

  it('fixes the note\'s CacheMissCoun typo (YAML)', () => {
    const out = fixed(alarm('CacheMissCoun'), 'template.yaml', 'CW001');
    assert.ok(out.includes('      MetricName: CacheMissCount\n'), out);
  });

  it('fixes BurstBlance in JSON', () => {
    const json = JSON.stringify({ Resources: { A: { Type: 'AWS::CloudWatch::Alarm', Properties: { Namespace: 'AWS/EBS', MetricName: 'BurstBlance', Statistic: 'Average', Period: 300, EvaluationPeriods: 1, Threshold: 20, ComparisonOperator: 'LessThanThreshold' } } } }, null, 2);
    const out = fixed(json, 'template.json', 'CW001');
    assert.strictEqual(JSON.parse(out).Resources.A.Properties.MetricName, 'BurstBalance');
  });
});

describe('EB002 / EB004 quick fixes', () => {
  const env = (settings: Array<[string, string, string]>) => [
    'Resources:',
    '  Env:',
    '    Type: AWS::ElasticBeanstalk::Environment',
    '    Properties:',
    '      ApplicationName: shop',
    '      OptionSettings:',
    ...settings.flatMap(([ns, option, value]) => [`        - Namespace: ${ns}`, `          OptionName: ${option}`, `          Value: ${value}`]),
    '',
  ].join('\n');

  it('EB002 normalises a policy written with spaces (YAML)', () => {
    const out = fixed(env([['aws:elasticbeanstalk:command', 'DeploymentPolicy', 'rolling with additional batch']]), 'template.yaml', 'EB002');
    assert.ok(out.includes('          Value: RollingWithAdditionalBatch\n'), out);
  });

  it('EB002 in JSON', () => {
    const json = JSON.stringify({ Resources: { Env: { Type: 'AWS::ElasticBeanstalk::Environment', Properties: { ApplicationName: 'shop', OptionSettings: [{ Namespace: 'aws:elasticbeanstalk:command', OptionName: 'DeploymentPolicy', Value: 'immutable' }] } } } }, null, 2);
    const out = fixed(json, 'template.json', 'EB002');
    assert.strictEqual(JSON.parse(out).Resources.Env.Properties.OptionSettings[0].Value, 'Immutable');
  });

  it('EB004 clamps NewVersionPercent, keeping a quoted string', () => {
    const out = fixed(env([['aws:elasticbeanstalk:trafficsplitting', 'NewVersionPercent', "'150'"]]), 'template.yaml', 'EB004');
    assert.ok(out.includes("          Value: '100'\n"), out);
  });

  it('EB004 clamps EvaluationTime in JSON', () => {
    const json = JSON.stringify({ Resources: { Env: { Type: 'AWS::ElasticBeanstalk::Environment', Properties: { ApplicationName: 'shop', OptionSettings: [{ Namespace: 'aws:elasticbeanstalk:trafficsplitting', OptionName: 'EvaluationTime', Value: 1 }] } } } }, null, 2);
    const out = fixed(json, 'template.json', 'EB004');
    assert.strictEqual(JSON.parse(out).Resources.Env.Properties.OptionSettings[0].Value, 3);
  });
});
