import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function fixed(text: string, fileName: string, ruleId: string, index = 0): string {
  const findings = lintText(text, fileName, { rules: { [ruleId]: 'info' } }).findings.filter((f) => f.ruleId === ruleId);
  const finding = findings[index];
  assert.ok(finding, `${ruleId} expected`);
  assert.ok(finding.fixes[0], `${ruleId} has no fix`);
  const out = apply(text, finding.fixes[0].edits);
  assert.ok(!lintText(out, fileName, { rules: { [ruleId]: 'info' } }).findings.some((f) => f.ruleId === ruleId && f.range.start.line === finding.range.start.line), `${ruleId} still reported after the fix:\n${out}`);
  return out;
}

const yaml = (props: string) => [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Box:',
  '    Type: AWS::EC2::Instance',
  '    Properties:',
  '      ImageId: ami-0abcdef1234567890',
  ...props.split('\n'),
  '',
].join('\n');

const json = (props: Record<string, unknown>) => JSON.stringify({
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: { Box: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0abcdef1234567890', ...props } } },
}, null, 2);

describe('EC2 quick fixes', () => {
  it('EC2001 sets Encrypted: true on the root volume (YAML)', () => {
    const text = yaml('      InstanceType: m5.large\n      HibernationOptions:\n        Configured: true\n      BlockDeviceMappings:\n        - DeviceName: /dev/xvda\n          Ebs:\n            Encrypted: false # root');
    const out = fixed(text, 'template.yaml', 'EC2001');
    assert.ok(out.includes('            Encrypted: true # root\n'), out);
  });

  it('EC2001 sets Encrypted: true on the root volume (JSON)', () => {
    const text = json({ InstanceType: 'm5.large', HibernationOptions: { Configured: true }, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: false } }] });
    const out = fixed(text, 'template.json', 'EC2001');
    assert.deepStrictEqual(JSON.parse(out).Resources.Box.Properties.BlockDeviceMappings[0].Ebs, { Encrypted: true });
  });

  it('EC2006 removes CpuOptions (YAML, keeps the neighbours)', () => {
    const text = yaml('      InstanceType: m5.metal\n      CpuOptions:\n        CoreCount: 24\n        ThreadsPerCore: 1\n      Monitoring: true');
    const out = fixed(text, 'template.yaml', 'EC2006');
    assert.ok(out.endsWith('      InstanceType: m5.metal\n      Monitoring: true\n'), out);
  });

  it('EC2006 removes CpuOptions (JSON)', () => {
    const text = json({ InstanceType: 'm5.metal', CpuOptions: { CoreCount: 24, ThreadsPerCore: 1 }, Monitoring: true });
    const out = fixed(text, 'template.json', 'EC2006');
    assert.deepStrictEqual(JSON.parse(out).Resources.Box.Properties, { ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.metal', Monitoring: true });
  });

  it('EC2007 removes ElasticGpuSpecifications (YAML) and is the preferred fix', () => {
    const text = yaml('      InstanceType: t3.medium\n      ElasticGpuSpecifications:\n        - Type: eg1.medium\n      Monitoring: true');
    const finding = lintText(text, 'template.yaml').findings.find((f) => f.ruleId === 'EC2007');
    assert.ok(finding?.fixes[0]?.preferred);
    const out = fixed(text, 'template.yaml', 'EC2007');
    assert.ok(!out.includes('ElasticGpu') && out.includes('      Monitoring: true\n'), out);
  });

  it('EC2007 removes ElasticInferenceAccelerators (JSON, last property)', () => {
    const text = json({ InstanceType: 'c5.large', ElasticInferenceAccelerators: [{ Type: 'eia2.medium' }] });
    const out = fixed(text, 'template.json', 'EC2007');
    assert.deepStrictEqual(JSON.parse(out).Resources.Box.Properties, { ImageId: 'ami-0abcdef1234567890', InstanceType: 'c5.large' });
  });

  it('EC2007 removes a SageMaker variant\'s AcceleratorType', () => {
    const text = [
      'Resources:',
      '  Endpoint:',
      '    Type: AWS::SageMaker::EndpointConfig',
      '    Properties:',
      '      ProductionVariants:',
      '        - ModelName: m',
      '          AcceleratorType: ml.eia2.medium',
      '          VariantName: AllTraffic',
      '',
    ].join('\n');
    const out = fixed(text, 'template.yaml', 'EC2007');
    assert.ok(out.includes('        - ModelName: m\n          VariantName: AllTraffic\n'), out);
  });

  it('EC2009 removes an ignored EbsOptimized: false (YAML and JSON)', () => {
    const out = fixed(yaml('      InstanceType: m5.large\n      EbsOptimized: false'), 'template.yaml', 'EC2009');
    assert.ok(!out.includes('EbsOptimized'), out);
    const outJson = fixed(json({ InstanceType: 'm5.large', EbsOptimized: false, Monitoring: true }), 'template.json', 'EC2009');
    assert.deepStrictEqual(JSON.parse(outJson).Resources.Box.Properties, { ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large', Monitoring: true });
  });

  it('EC2009 enables EbsOptimized on an older type: adds it, or flips false to true', () => {
    const added = fixed(yaml('      InstanceType: m3.xlarge'), 'template.yaml', 'EC2009');
    assert.ok(added.includes('      InstanceType: m3.xlarge\n      EbsOptimized: true'), added);
    const flipped = fixed(json({ InstanceType: 'r3.2xlarge', EbsOptimized: false }), 'template.json', 'EC2009');
    assert.strictEqual(JSON.parse(flipped).Resources.Box.Properties.EbsOptimized, true);
  });
});
