import * as assert from 'assert';
import { getKnowledge, Knowledge, type NoteEntry } from '../../src/engine/knowledge';
import { describeInstanceType, instanceTypeProperties, parseInstanceType } from '../../src/engine/describe/instance-type';
import { parseAttach } from '../../src/engine/knowledge/attach';

const knowledge = getKnowledge();

function en(value: string): string[] {
  const d = describeInstanceType(value, knowledge);
  assert.ok(d, `${value} should be described`);
  return d.lines.map((l) => l.en);
}

function notes(value: string): string[] {
  const d = describeInstanceType(value, knowledge);
  assert.ok(d, `${value} should be described`);
  return d.notes;
}

function has(lines: string[], pattern: RegExp): boolean {
  return lines.some((l) => pattern.test(l));
}

describe('instance-type decoder (spec §5.1)', () => {
  describe('parseInstanceType', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['t3.micro', { series: 't', generation: 3, letters: '', base: 't3', family: 't3', size: 'micro', metal: false }],
      ['m7gd.2xlarge', { series: 'm', generation: 7, letters: 'gd', base: 'm7gd', size: '2xlarge' }],
      ['c5n.metal', { series: 'c', generation: 5, letters: 'n', metal: true }],
      ['x1e.xlarge', { series: 'x', generation: 1, letters: 'e' }],
      ['a1.large', { series: 'a', generation: 1, letters: '' }],
      ['u-6tb1.metal', { series: 'u', generation: undefined, option: '6tb1', family: 'u-6tb1', metal: true }],
      ['u7i-12tb.224xlarge', { series: 'u', generation: 7, letters: 'i', option: '12tb' }],
      ['mac2.metal', { series: 'mac', generation: 2, metal: true }],
      ['mac2-m2pro.metal', { series: 'mac', option: 'm2pro', family: 'mac2-m2pro' }],
      ['r6idn.large', { series: 'r', generation: 6, letters: 'idn' }],
      ['m7i-flex.large', { series: 'm', letters: 'i', option: 'flex', family: 'm7i-flex', base: 'm7i' }],
      ['inf2.xlarge', { series: 'inf', generation: 2 }],
      ['im4gn.large', { series: 'im', generation: 4, letters: 'gn' }],
      ['c7i.metal-24xl', { metal: true, size: 'metal-24xl' }],
      ['p6-b200.48xlarge', { series: 'p', generation: 6, option: 'b200' }],
    ];
    for (const [value, expected] of cases) {
      it(value, () => {
        const parsed = parseInstanceType(value);
        assert.ok(parsed);
        for (const [key, want] of Object.entries(expected)) assert.deepStrictEqual((parsed as unknown as Record<string, unknown>)[key], want, `${value}.${key}`);
      });
    }

    it('rejects what is not an instance type', () => {
      for (const value of ['', 't3', '.large', 't3.', 'T3.micro', 't3.huge', 'ml.c5.large', 'db.r5.large', 'cache.t3.micro', 'm5.large ', ' m5.large', 'm.large', 'abc.xlarge', 't3.micro.x', '3t.micro', '{{resolve:ssm:/x}}', 'a'.repeat(100) + '1.large']) {
        assert.strictEqual(parseInstanceType(value), undefined, JSON.stringify(value));
      }
      for (const value of [undefined, null, 42, true, {}, ['t3.micro']]) assert.strictEqual(parseInstanceType(value), undefined);
    });
  });

  describe('describeInstanceType', () => {
    it('t3.micro: burstable, CPU credits, Nitro', () => {
      const lines = en('t3.micro');
      assert.match(lines[0], /^T — burstable/);
      assert.ok(has(lines, /CPU credits/));
      assert.ok(has(lines, /Nitro System/));
      assert.strictEqual(notes('t3.micro')[0], 'ec2.type.general');
    });

    it('m7gd.2xlarge: general purpose + Graviton + instance store', () => {
      const lines = en('m7gd.2xlarge');
      assert.match(lines[0], /^M — general purpose/);
      assert.ok(has(lines, /^g — AWS Graviton/));
      assert.ok(has(lines, /^d — local NVMe instance store/));
      const ids = notes('m7gd.2xlarge');
      assert.ok(ids.indexOf('ec2.instance-store') < ids.indexOf('ec2.type.suffix'), 'the suffix-specific note comes before the naming note');
      assert.ok(ids.indexOf('ec2.type.suffix') < ids.indexOf('ec2.type.general'));
    });

    it('c5n.metal: compute + network + bare metal (notes ec2.bare-metal and ec2.cpu-options first)', () => {
      const lines = en('c5n.metal');
      assert.match(lines[0], /^C — compute optimized/);
      assert.ok(has(lines, /^n — network/));
      assert.ok(has(lines, /^Bare metal/));
      assert.deepStrictEqual(notes('c5n.metal').slice(0, 2), ['ec2.bare-metal', 'ec2.cpu-options']);
      assert.ok(notes('c5n.metal').includes('ec2.enhanced-networking'));
    });

    it('x1e.xlarge: memory optimized, e = extra memory, Xen', () => {
      const lines = en('x1e.xlarge');
      assert.match(lines[0], /^X — memory optimized/);
      assert.ok(has(lines, /^e — extra memory or extra storage/));
      assert.ok(has(lines, /^Xen-based/));
      assert.ok(notes('x1e.xlarge').includes('ec2.type.memory'));
    });

    it('a1.large: Arm', () => {
      assert.match(en('a1.large')[0], /Arm/);
    });

    it('u-6tb1.metal and u7i-12tb.224xlarge: High Memory with the memory size', () => {
      assert.match(en('u-6tb1.metal')[0], /^U — High Memory/);
      assert.ok(has(en('u-6tb1.metal'), /^6 TB of memory/));
      assert.ok(has(en('u-6tb1.metal'), /^Bare metal/));
      assert.ok(has(en('u7i-12tb.224xlarge'), /^12 TB of memory/));
      assert.ok(has(en('u7i-12tb.224xlarge'), /^i — Intel/));
    });

    it('mac2.metal and mac2-m2pro.metal: macOS on a Dedicated Host', () => {
      assert.match(en('mac2.metal')[0], /^Mac — macOS/);
      assert.ok(has(en('mac2-m2pro.metal'), /^Apple M2 Pro/));
    });

    it('r6idn.large: three option letters in order', () => {
      const lines = en('r6idn.large');
      const letters = lines.filter((l) => /^[a-z] — /.test(l)).map((l) => l[0]);
      assert.deepStrictEqual(letters, ['i', 'd', 'n']);
    });

    it('m7i-flex.large: the flex option', () => {
      assert.ok(has(en('m7i-flex.large'), /^flex — Flex instance/));
    });

    it('m3.medium: previous generation, no IPv6, no EBS optimization, no ENA', () => {
      const lines = en('m3.medium');
      assert.ok(has(lines, /^Previous generation/));
      assert.ok(has(lines, /No IPv6/));
      assert.ok(has(lines, /EBS optimization is not available/));
      assert.ok(has(lines, /No ENA/));
      const ids = notes('m3.medium');
      for (const id of ['ec2.ipv6-support', 'ec2.ebs-optimized-default', 'ec2.ena']) assert.ok(ids.includes(id), id);
      assert.ok(ids.indexOf('ec2.ipv6-support') < ids.indexOf('ec2.type.general'), 'specific facts first');
    });

    it('m3.xlarge: EBS optimization optional (off by default)', () => {
      assert.ok(has(en('m3.xlarge'), /optional here and off by default/));
    });

    it('c3.large: previous generation but IPv6 works', () => {
      const lines = en('c3.large');
      assert.ok(has(lines, /^Previous generation/));
      assert.ok(!has(lines, /No IPv6/));
      assert.ok(has(lines, /Intel 82599 VF/));
    });

    it('t2.micro: current generation, but no ENA and not EBS-optimized', () => {
      const lines = en('t2.micro');
      assert.ok(!has(lines, /^Previous generation/));
      assert.ok(has(lines, /No ENA/));
      assert.ok(has(lines, /EBS optimization is not available/));
    });

    it('m4.16xlarge uses ENA, other M4 sizes the Intel VF', () => {
      assert.ok(!has(en('m4.16xlarge'), /Intel 82599/));
      assert.ok(!has(en('m4.16xlarge'), /No ENA/));
      assert.ok(has(en('m4.large'), /Intel 82599/));
    });

    it('i3.metal is Nitro although i3 is Xen', () => {
      assert.ok(has(en('i3.metal'), /Nitro System/));
      assert.ok(has(en('i3.large'), /^Xen-based/));
    });

    it('g4dn.xlarge, p5.48xlarge, inf2.xlarge, trn1.32xlarge: accelerated families', () => {
      assert.match(en('g4dn.xlarge')[0], /^G — GPU/);
      assert.match(en('p5.48xlarge')[0], /^P — GPU/);
      assert.match(en('inf2.xlarge')[0], /Inferentia/);
      assert.match(en('trn1.32xlarge')[0], /Trainium/);
      assert.ok(notes('g4dn.xlarge').includes('ec2.type.graphics'));
    });

    it('storage families i, d, h, im, is', () => {
      assert.match(en('i4i.large')[0], /^I — storage optimized/);
      assert.match(en('d3en.xlarge')[0], /^D — storage optimized/);
      assert.match(en('h1.2xlarge')[0], /^H1 — storage/);
      assert.match(en('im4gn.large')[0], /^Im4gn/);
      assert.match(en('is4gen.large')[0], /^Is4gen/);
    });

    it('gives Japanese lines too', () => {
      const d = describeInstanceType('m7gd.2xlarge', knowledge);
      assert.ok(d && d.lines.every((l) => l.ja.length > 0));
      assert.match(d.lines[0].ja, /汎用/);
    });

    it('only returns note ids that exist, without duplicates', () => {
      for (const value of ['t3.micro', 'm7gd.2xlarge', 'c5n.metal', 'x1e.xlarge', 'u-6tb1.metal', 'mac2.metal', 'r6idn.large', 'm7i-flex.large', 'm3.medium', 'g4ad.16xlarge']) {
        const ids = notes(value);
        assert.strictEqual(new Set(ids).size, ids.length, value);
        for (const id of ids) assert.ok(knowledge.get(id), `${value}: ${id}`);
      }
    });

    it('returns undefined for unknown or malformed values and never throws', () => {
      for (const value of ['', 'zz9.large', 'q9.large', 'ml.m5.large', 'db.t3.micro', 'm5', 'M5.LARGE', '!Ref InstanceType', '${InstanceType}', 'auto', 'm5.large,m5.xlarge']) {
        assert.strictEqual(describeInstanceType(value, knowledge), undefined, value);
      }
      assert.strictEqual(describeInstanceType(undefined as unknown as string, knowledge), undefined);
      assert.strictEqual(describeInstanceType({ Ref: 'Type' } as unknown as string, knowledge), undefined);
    });

    it('ignores option letters it does not know', () => {
      const lines = en('u7inh-32tb.480xlarge');
      assert.ok(has(lines, /^i — Intel/));
      assert.ok(has(lines, /^n — network/));
      assert.ok(has(lines, /^32 TB of memory/));
    });

    it('reads its tables from the notes: a changed note changes the description', () => {
      const entries: NoteEntry[] = knowledge.entries.map((e) => (e.id === 'ec2.type.general'
        ? { ...e, values: { ...e.values, families: { ...(e.values?.families as object), m: { en: 'M — changed', ja: 'M — 変更' } } } }
        : e));
      const changed = new Knowledge(entries);
      assert.strictEqual(describeInstanceType('m5.large', changed)?.lines[0].en, 'M — changed');
    });

    it('degrades without the notes: no families → undefined; no suffix table → family line only', () => {
      assert.strictEqual(describeInstanceType('m5.large', new Knowledge([])), undefined);
      const onlyGeneral = new Knowledge(knowledge.entries.filter((e) => e.id === 'ec2.type.general'));
      const d = describeInstanceType('m7gd.metal', onlyGeneral);
      assert.ok(d);
      assert.deepStrictEqual(d.lines.map((l) => l.en), [knowledge.value('ec2.type.general', 'families', 'm') as { en: string }].map((t) => t.en));
      assert.deepStrictEqual(d.notes, ['ec2.type.general']);
    });
  });

  describe('instanceTypeProperties', () => {
    it('lists the §5.1 places, in the attach grammar', () => {
      for (const wanted of [
        'AWS::EC2::Instance.InstanceType',
        'AWS::EC2::LaunchTemplate.LaunchTemplateData.InstanceType',
        'AWS::AutoScaling::LaunchConfiguration.InstanceType',
        'AWS::Batch::ComputeEnvironment.ComputeResources.InstanceTypes[]',
        'eb:aws:autoscaling:launchconfiguration/InstanceType',
      ]) assert.ok(instanceTypeProperties.includes(wanted), wanted);
      assert.ok(instanceTypeProperties.some((p) => p.startsWith('AWS::EC2::EC2Fleet.')));
      assert.ok(instanceTypeProperties.some((p) => p.startsWith('AWS::EC2::SpotFleet.')));
      for (const p of instanceTypeProperties) assert.notStrictEqual(parseAttach(p).kind, 'lookup-only', p);
    });
  });
});
