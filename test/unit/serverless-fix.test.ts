import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import { getKnowledge } from '../../src/engine/knowledge';
import { runtimeStatus, successorOf } from '../../src/engine/rules/lambda/functions';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixed(text: string, fileName: string, ruleId: string): string {
  const finding = lintText(text, fileName).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  const out = apply(text, finding.fixes[0].edits);
  assert.ok(!lintText(out, fileName).findings.some((f) => f.ruleId === ruleId), `${ruleId} still reported after the fix:\n${out}`);
  return out;
}

const fn = (props: string[]) => [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Lambda::Function',
  '    Properties:',
  '      Runtime: python3.13',
  '      Handler: index.handler',
  '      Role: arn:aws:iam::123456789012:role/fn',
  '      Code: { ZipFile: "def handler(e, c): pass" }',
  ...props,
  '',
].join('\n');

describe('LAMBDA003 quick fix: clamp EphemeralStorage.Size', () => {
  it('YAML: 20480 → 10240', () => {
    const out = fixed(fn(['      EphemeralStorage:', '        Size: 20480']), 'template.yaml', 'LAMBDA003');
    assert.ok(out.includes('        Size: 10240\n'), out);
  });
  it('JSON: 100 → 512', () => {
    const json = JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::1:role/r', Runtime: 'python3.13', Handler: 'a.b', Code: { S3Bucket: 'b', S3Key: 'k' }, EphemeralStorage: { Size: 100 } } } } }, null, 2);
    const out = fixed(json, 'template.json', 'LAMBDA003');
    assert.ok(out.includes('"Size": 512'), out);
    JSON.parse(out);
  });
});

describe('LAMBDA013 quick fix: remove the reserved variable', () => {
  it('YAML: removes the whole line and keeps the rest', () => {
    const out = fixed(fn(['      Environment:', '        Variables:', '          STAGE: prod', '          AWS_REGION: us-east-1 # pinned', '          LOG_LEVEL: INFO']), 'template.yaml', 'LAMBDA013');
    assert.ok(out.includes('          STAGE: prod\n          LOG_LEVEL: INFO\n'), out);
    assert.ok(!out.includes('AWS_REGION'), out);
  });
  it('JSON: removes the pair and a comma', () => {
    const json = JSON.stringify({ Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::1:role/r', Runtime: 'python3.13', Handler: 'a.b', Code: { S3Bucket: 'b', S3Key: 'k' }, Environment: { Variables: { A: '1', _HANDLER: 'x', B: '2' } } } } } }, null, 2);
    const out = fixed(json, 'template.json', 'LAMBDA013');
    assert.deepStrictEqual(JSON.parse(out).Resources.Fn.Properties.Environment.Variables, { A: '1', B: '2' });
  });
});

const distribution = (eventType: string) => [
  'Resources:',
  '  Cdn:',
  '    Type: AWS::CloudFront::Distribution',
  '    Properties:',
  '      DistributionConfig:',
  '        Enabled: true',
  '        DefaultCacheBehavior:',
  '          TargetOriginId: site',
  '          ViewerProtocolPolicy: redirect-to-https',
  '          LambdaFunctionAssociations:',
  `            - EventType: ${eventType}`,
  '              LambdaFunctionARN: arn:aws:lambda:us-east-1:123456789012:function:edge:4',
  '',
].join('\n');

describe('LAMBDA016 quick fix: the CloudFront event name', () => {
  it('YAML: viewer_request → viewer-request, keeping quotes', () => {
    assert.ok(fixed(distribution('viewer_request'), 'template.yaml', 'LAMBDA016').includes('- EventType: viewer-request\n'));
    assert.ok(fixed(distribution('"OriginResponse"'), 'template.yaml', 'LAMBDA016').includes('- EventType: "origin-response"\n'));
  });
  it('offers no fix for a name it cannot map', () => {
    const finding = lintText(distribution('on-request'), 'template.yaml').findings.find((f) => f.ruleId === 'LAMBDA016');
    assert.ok(finding);
    assert.strictEqual(finding.fixes.length, 0);
  });
  it('JSON', () => {
    const json = JSON.stringify({ Resources: { Cdn: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { Enabled: true, DefaultCacheBehavior: { TargetOriginId: 's', ViewerProtocolPolicy: 'allow-all', LambdaFunctionAssociations: [{ EventType: 'Viewer-Response', LambdaFunctionARN: 'arn:aws:lambda:us-east-1:1:function:e:2' }] } } } } } }, null, 2);
    const out = fixed(json, 'template.json', 'LAMBDA016');
    assert.strictEqual(JSON.parse(out).Resources.Cdn.Properties.DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations[0].EventType, 'viewer-response');
  });
});

