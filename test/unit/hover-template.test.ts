import * as assert from 'assert';
import { hover } from '../../src/engine/hover';
import { Knowledge, type NoteEntry } from '../../src/engine/knowledge';
import { parse } from '../../src/engine/parse';

/**
 * The hover's anchoring logic for Beanstalk options and alarm metrics, on a small knowledge base
 * built here (the real notes for these attach points are tested in hover-notes.test.ts).
 */
function note(id: string, attach: string[]): NoteEntry {
  return {
    id, covers: [id], service: id.split('.')[0], status: 'current', attach,
    title: { en: `Title ${id}`, ja: `題 ${id}` }, summary: { en: `Summary ${id}`, ja: `要約 ${id}` },
    sources: [], docs: [{ title: 'AWS', url: 'https://docs.aws.amazon.com/' }],
    verified: { date: '2026-11-21', how: 'test' }, body: { en: `Body ${id}`, ja: `本文 ${id}` }, file: `${id}.md`,
  };
}

const knowledge = new Knowledge([
  note('eb.policy', ['eb:aws:elasticbeanstalk:command/DeploymentPolicy']),
  note('eb.immutable', ['eb:aws:elasticbeanstalk:command/DeploymentPolicy=Immutable']),
  note('eb.rolling', ['eb:aws:elasticbeanstalk:command/DeploymentPolicy=Rolling']),
  note('eb.env', ['AWS::ElasticBeanstalk::Environment.OptionSettings']),
  note('ebs.burst', ['cw:AWS/EBS BurstBalance']),
  note('apigw.latency', ['cw:AWS/ApiGateway IntegrationLatency']),
]);

function notesAt(text: string, marker: string, fileName = 'template.yaml', delta = 1): string[] | undefined {
  const doc = parse(text, fileName);
  return hover(doc, text.indexOf(marker) + delta, { knowledge })?.notes;
}

const EB = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: app
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:command
          OptionName: DeploymentPolicy
          Value: Immutable
        - Namespace: aws:autoscaling:asg
          OptionName: MinSize
          Value: "2"
`;

describe('template hovers by namespace', () => {
  it('shows a Beanstalk option note on each field of its OptionSettings entry, the value note first', () => {
    assert.deepStrictEqual(notesAt(EB, 'Immutable'), ['eb.immutable', 'eb.policy']);
    assert.deepStrictEqual(notesAt(EB, 'DeploymentPolicy'), ['eb.immutable', 'eb.policy']);
    assert.deepStrictEqual(notesAt(EB, 'aws:elasticbeanstalk:command'), ['eb.immutable', 'eb.policy']);
    assert.deepStrictEqual(notesAt(EB, 'OptionName: Dep'), ['eb.immutable', 'eb.policy']);
  });

  it('does not lend a Beanstalk option note to another option', () => {
    assert.strictEqual(notesAt(EB, 'MinSize'), undefined);
    assert.deepStrictEqual(notesAt(EB, 'OptionSettings'), ['eb.env']);
  });

  it('reads Beanstalk options in JSON templates', () => {
    const json = JSON.stringify({ Resources: { Env: { Type: 'AWS::ElasticBeanstalk::Environment', Properties: { OptionSettings: [{ Namespace: 'aws:elasticbeanstalk:command', OptionName: 'DeploymentPolicy', Value: 'Rolling' }] } } } }, null, 2);
    assert.deepStrictEqual(notesAt(json, '"Rolling"', 'template.json'), ['eb.rolling', 'eb.policy']);
  });

  it('shows a metric note on an alarm MetricName by its namespace', () => {
    const alarm = (ns: string, metric: string) => `Resources:\n  Alarm:\n    Type: AWS::CloudWatch::Alarm\n    Properties:\n      Namespace: ${ns}\n      MetricName: ${metric}\n      Threshold: 20\n`;
    assert.deepStrictEqual(notesAt(alarm('AWS/EBS', 'BurstBalance'), 'BurstBalance'), ['ebs.burst']);
    assert.deepStrictEqual(notesAt(alarm('AWS/EBS', 'BurstBalance'), 'MetricName'), ['ebs.burst']);
    assert.strictEqual(notesAt(alarm('AWS/EC2', 'BurstBalance'), 'BurstBalance'), undefined);
  });

  it('finds the namespace of a metric inside a metric-math alarm', () => {
    const text = `Resources:
  Alarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Metrics:
        - Id: m1
          MetricStat:
            Metric:
              Namespace: AWS/ApiGateway
              MetricName: IntegrationLatency
            Period: 60
            Stat: p99
`;
    assert.deepStrictEqual(notesAt(text, 'IntegrationLatency'), ['apigw.latency']);
  });
});

describe('instance type hovers (spec §5.1, real notes)', () => {
  const real = (text: string, marker: string, lang: 'en' | 'ja' = 'en') => {
    const doc = parse(text, 'template.yaml');
    return hover(doc, text.indexOf(marker) + 1, { lang });
  };
  const instance = (type: string) => `Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: ${type}\n`;

  it('decodes the value above the notes of its family and suffixes', () => {
    const result = real(instance('m7gd.2xlarge'), 'm7gd')!;
    assert.match(result.markdown, /Reading `m7gd\.2xlarge`/);
    assert.match(result.markdown, /Graviton/);
    assert.match(result.markdown, /instance store/i);
    assert.ok(result.notes.length >= 2, result.notes.join(', '));
    assert.match(real(instance('c5n.metal'), 'c5n', 'ja')!.markdown, /ベアメタル/);
  });

  it('decodes instance types in Beanstalk options and Batch lists too, but not unrelated values', () => {
    const eb = `Resources:\n  Env:\n    Type: AWS::ElasticBeanstalk::Environment\n    Properties:\n      OptionSettings:\n        - Namespace: aws:autoscaling:launchconfiguration\n          OptionName: InstanceType\n          Value: t3.micro\n`;
    assert.match(real(eb, 't3.micro')!.markdown, /Reading `t3\.micro`/);
    const batch = `Resources:\n  Ce:\n    Type: AWS::Batch::ComputeEnvironment\n    Properties:\n      ComputeResources:\n        InstanceTypes: [c6i.large, optimal]\n`;
    assert.match(real(batch, 'c6i.large')!.markdown, /Reading `c6i\.large`/);
    const queue = `Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: m5.large\n`;
    assert.doesNotMatch(real(queue, 'm5.large')?.markdown ?? '', /Reading/);
  });
});

describe('several notes on one spot', () => {
  const many = new Knowledge(['a', 'b', 'c', 'd', 'e'].map((x) => note(`svc.${x}`, ['AWS::SQS::Queue.DelaySeconds'])));
  it('shows three summaries and the rest as one line of links, in a stable order', () => {
    const text = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 5\n';
    const doc = parse(text, 'template.yaml');
    const result = hover(doc, text.indexOf('DelaySeconds') + 1, { knowledge: many, openNoteLink: (id) => `command:open?${id}` })!;
    assert.deepStrictEqual(result.notes, ['svc.a', 'svc.b', 'svc.c', 'svc.d', 'svc.e']);
    assert.match(result.markdown, /Summary svc\.c/);
    assert.doesNotMatch(result.markdown, /Summary svc\.d/);
    assert.match(result.markdown, /Also about this: \[Title svc\.d\]\(command:open\?svc\.d\) · \[Title svc\.e\]\(command:open\?svc\.e\)/);
  });
});
