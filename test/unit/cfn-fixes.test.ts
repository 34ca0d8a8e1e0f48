import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

/**
 * Quick fixes of the CloudFormation/SAM/other-service rules of spec §3.15–3.17: each is applied
 * and the result is linted again (the finding must be gone, the text must stay valid YAML/JSON).
 */

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fix(text: string, fileName: string, ruleId: string, nth = 0): string {
  const finding = lintText(text, fileName, { rules: { [ruleId]: 'warning' } }).findings.filter((f) => f.ruleId === ruleId)[nth];
  assert.ok(finding, `${ruleId} expected in:\n${text}`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  return apply(text, finding.fixes[0].edits);
}

function remaining(text: string, fileName: string, ruleId: string): number {
  const result = lintText(text, fileName, { rules: { [ruleId]: 'warning' } });
  assert.ok(!result.findings.some((f) => f.ruleId === 'PARSE'), `fixed text does not parse:\n${text}`);
  return result.findings.filter((f) => f.ruleId === ruleId).length;
}

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('CFN003 quick fix: attribute name with the wrong case', () => {
  it('corrects the short form, the list form and a ${Res.Attr} in Fn::Sub', () => {
    let text = yaml(
      'Resources:',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      'Outputs:',
      '  A:',
      '    Value: !GetAtt Table.StreamARN',
      '  B:',
      '    Value: !GetAtt [Table, arn]',
      '  C:',
      '    Value: !Sub "stream=${Table.streamArn}"',
    );
    text = fix(text, 'template.yaml', 'CFN003');
    text = fix(text, 'template.yaml', 'CFN003');
    text = fix(text, 'template.yaml', 'CFN003');
    assert.ok(text.includes('!GetAtt Table.StreamArn\n') && text.includes('!GetAtt [Table, Arn]') && text.includes('${Table.StreamArn}'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'CFN003'), 0);
  });

  it('offers no fix when no attribute matches', () => {
    const finding = lintText(yaml('Resources:', '  Q:', '    Type: AWS::SQS::Queue', 'Outputs:', '  A:', '    Value: !GetAtt Q.Url'), 't.yaml').findings.find((f) => f.ruleId === 'CFN003');
    assert.ok(finding);
    assert.strictEqual(finding.fixes.length, 0);
    assert.match(finding.message, /`AWS::SQS::Queue` has no attribute `Url`; available: `Arn`, `QueueName`, `QueueUrl`/);
  });

  it('works in JSON', () => {
    const json = JSON.stringify({ Resources: { T: { Type: 'AWS::SNS::Topic' } }, Outputs: { A: { Value: { 'Fn::GetAtt': ['T', 'topicArn'] } } } }, null, 2);
    const text = fix(json, 'template.json', 'CFN003');
    assert.ok(text.includes('"TopicArn"'), text);
    assert.strictEqual(remaining(text, 'template.json', 'CFN003'), 0);
  });
});

describe('CFN006 quick fix: escape IAM policy variables', () => {
  it('escapes every occurrence in a YAML Sub', () => {
    const text = fix(yaml(
      'Resources:',
      '  P:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument:',
      '        Statement:',
      '          - Effect: Allow',
      '            Action: s3:*',
      '            Resource: !Sub "arn:aws:s3:::${AWS::StackName}/${aws:username}/${aws:username}/*"',
    ), 'template.yaml', 'CFN006');
    assert.ok(text.includes('/${!aws:username}/${!aws:username}/*"'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'CFN006'), 0);
  });

  it('escapes in a JSON Sub with a variable map', () => {
    const json = JSON.stringify({ Resources: { P: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: { 'Fn::Sub': ['arn:aws:s3:::${B}/${aws:userid}/*', { B: 'b' }] } }] } } } } });
    const text = fix(json, 'template.json', 'CFN006');
    assert.ok(text.includes('${!aws:userid}'), text);
    JSON.parse(text);
  });
});

describe('CFN008 quick fix: !Ref → !GetAtt', () => {
  const head = ['Resources:', '  Q:', '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: 60', '      RedrivePolicy: {deadLetterTargetArn: !GetAtt D.Arn, maxReceiveCount: 3}', '  D:', '    Type: AWS::SQS::Queue', '    Properties:', '      MessageRetentionPeriod: 1209600', '  F:', '    Type: AWS::Lambda::Function', '  M:', '    Type: AWS::Lambda::EventSourceMapping', '    Properties:', '      FunctionName: !Ref F'];

  it('rewrites the short form', () => {
    const text = fix(yaml(...head, '      EventSourceArn: !Ref Q # the queue'), 'template.yaml', 'CFN008');
    assert.ok(text.includes('      EventSourceArn: !GetAtt Q.Arn # the queue\n'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'CFN008'), 0);
  });

  it('rewrites the long block form', () => {
    const text = fix(yaml(...head, '      EventSourceArn:', '        Ref: Q', '      BatchSize: 5'), 'template.yaml', 'CFN008');
    assert.ok(text.includes('      EventSourceArn:\n        Fn::GetAtt: [Q, Arn]\n      BatchSize: 5\n'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'CFN008'), 0);
  });

  it('a DynamoDB table ARN given as an event source is DDB006\'s to fix (to its stream ARN), in JSON', () => {
    const json = JSON.stringify({ Resources: {
      T: { Type: 'AWS::DynamoDB::Table', Properties: { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } } },
      F: { Type: 'AWS::Lambda::Function' },
      M: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { FunctionName: { Ref: 'F' }, EventSourceArn: { 'Fn::GetAtt': ['T', 'Arn'] }, StartingPosition: 'LATEST' } },
    } }, null, 2);
    assert.strictEqual(remaining(json, 'template.json', 'CFN008'), 0);
    const text = fix(json, 'template.json', 'DDB006');
    assert.deepStrictEqual(JSON.parse(text).Resources.M.Properties.EventSourceArn, { 'Fn::GetAtt': ['T', 'StreamArn'] });
  });
});

