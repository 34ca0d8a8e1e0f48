import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

/** Quick fixes of the DynamoDB and ElastiCache rules, applied to YAML and JSON templates. */

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixed(text: string, fileName: string, ruleId: string, fixIndex = 0): string {
  const finding = lintText(text, fileName).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  const fix = finding.fixes[fixIndex];
  assert.ok(fix, `${ruleId} has no fix #${fixIndex}`);
  return apply(text, fix.edits);
}

function ids(text: string, fileName: string): string[] {
  return lintText(text, fileName).findings.map((f) => f.ruleId);
}

const TABLE = (extra: string) => [
  'Resources:',
  '  Orders:',
  '    Type: AWS::DynamoDB::Table',
  '    Properties:',
  ...extra.split('\n').filter(Boolean),
  '      AttributeDefinitions:',
  '        - { AttributeName: id, AttributeType: S }',
  '      KeySchema:',
  '        - { AttributeName: id, KeyType: HASH }',
  '',
].join('\n');

describe('DDB001 quick fix: remove ProvisionedThroughput under PAY_PER_REQUEST', () => {
  it('removes the whole block in YAML, comment lines included', () => {
    const text = TABLE('      BillingMode: PAY_PER_REQUEST\n      ProvisionedThroughput: # old\n        ReadCapacityUnits: 5\n        WriteCapacityUnits: 5');
    const out = fixed(text, 'template.yaml', 'DDB001');
    assert.ok(out.includes('      BillingMode: PAY_PER_REQUEST\n      AttributeDefinitions:'), out);
    assert.ok(!out.includes('ProvisionedThroughput'));
    assert.deepStrictEqual(ids(out, 'template.yaml'), []);
  });

  it('removes it from a GSI', () => {
    const text = [
      'Resources:',
      '  Orders:',
      '    Type: AWS::DynamoDB::Table',
      '    Properties:',
      '      BillingMode: PAY_PER_REQUEST',
      '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }, { AttributeName: u, AttributeType: S }]',
      '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
      '      GlobalSecondaryIndexes:',
      '        - IndexName: byUser',
      '          KeySchema: [{ AttributeName: u, KeyType: HASH }]',
      '          ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }',
      '          Projection: { ProjectionType: ALL }',
      '',
    ].join('\n');
    const out = fixed(text, 'template.yaml', 'DDB001');
    assert.ok(out.includes("          KeySchema: [{ AttributeName: u, KeyType: HASH }]\n          Projection: { ProjectionType: ALL }\n"), out);
    assert.deepStrictEqual(ids(out, 'template.yaml'), []);
  });

  it('removes the pair and its comma in JSON', () => {
    const json = JSON.stringify({
      Resources: {
        Orders: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            BillingMode: 'PAY_PER_REQUEST',
            ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          },
        },
      },
    }, null, 2);
    const out = fixed(json, 'template.json', 'DDB001');
    const parsed = JSON.parse(out);
    assert.strictEqual(parsed.Resources.Orders.Properties.ProvisionedThroughput, undefined);
    assert.strictEqual(parsed.Resources.Orders.Properties.BillingMode, 'PAY_PER_REQUEST');
    assert.deepStrictEqual(ids(out, 'template.json'), []);
  });

  it('offers no fix when the billing mode is a deploy-time choice', () => {
    const text = [
      'Parameters:',
      '  Mode: { Type: String, AllowedValues: [PROVISIONED, PAY_PER_REQUEST] }',
      TABLE('      BillingMode: !Ref Mode\n      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 }'),
    ].join('\n');
    const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'DDB001');
    assert.ok(finding);
    assert.strictEqual(finding.severity, 'warning');
    assert.deepStrictEqual(finding.fixes, []);
  });
});

describe('DDB002 quick fix: capacity units to a whole number ≥ 1', () => {
  it('clamps 0 to 1 and rounds 2.5 up to 3 in YAML', () => {
    const text = TABLE('      ProvisionedThroughput:\n        ReadCapacityUnits: 0\n        WriteCapacityUnits: 2.5');
    let out = fixed(text, 'template.yaml', 'DDB002');
    assert.ok(out.includes('        ReadCapacityUnits: 1\n'), out);
    out = fixed(out, 'template.yaml', 'DDB002');
    assert.ok(out.includes('        WriteCapacityUnits: 3\n'), out);
    assert.deepStrictEqual(ids(out, 'template.yaml'), []);
  });

  it('replaces a quoted JSON value with a number', () => {
    const json = JSON.stringify({
      Resources: {
        T: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            ProvisionedThroughput: { ReadCapacityUnits: '0', WriteCapacityUnits: 1 },
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          },
        },
      },
    }, null, 2);
    const out = fixed(json, 'template.json', 'DDB002');
    assert.strictEqual(JSON.parse(out).Resources.T.Properties.ProvisionedThroughput.ReadCapacityUnits, 1);
  });
});