const sqsMapping = (mapping: string[]) => [
  'Resources:',
  '  Jobs:',
  '    Type: AWS::SQS::Queue',
  '    Properties:',
  '      VisibilityTimeout: 180',
  '      RedrivePolicy: { deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:dlq, maxReceiveCount: 5 }',
  '  Fn:',
  '    Type: AWS::Lambda::Function',
  '    Properties:',
  '      Runtime: python3.13',
  '      Handler: index.handler',
  '      Role: arn:aws:iam::123456789012:role/fn',
  '      Code: { ZipFile: "def handler(e, c): pass" }',
  '      Timeout: 30',
  '  Mapping:',
  '    Type: AWS::Lambda::EventSourceMapping',
  '    Properties:',
  '      EventSourceArn: !GetAtt Jobs.Arn',
  '      FunctionName: !Ref Fn',
  ...mapping,
  '',
].join('\n');

describe('ESM001 / ESM002 quick fixes', () => {
  it('ESM001 clamps BatchSize to the source maximum', () => {
    const out = fixed(sqsMapping(['      BatchSize: 20000', '      MaximumBatchingWindowInSeconds: 2']), 'template.yaml', 'ESM001');
    assert.ok(out.includes('      BatchSize: 10000\n'), out);
  });
  it('ESM002 adds a one-second batching window (YAML)', () => {
    const out = fixed(sqsMapping(['      BatchSize: 100']), 'template.yaml', 'ESM002');
    assert.ok(out.includes('      BatchSize: 100\n      MaximumBatchingWindowInSeconds: 1\n'), out);
  });
  it('ESM002 adds a one-second batching window (JSON)', () => {
    const json = JSON.stringify({
      Resources: {
        Jobs: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 180, RedrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:1:dlq', maxReceiveCount: 5 } } },
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Role: 'arn:aws:iam::1:role/r', Runtime: 'python3.13', Handler: 'a.b', Code: { S3Bucket: 'b', S3Key: 'k' }, Timeout: 30 } },
        Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { EventSourceArn: { 'Fn::GetAtt': ['Jobs', 'Arn'] }, FunctionName: { Ref: 'Fn' }, BatchSize: 50 } },
      },
    }, null, 2);
    const out = fixed(json, 'template.json', 'ESM002');
    assert.strictEqual(JSON.parse(out).Resources.Mapping.Properties.MaximumBatchingWindowInSeconds, 1);
  });
});

describe('runtime lifecycle (LAMBDA010 / LAMBDA011)', () => {
  const k = getKnowledge();
  it('classifies by date: supported, deprecating within 180 days, deprecated, update-blocked', () => {
    assert.strictEqual(runtimeStatus(k, 'nodejs22.x', '2026-06-01').state, 'supported');
    const soon = runtimeStatus(k, 'nodejs22.x', '2026-11-21');
    assert.strictEqual(soon.state, 'deprecating');
    assert.strictEqual(soon.state === 'deprecating' && soon.days, 160);
    assert.strictEqual(runtimeStatus(k, 'nodejs20.x', '2026-05-15').state, 'deprecated');
    assert.strictEqual(runtimeStatus(k, 'nodejs20.x', '2026-07-01').state, 'update-blocked');
    assert.strictEqual(runtimeStatus(k, 'provided.al2', '2026-11-21').state, 'update-blocked');
    assert.strictEqual(runtimeStatus(k, 'python3.9', '2026-11-21').state, 'deprecated');
    assert.strictEqual(runtimeStatus(k, 'python3.12', '2026-11-21').state, 'unknown');
  });
  it('names a successor', () => {
    assert.strictEqual(successorOf(k, 'go1.x', { successor: 'provided.al2023' }), 'provided.al2023');
    assert.strictEqual(successorOf(k, 'nodejs22.x', {}), 'nodejs24.x');
  });
});