describe('SAM001 quick fix: add the SAM transform', () => {
  const fn = ['Resources:', '  F:', '    Type: AWS::Serverless::Function', '    Properties:', '      Handler: app.handler'];

  it('adds Transform to a YAML template', () => {
    const text = fix(yaml('AWSTemplateFormatVersion: "2010-09-09"', ...fn), 'template.yaml', 'SAM001');
    assert.ok(/\nTransform: AWS::Serverless-2016-10-31\n?$/.test(text), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'SAM001'), 0);
  });

  it('appends to an existing scalar Transform', () => {
    const text = fix(yaml('Transform: AWS::LanguageExtensions', ...fn), 'template.yaml', 'SAM001');
    assert.ok(text.startsWith('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'SAM001'), 0);
  });

  it('adds Transform to a JSON template', () => {
    const json = JSON.stringify({ Resources: { T: { Type: 'AWS::Serverless::SimpleTable' } } }, null, 2);
    const text = fix(json, 'template.json', 'SAM001');
    assert.strictEqual(JSON.parse(text).Transform, 'AWS::Serverless-2016-10-31');
  });
});

describe('SAM003 quick fix: add AutoPublishAlias', () => {
  it('adds AutoPublishAlias: live (YAML and JSON)', () => {
    const text = fix(yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', '  F:', '    Type: AWS::Serverless::Function', '    Properties:', '      Handler: app.handler', '      DeploymentPreference:', '        Type: AllAtOnce'), 'template.yaml', 'SAM003');
    assert.ok(text.endsWith('        Type: AllAtOnce\n      AutoPublishAlias: live\n'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'SAM003'), 0);
    const json = JSON.stringify({ Transform: 'AWS::Serverless-2016-10-31', Resources: { F: { Type: 'AWS::Serverless::Function', Properties: { DeploymentPreference: { Type: 'AllAtOnce' } } } } }, null, 2);
    assert.strictEqual(JSON.parse(fix(json, 'template.json', 'SAM003')).Resources.F.Properties.AutoPublishAlias, 'live');
  });
});

describe('KINESIS001/KINESIS002 quick fixes', () => {
  it('removes ShardCount from an on-demand stream (YAML and JSON)', () => {
    const text = fix(yaml('Resources:', '  S:', '    Type: AWS::Kinesis::Stream', '    Properties:', '      ShardCount: 2', '      StreamModeDetails:', '        StreamMode: ON_DEMAND'), 'template.yaml', 'KINESIS001');
    assert.strictEqual(text, yaml('Resources:', '  S:', '    Type: AWS::Kinesis::Stream', '    Properties:', '      StreamModeDetails:', '        StreamMode: ON_DEMAND'));
    const json = JSON.stringify({ Resources: { S: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 2, StreamModeDetails: { StreamMode: 'ON_DEMAND' } } } } }, null, 2);
    assert.deepStrictEqual(JSON.parse(fix(json, 'template.json', 'KINESIS001')).Resources.S.Properties, { StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  });

  it('adds KMS encryption with the AWS managed key (YAML and JSON)', () => {
    const text = fix(yaml('Resources:', '  S:', '    Type: AWS::Kinesis::Stream', '    Properties:', '      ShardCount: 1'), 'template.yaml', 'KINESIS002');
    assert.ok(text.endsWith('      ShardCount: 1\n      StreamEncryption: {EncryptionType: KMS, KeyId: alias/aws/kinesis}\n'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'KINESIS002'), 0);
    const json = JSON.stringify({ Resources: { S: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } } } }, null, 2);
    assert.deepStrictEqual(JSON.parse(fix(json, 'template.json', 'KINESIS002')).Resources.S.Properties.StreamEncryption, { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' });
  });
});

describe('CP001 quick fix: the manual approval action type', () => {
  it('sets Owner and Provider (YAML) and Version (JSON)', () => {
    const src = yaml(
      'Resources:',
      '  P:',
      '    Type: AWS::CodePipeline::Pipeline',
      '    Properties:',
      '      Stages:',
      '        - Name: Review',
      '          Actions:',
      '            - Name: Approve',
      '              ActionTypeId: {Category: Approval, Owner: Custom, Provider: Manual, Version: "1"}',
      '              Configuration: {NotificationArn: arn:aws:sns:us-east-1:111122223333:t}',
    );
    const text = fix(src, 'template.yaml', 'CP001');
    assert.ok(text.includes('{Category: Approval, Owner: AWS, Provider: Manual, Version: "1"}'), text);
    assert.strictEqual(remaining(text, 'template.yaml', 'CP001'), 0);
    const json = JSON.stringify({ Resources: { P: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Stages: [{ Name: 'R', Actions: [{ Name: 'A', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '2' }, Configuration: { NotificationArn: 'arn:aws:sns:us-east-1:111122223333:t' } }] }] } } } }, null, 2);
    assert.strictEqual(JSON.parse(fix(json, 'template.json', 'CP001')).Resources.P.Properties.Stages[0].Actions[0].ActionTypeId.Version, '1');
  });
});
