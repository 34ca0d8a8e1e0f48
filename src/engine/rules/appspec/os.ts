import { get, isMap, pairOf } from '../../parse/tree';
import { sourceOf } from '../../edits';
import type { Rule } from '../types';
import { appspecFacts } from './facts';
import { closest, codeList, renameKeyEdit } from '../shared/names-and-order';

/**
 * APPSPEC010: an EC2/On-Premises AppSpec without a valid `os`. The section is required there and
 * takes `linux` or `windows` (CodeDeploy User Guide, "AppSpec 'os' section"); the agent rejects
 * anything else ("unsupported os"). Allowed values: note `codedeploy.appspec` (values.os).
 */
const rule: Rule = {
  meta: {
    id: 'APPSPEC010',
    severity: 'error',
    kinds: ['appspec'],
    title: { en: 'os missing or invalid (EC2/On-Premises)', ja: 'os がない、または不正（EC2/オンプレミス）' },
    note: 'codedeploy.in-place-ec2-only',
    messages: {
      missing: {
        en: 'EC2/On-Premises AppSpecs need `os: linux` or `os: windows`.',
        ja: 'EC2/オンプレミスの AppSpec には `os: linux` か `os: windows` が必要です。',
      },
      invalid: {
        en: 'EC2/On-Premises AppSpecs need `os: linux` or `os: windows` (found `{value}`; allowed: {list}).',
        ja: 'EC2/オンプレミスの AppSpec には `os: linux` か `os: windows` が必要です（現在: `{value}`。使える値: {list}）。',
      },
    },
  },
  check(context) {
    const facts = appspecFacts(context.root, context.knowledge);
    if (facts.platform !== 'server' || !isMap(context.root)) return;
    const allowed = (context.knowledge.value('codedeploy.appspec', 'os') as unknown[]).map(String);
    const pair = pairOf(context.root, 'os');
    if (!pair) {
      context.report({ path: ['os'], messageId: 'missing' });
      return;
    }
    const node = get(context.root, 'os');
    const value = node && node.type === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
    if (value !== undefined && allowed.includes(value)) return;
    const suggestion = value !== undefined ? closest(value, allowed) : undefined;
    context.report({
      path: ['os'],
      target: node ? 'value' : 'key',
      messageId: 'invalid',
      data: { value: node ? sourceOf(context.doc, node).trim() || '(empty)' : '(empty)', list: codeList(allowed) },
      fixes: suggestion && node
        ? [{ title: { en: `Set os to ${suggestion}`, ja: `os を ${suggestion} にする` }, edits: [renameKeyEdit(context.doc, node, suggestion)], preferred: true }]
        : [],
    });
  },
};

export default rule;
