import { isMap } from '../../parse/tree';
import { PLATFORM_NAMES, SERVER_SECTIONS, resourcesSection } from '../../model/appspec';
import type { Rule } from '../types';
import { appspecFacts } from './facts';

/**
 * APPSPEC014: a section of another compute platform. `os`, `files` and `permissions` belong to
 * EC2/On-Premises AppSpecs; `Resources` to Lambda and ECS ones (CodeDeploy User Guide, "AppSpec
 * File structure"). CodeDeploy ignores them on the other platform, so the file shows a mix-up
 * (copied from another AppSpec, or the wrong compute platform). Note `codedeploy.in-place-ec2-only`.
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC014',
    severity: 'warning',
    kinds: ['appspec'],
    title: { en: 'Sections from another platform', ja: '別のプラットフォーム用のセクション' },
    note: 'codedeploy.in-place-ec2-only',
    messages: {
      serverSection: {
        en: '`{section}` is only meaningful for EC2/On-Premises deployments; it is ignored in this {platform} AppSpec.',
        ja: '`{section}` は EC2/オンプレミスのデプロイでのみ意味があり、この {platformJa} の AppSpec では無視されます。',
      },
      resourcesInServer: {
        en: '`{section}` is only meaningful for AWS Lambda and Amazon ECS deployments; it is ignored in this EC2/On-Premises AppSpec.',
        ja: '`{section}` は AWS Lambda と Amazon ECS のデプロイでのみ意味があり、この EC2/オンプレミスの AppSpec では無視されます。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    const platform = facts.platform;
    const root = context.root;
    if (!platform || !isMap(root)) return;
    if (platform === 'server') {
      const resources = resourcesSection(root);
      if (resources) context.report({ path: [resources.key], target: 'key', messageId: 'resourcesInServer', data: { section: resources.key } });
      return;
    }
    for (const section of SERVER_SECTIONS) {
      if (!root.pairs.some((p) => p.key.value === section)) continue;
      context.report({ path: [section], target: 'key', messageId: 'serverSection', data: { section, platform: PLATFORM_NAMES[platform].en, platformJa: PLATFORM_NAMES[platform].ja } });
    }
  },
};

export default rule;
