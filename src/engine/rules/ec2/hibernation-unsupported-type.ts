import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { hibernationSupport, howMany, typeCandidates, LAUNCH_TYPES } from './instance-facts';
import { hibernatingSpecs } from './hibernation';

/**
 * EC2003: hibernation on an instance type that can't hibernate — a bare metal size, a family that
 * is not hibernation-capable, or a size with 150 GiB of RAM or more. EC2 rejects the launch.
 * The study note's list (C3, C4, C5, M3, M4, M5, R3, R4, R5) is outdated (FC-19); the families
 * used here are the `supportedFamilies`/`unsupportedSeries` values of ec2.hibernation.overview.
 * A family the note knows nothing about is left alone (unknown stays unknown).
 * Source: EC2 User Guide, "Prerequisites for EC2 instance hibernation" (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'EC2003',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: LAUNCH_TYPES,
    title: { en: 'Instance type cannot hibernate', ja: '休止できないインスタンスタイプ' },
    note: 'ec2.hibernation.instance-types',
    messages: {
      metal: {
        en: '`{type}` is bare metal, which does not support hibernation. (The study note\'s list C3, C4, C5, M3, M4, M5, R3, R4, R5 is outdated; see the EC2 User Guide for the supported families.)',
        ja: '`{type}` はベアメタルで、休止に対応していません（ノートの C3, C4, C5, M3, M4, M5, R3, R4, R5 という一覧は古く、対応ファミリーは EC2 ユーザーガイドを参照）。',
      },
      family: {
        en: '`{type}` does not support hibernation (supported families are listed in the EC2 User Guide; RAM must be under {max} GiB). Note: the study note\'s list (C3, C4, C5, M3, M4, M5, R3, R4, R5) is outdated.',
        ja: '`{type}` は休止に対応していません（対応ファミリーは EC2 ユーザーガイドを参照、メモリは {max} GiB 未満が必要）。ノートの一覧（C3, C4, C5, M3, M4, M5, R3, R4, R5）は古い情報です。',
      },
      ram: {
        en: '`{type}` has about {ram} GiB of RAM; hibernation needs less than {max} GiB. Choose a smaller size. (The study note\'s family list is outdated; see the EC2 User Guide.)',
        ja: '`{type}` のメモリは約 {ram} GiB です。休止にはメモリ {max} GiB 未満が必要なので、小さいサイズを選んでください（ノートのファミリー一覧は古い情報です）。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const max = context.knowledge.number('ec2.hibernation.overview', 'maxRamGiB');
    for (const { spec, partial } of hibernatingSpecs(template)) {
      const node = get(spec.data, 'InstanceType');
      const types = typeCandidates(template, node);
      if (!types) continue;
      const verdicts = types.types.map((t) => ({ type: t, support: hibernationSupport(context.knowledge, t) }));
      const bad = verdicts.filter((v) => v.support.supported === false);
      if (bad.length === 0) continue;
      const count = howMany(types.types, (t) => bad.some((b) => b.type === t));
      const first = bad[0];
      const support = first.support as { supported: false; reason: 'metal' | 'family' | 'ram'; ramGiB?: number };
      context.report({
        path: [...spec.path, 'InstanceType'],
        messageId: support.reason,
        data: { type: first.type, max, ram: support.ramGiB ?? '' },
        downgrade: partial || count === 'some',
      });
    }
  },
};

export default rule;
