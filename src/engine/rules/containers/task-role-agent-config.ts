import { get } from '../../parse/tree';
import type { Rule } from '../types';
import { strings, textOf } from './ecs-facts';

const INSTANCE_TYPES: Array<{ type: string; path: string[] }> = [
  { type: 'AWS::EC2::Instance', path: ['UserData'] },
  { type: 'AWS::EC2::LaunchTemplate', path: ['LaunchTemplateData', 'UserData'] },
  { type: 'AWS::AutoScaling::LaunchConfiguration', path: ['UserData'] },
];

/**
 * ECS004 (info): a task definition with a `TaskRoleArn` in bridge/default or host network mode,
 * for EC2, in a template whose container-instance UserData writes the agent config
 * (`/etc/ecs/ecs.config` or `ECS_CLUSTER=`) without `ECS_ENABLE_TASK_IAM_ROLE=true` (bridge) or
 * `ECS_ENABLE_TASK_IAM_ROLE_NETWORK_HOST=true` (host). Without it tasks fall back to the instance
 * role. Info and off by default: the ECS-optimized AMI's ecs-init usually turns both on already,
 * and a template without container-instance UserData says nothing. Source: re:Post Knowledge
 * Center "ecs-iam-task-roles-config-errors"; ECS Developer Guide "Amazon ECS task IAM role"
 * (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'ECS004',
    severity: 'info',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: [
      'AWS::AutoScaling::LaunchConfiguration',
      'AWS::EC2::Instance',
      'AWS::EC2::LaunchTemplate',
      'AWS::ECS::TaskDefinition',
    ],
    title: { en: 'Task role with bridge/host networking on EC2', ja: 'EC2 の bridge/host ネットワークでタスクロール' },
    note: 'ecs.task-iam-role',
    enabledByDefault: false,
    messages: {
      agent: {
        en: 'Task definition `{task}` uses a task role in {mode} network mode, but the container-instance UserData of `{instance}` writes the ECS agent config without `{setting}=true`. IAM roles for tasks in bridge/host network mode need it in /etc/ecs/ecs.config; otherwise tasks fall back to the instance role.',
        ja: 'タスク定義 `{task}` は {mode} ネットワークモードでタスクロールを使いますが、`{instance}` のコンテナインスタンスの UserData が ECS エージェント設定に `{setting}=true` を書いていません。bridge/host モードでタスクに IAM ロールを付与するには /etc/ecs/ecs.config に必要で、無いとタスクはインスタンスロールで動きます。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const bridgeSetting = String(context.knowledge.value('ecs.task-iam-role', 'bridgeSetting'));
    const hostSetting = String(context.knowledge.value('ecs.task-iam-role', 'hostSetting'));
    const configFile = String(context.knowledge.value('ecs.task-iam-role', 'configFile'));
    const instances: Array<{ name: string; text: string }> = [];
    for (const place of INSTANCE_TYPES) {
      for (const resource of template.ofType(place.type)) {
        let node = resource.properties as Parameters<typeof get>[0];
        for (const key of place.path) node = get(node, key);
        const text = textOf(node);
        if (text.includes(configFile) || /ECS_CLUSTER\s*=/.test(text)) instances.push({ name: resource.name, text });
      }
    }
    if (instances.length === 0) return;
    for (const task of template.ofType('AWS::ECS::TaskDefinition')) {
      if (get(task.properties, 'TaskRoleArn') === undefined) continue;
      // Fargate-only task definitions use awsvpc; only EC2-compatible ones can run in bridge/host.
      const compatibilities = get(task.properties, 'RequiresCompatibilities');
      if (compatibilities !== undefined && !/\bEC2\b/.test(textOf(compatibilities).toUpperCase())) continue;
      const modeNode = get(task.properties, 'NetworkMode');
      const mode = modeNode === undefined ? { values: ['bridge'], choice: false } : strings(modeNode, template);
      if (!mode || mode.values.length !== 1) continue;
      const name = mode.values[0].toLowerCase();
      const setting = name === 'host' ? hostSetting : name === 'bridge' || name === 'default' ? bridgeSetting : undefined;
      if (!setting) continue;
      const pattern = new RegExp(`${setting}\\s*=\\s*["']?true`, 'i');
      const missing = instances.find((i) => !pattern.test(i.text));
      if (!missing) continue;
      context.report({
        path: [...task.path, 'Properties', 'TaskRoleArn'],
        target: 'key',
        messageId: 'agent',
        data: { task: task.name, mode: modeNode === undefined ? 'bridge (default)' : name, instance: missing.name, setting },
      });
    }
  },
};

export default rule;