describe('DDB006 quick fixes: use the stream ARN, enable the stream', () => {
  const streamed = (source: string) => [
    'Resources:',
    '  Orders:',
    '    Type: AWS::DynamoDB::Table',
    '    Properties:',
    '      BillingMode: PAY_PER_REQUEST',
    '      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]',
    '      KeySchema: [{ AttributeName: id, KeyType: HASH }]',
    '      StreamSpecification:',
    '        StreamViewType: NEW_IMAGE',
    '  Mapping:',
    '    Type: AWS::Lambda::EventSourceMapping',
    '    Properties:',
    '      FunctionName: processor',
    `      EventSourceArn: ${source}`,
    '      StartingPosition: LATEST',
    '',
  ].join('\n');

  it('turns !GetAtt T.Arn into !GetAtt T.StreamArn', () => {
    const out = fixed(streamed('!GetAtt Orders.Arn'), 'template.yaml', 'DDB006');
    assert.ok(out.includes('      EventSourceArn: !GetAtt Orders.StreamArn\n'), out);
    assert.deepStrictEqual(ids(out, 'template.yaml'), []);
  });

  it('turns !Ref T into !GetAtt T.StreamArn', () => {
    const out = fixed(streamed('!Ref Orders'), 'template.yaml', 'DDB006');
    assert.ok(out.includes('      EventSourceArn: !GetAtt Orders.StreamArn\n'), out);
  });

  it('fixes the long form in JSON', () => {
    const json = JSON.stringify({
      Resources: {
        Orders: {
          Type: 'AWS::DynamoDB::Table',
          Properties: {
            BillingMode: 'PAY_PER_REQUEST',
            AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
            KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
            StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
          },
        },
        Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { FunctionName: 'f', EventSourceArn: { 'Fn::GetAtt': ['Orders', 'Arn'] }, StartingPosition: 'LATEST' } },
      },
    }, null, 2);
    const out = fixed(json, 'template.json', 'DDB006');
    assert.deepStrictEqual(JSON.parse(out).Resources.Mapping.Properties.EventSourceArn, { 'Fn::GetAtt': ['Orders', 'StreamArn'] });
  });

  it('adds StreamSpecification to a table without a stream (YAML and JSON)', () => {
    const yaml = streamed('!GetAtt Orders.StreamArn').replace('      StreamSpecification:\n        StreamViewType: NEW_IMAGE\n', '');
    const out = fixed(yaml, 'template.yaml', 'DDB006');
    assert.ok(out.includes('      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n      StreamSpecification:\n        StreamViewType: NEW_AND_OLD_IMAGES\n  Mapping:'), out);
    assert.deepStrictEqual(ids(out, 'template.yaml'), []);
    const json = JSON.stringify({
      Resources: {
        Orders: { Type: 'AWS::DynamoDB::Table', Properties: { BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] } },
        Mapping: { Type: 'AWS::Lambda::EventSourceMapping', Properties: { FunctionName: 'f', EventSourceArn: { 'Fn::GetAtt': ['Orders', 'StreamArn'] }, StartingPosition: 'LATEST' } },
      },
    }, null, 2);
    const jsonOut = fixed(json, 'template.json', 'DDB006');
    assert.deepStrictEqual(JSON.parse(jsonOut).Resources.Orders.Properties.StreamSpecification, { StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });
});

describe('ELASTICACHE001 quick fix: TransitEncryptionEnabled: true', () => {
  const group = (extra: string) => [
    'Resources:',
    '  Sessions:',
    '    Type: AWS::ElastiCache::ReplicationGroup',
    '    Properties:',
    '      ReplicationGroupDescription: sessions',
    '      Engine: valkey',
    ...extra.split('\n').filter(Boolean),
    '      AuthToken: "{{resolve:secretsmanager:redis:SecretString:token}}"',
    '',
  ].join('\n');

  it('adds the property when it is missing', () => {
    const out = fixed(group(''), 'template.yaml', 'ELASTICACHE001');
    assert.ok(out.endsWith('      AuthToken: "{{resolve:secretsmanager:redis:SecretString:token}}"\n      TransitEncryptionEnabled: true\n'), out);
    assert.deepStrictEqual(ids(out, 'template.yaml'), []);
  });

  it('replaces an explicit false, in YAML and JSON', () => {
    const out = fixed(group('      TransitEncryptionEnabled: false'), 'template.yaml', 'ELASTICACHE001');
    assert.ok(out.includes('      TransitEncryptionEnabled: true\n'), out);
    const json = JSON.stringify({ Resources: { R: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { ReplicationGroupDescription: 'r', TransitEncryptionEnabled: false, AuthToken: '{{resolve:secretsmanager:redis}}' } } } }, null, 2);
    assert.strictEqual(JSON.parse(fixed(json, 'template.json', 'ELASTICACHE001')).Resources.R.Properties.TransitEncryptionEnabled, true);
  });
});

describe('ELASTICACHE004 quick fix: NumCacheClusters to the minimum', () => {
  it('sets a literal 1 to 2 (YAML and JSON)', () => {
    const text = [
      'Resources:',
      '  Cache:',
      '    Type: AWS::ElastiCache::ReplicationGroup',
      '    Properties:',
      '      ReplicationGroupDescription: cache',
      '      NumCacheClusters: 1',
      '      AutomaticFailoverEnabled: true',
      '',
    ].join('\n');
    const out = fixed(text, 'template.yaml', 'ELASTICACHE004');
    assert.ok(out.includes('      NumCacheClusters: 2\n'), out);
    assert.deepStrictEqual(ids(out, 'template.yaml'), []);
    const json = JSON.stringify({ Resources: { C: { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { ReplicationGroupDescription: 'c', NumCacheClusters: 1, AutomaticFailoverEnabled: true } } } }, null, 2);
    assert.strictEqual(JSON.parse(fixed(json, 'template.json', 'ELASTICACHE004')).Resources.C.Properties.NumCacheClusters, 2);
  });
});
