import * as assert from 'assert';
import { lintText } from '../../src/engine/lint';
import type { TextEdit } from '../../src/engine/types';

function apply(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

const ALL_ON = { rules: { EBS012: 'info' as const } };

function fixed(text: string, fileName: string, ruleId: string, title?: RegExp): string {
  const finding = lintText(text, fileName, ALL_ON).findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} expected`);
  const fix = title ? finding.fixes.find((f) => title.test(f.title.en)) : finding.fixes[0];
  assert.ok(fix, `${ruleId} has no fix${title ? ` matching ${title}` : ''}: ${finding.fixes.map((f) => f.title.en).join(', ')}`);
  return apply(text, fix.edits);
}

function ruleIds(text: string, fileName: string): string[] {
  return lintText(text, fileName, ALL_ON).findings.map((f) => f.ruleId);
}

const volume = (props: string) => [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  '  Data:',
  '    Type: AWS::EC2::Volume',
  '    Properties:',
  '      AvailabilityZone: us-east-1a',
  ...props.split('\n').map((l) => `      ${l}`),
  '',
].join('\n');

const volumeJson = (props: Record<string, unknown>) => JSON.stringify({
  Resources: { Data: { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'us-east-1a', ...props } } },
}, null, 2);

describe('EBS quick fixes', () => {
  it('EBS001 clamps Iops to the size ratio (YAML)', () => {
    const text = fixed(volume('VolumeType: io1\nSize: 100\nIops: 6000\nEncrypted: true'), 'template.yaml', 'EBS001');
    assert.ok(text.includes('      Iops: 5000\n'), text);
    assert.deepStrictEqual(ruleIds(text, 'template.yaml'), []);
  });

  it('EBS001 clamps Iops to the size ratio (JSON, quoted number stays quoted)', () => {
    const text = fixed(volumeJson({ VolumeType: 'gp3', Size: 10, Iops: '8000', Encrypted: true }), 'template.json', 'EBS001');
    assert.strictEqual(JSON.parse(text).Resources.Data.Properties.Iops, '5000');
  });

  it('EBS002 clamps Iops into the type range, below the size ratio too', () => {
    const text = fixed(volume('VolumeType: io1\nSize: 100\nIops: 70000\nEncrypted: true'), 'template.yaml', 'EBS002');
    assert.ok(text.includes('      Iops: 5000\n'), text);
    assert.deepStrictEqual(ruleIds(text, 'template.yaml'), []);
  });

  it('EBS004 removes Iops (preferred) in YAML', () => {
    const source = volume('VolumeType: gp2 # general\nSize: 100\nIops: 300\nEncrypted: true');
    const finding = lintText(source, 'template.yaml').findings.find((f) => f.ruleId === 'EBS004')!;
    assert.ok(finding.fixes[0].preferred);
    const text = fixed(source, 'template.yaml', 'EBS004', /Remove Iops/);
    assert.ok(!text.includes('Iops'), text);
    assert.ok(text.includes('      Size: 100\n      Encrypted: true\n'), text);
  });

  it('EBS004 removes Iops in JSON', () => {
    const text = fixed(volumeJson({ VolumeType: 'st1', Size: 500, Iops: 300, Encrypted: true }), 'template.json', 'EBS004', /Remove Iops/);
    assert.deepStrictEqual(JSON.parse(text).Resources.Data.Properties, { AvailabilityZone: 'us-east-1a', VolumeType: 'st1', Size: 500, Encrypted: true });
  });

  it('EBS004 offers gp3 when the Iops fit gp3, adding VolumeType when it is missing', () => {
    const text = fixed(volume('Size: 100\nIops: 4000\nEncrypted: true'), 'template.yaml', 'EBS004', /gp3/);
    assert.ok(text.includes('      Encrypted: true\n      VolumeType: gp3\n'), text);
    assert.deepStrictEqual(ruleIds(text, 'template.yaml'), []);
  });

  it('EBS006 changes gp2 to gp3, keeping quotes', () => {
    const text = fixed(volume("VolumeType: 'gp2'\nSize: 100\nEncrypted: true"), 'template.yaml', 'EBS006');
    assert.ok(text.includes("      VolumeType: 'gp3'\n"), text);
  });

  it('EBS006 adds VolumeType: gp3 to a JSON volume without a type', () => {
    const text = fixed(volumeJson({ Size: 100, Encrypted: true }), 'template.json', 'EBS006');
    assert.strictEqual(JSON.parse(text).Resources.Data.Properties.VolumeType, 'gp3');
  });

  it('EBS011 clamps an st1 size into 125–16,384 GiB', () => {
    const text = fixed(volume('VolumeType: st1\nSize: 100\nEncrypted: true'), 'template.yaml', 'EBS011');
    assert.ok(text.includes('      Size: 125\n'), text);
  });

  it('EBS011 clamps VolumeSize in a JSON block device mapping', () => {
    const json = JSON.stringify({
      Resources: {
        Web: {
          Type: 'AWS::EC2::Instance',
          Properties: { InstanceType: 'm5.large', BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeType: 'sc1', VolumeSize: 20000, Encrypted: true } }] },
        },
      },
    }, null, 2);
    const text = fixed(json, 'template.json', 'EBS011');
    assert.strictEqual(JSON.parse(text).Resources.Web.Properties.BlockDeviceMappings[0].Ebs.VolumeSize, 16384);
  });

  it('EBS012 adds Encrypted: true to a volume, or flips false in a mapping', () => {
    const text = fixed(volume('VolumeType: gp3\nSize: 100'), 'template.yaml', 'EBS012');
    assert.ok(text.includes('      Size: 100\n      Encrypted: true\n'), text);
    const json = JSON.stringify({
      Resources: {
        Lt: {
          Type: 'AWS::EC2::LaunchTemplate',
          Properties: { LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeType: 'gp3', Encrypted: false } }] } },
        },
      },
    }, null, 2);
    const flipped = fixed(json, 'template.json', 'EBS012');
    assert.strictEqual(JSON.parse(flipped).Resources.Lt.Properties.LaunchTemplateData.BlockDeviceMappings[0].Ebs.Encrypted, true);
  });
});
