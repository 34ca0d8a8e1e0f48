import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixed(text: string, fileName: string, ruleId: string): string {
  const finding = lintText(text, fileName).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  assert.ok(finding.fixes[0].preferred, `${ruleId}'s fix should be preferred`);
  return apply(text, finding.fixes[0].edits);
}

function ruleIds(text: string, fileName: string): string[] {
  return lintText(text, fileName).findings.map((f) => f.ruleId);
}

const service = (strategies: string[]) => [
  'Resources:',
  '  Web:',
  '    Type: AWS::ECS::Service',
  '    Properties:',
  '      Cluster: my-cluster',
  '      LaunchType: EC2',
  '      PlacementStrategies:',
  ...strategies.map((s) => `        ${s}`),
  '',
].join('\n');

describe('ECS quick fixes', () => {
  it('ECS001 removes the Field of a random strategy', () => {
    const text = fixed(service(['- Type: random', '  Field: memory', '- Type: binpack', '  Field: cpu']), 'template.yaml', 'ECS001');
    assert.ok(text.includes('        - Type: random\n        - Type: binpack\n          Field: cpu\n'), text);
    assert.deepStrictEqual(ruleIds(text, 'template.yaml'), []);
  });

  it('ECS001 adds the attribute: prefix to a spread field (quoted, JSON)', () => {
    const json = JSON.stringify({
      Resources: { Web: { Type: 'AWS::ECS::Service', Properties: { LaunchType: 'EC2', PlacementStrategies: [{ Type: 'spread', Field: 'ecs.availability-zone' }] } } },
    }, null, 2);
    const text = fixed(json, 'template.json', 'ECS001');
    assert.strictEqual(JSON.parse(text).Resources.Web.Properties.PlacementStrategies[0].Field, 'attribute:ecs.availability-zone');
  });

  it('ECS002 removes PlacementStrategies from a Fargate service (YAML)', () => {
    const yaml = service(['- Type: spread', '  Field: attribute:ecs.availability-zone']).replace('LaunchType: EC2', 'LaunchType: FARGATE');
    const text = fixed(yaml, 'template.yaml', 'ECS002');
    assert.ok(!text.includes('PlacementStrategies') && !text.includes('spread'), text);
    assert.ok(text.endsWith('      LaunchType: FARGATE\n'), JSON.stringify(text));
  });

  it('ECS002 removes PlacementConstraints from a Fargate service (JSON)', () => {
    const json = JSON.stringify({
      Resources: { Api: { Type: 'AWS::ECS::Service', Properties: { LaunchType: 'FARGATE', PlacementConstraints: [{ Type: 'distinctInstance' }], DesiredCount: 2 } } },
    }, null, 2);
    const text = fixed(json, 'template.json', 'ECS002');
    assert.deepStrictEqual(JSON.parse(text).Resources.Api.Properties, { LaunchType: 'FARGATE', DesiredCount: 2 });
  });

  it('ECS003 adds NewInstancesProtectedFromScaleIn: true to the Auto Scaling group', () => {
    const yaml = [
      'Resources:',
      '  Asg:',
      '    Type: AWS::AutoScaling::AutoScalingGroup',
      '    Properties:',
      '      MinSize: "0"',
      '      MaxSize: "4"',
      '  Provider:',
      '    Type: AWS::ECS::CapacityProvider',
      '    Properties:',
      '      AutoScalingGroupProvider:',
      '        AutoScalingGroupArn: !Ref Asg',
      '        ManagedTerminationProtection: ENABLED',
      '',
    ].join('\n');
    const text = fixed(yaml, 'template.yaml', 'ECS003');
    assert.ok(text.includes('      MaxSize: "4"\n      NewInstancesProtectedFromScaleIn: true\n  Provider:'), text);
    assert.deepStrictEqual(ruleIds(text, 'template.yaml'), []);
    const json = JSON.stringify({
      Resources: {
        Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '0', MaxSize: '4' } },
        Provider: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Asg' }, ManagedTerminationProtection: 'ENABLED' } } },
      },
    }, null, 2);
    assert.strictEqual(JSON.parse(fixed(json, 'template.json', 'ECS003')).Resources.Asg.Properties.NewInstancesProtectedFromScaleIn, true);
  });
});
