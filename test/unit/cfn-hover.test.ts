import * as assert from 'assert';
import { hover } from '../../src/engine/hover';
import { lookup } from '../../src/engine/lookup';
import { parse } from '../../src/engine/parse';

/** Hovers of the CloudFormation/SAM notes: sections, intrinsics, pseudo parameters, value hovers. */

function notesAt(text: string, marker: string, delta = 1, fileName = 'template.yaml'): string[] {
  const doc = parse(text, fileName);
  const at = text.indexOf(marker);
  assert.ok(at >= 0, `marker ${marker} not in text`);
  return hover(doc, at + delta, { lang: 'en' })?.notes ?? [];
}

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Parameters:
  Env:
    Type: String
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Mappings:
  RegionMap:
    us-east-1: { Ami: ami-1 }
Resources:
  Stream:
    Type: AWS::Kinesis::Stream
    Properties:
      StreamModeDetails:
        StreamMode: ON_DEMAND
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      AvailabilityMode: regional
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: SecureString
      Name: !Sub "arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/x"
      Value: !FindInMap [RegionMap, us-east-1, Ami]
  Broker:
    Type: AWS::AmazonMQ::Broker
  Legacy:
    Type: AWS::KinesisAnalytics::Application
Outputs:
  StreamArn:
    Value: !GetAtt Stream.Arn
    Export:
      Name: !Sub "\${AWS::StackName}-StreamArn"
`;

describe('CloudFormation/SAM hovers (cfn notes)', () => {
  it('shows section notes on top-level keys and under Outputs', () => {
    assert.deepStrictEqual(notesAt(TEMPLATE, 'Parameters:'), ['cfn.parameters']);
    assert.deepStrictEqual(notesAt(TEMPLATE, 'Conditions:'), ['cfn.conditions']);
    assert.deepStrictEqual(notesAt(TEMPLATE, 'Mappings:'), ['cfn.mappings-findinmap']);
    assert.deepStrictEqual(notesAt(TEMPLATE, '\nResources:'.slice(1)), ['cfn.resources-required']);
    assert.deepStrictEqual(notesAt(TEMPLATE, 'Transform:'), ['sam.template']);
    assert.deepStrictEqual(notesAt(TEMPLATE, 'Name: !Sub "${AWS::StackName}'), ['cfn.outputs-importvalue']);
  });

  it('shows the first-key file header together with its section note', () => {
    const doc = parse(TEMPLATE, 'template.yaml');
    const result = hover(doc, 2, { lang: 'en' })!;
    assert.deepStrictEqual(result.notes, ['cfn.resources-required']);
    assert.match(result.markdown, /CloudFormation|SAM/);
  });

  it('shows intrinsic function and pseudo parameter notes', () => {
    assert.deepStrictEqual(notesAt(TEMPLATE, '!GetAtt'), ['cfn.getatt']);
    assert.deepStrictEqual(notesAt(TEMPLATE, '!FindInMap'), ['cfn.mappings-findinmap']);
    assert.deepStrictEqual(notesAt(TEMPLATE, '!Equals'), ['cfn.conditions']);
    assert.deepStrictEqual(notesAt(TEMPLATE, '${AWS::AccountId}', 3), ['cfn.accountid']);
  });

  it('shows value hovers of §5.2 rows', () => {
    assert.deepStrictEqual(notesAt(TEMPLATE, 'ON_DEMAND').sort(), ['kds.autoscaling', 'kds.shards']);
    assert.deepStrictEqual(notesAt(TEMPLATE, 'regional'), ['natgw.az-scope']);
    assert.deepStrictEqual(notesAt(TEMPLATE, 'SecureString'), ['ssm.parameter-store']);
  });

  it('shows type notes, with the retired label for Kinesis Data Analytics', () => {
    assert.deepStrictEqual(notesAt(TEMPLATE, 'AWS::AmazonMQ::Broker'), ['mq.overview']);
    const doc = parse(TEMPLATE, 'template.yaml');
    const result = hover(doc, TEMPLATE.indexOf('AWS::KinesisAnalytics::Application') + 1, { lang: 'en' })!;
    assert.deepStrictEqual(result.notes, ['kda.overview']);
    assert.match(result.markdown, /RETIRED|[Rr]etired/);
    assert.match(result.markdown, /2026-01-27/);
  });
});

describe('lookup of cfn-area notes', () => {
  it('finds notes by Japanese and English vocabulary', () => {
    assert.strictEqual(lookup('フェイルオーバー')[0]?.id, 'route53.failover');
    assert.strictEqual(lookup('GetSessionToken')[0]?.id, 'cognito.identity-pool');
    assert.ok(lookup('二重送信').some((r) => r.id === 'kds.producer-duplicates'));
    assert.ok(lookup('sam deploy').some((r) => r.id === 'sam.package-deploy'));
  });
});
