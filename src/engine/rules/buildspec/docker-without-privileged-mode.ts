import { isMap, isScalar, isSeq, type Node } from '../../parse/tree';
import { phaseEntries } from '../../model/buildspec';
import type { Path } from '../../types';
import type { Rule } from '../types';
import { baseName } from './role-cannot-read-secrets';

/**
 * BUILDSPEC010: Docker commands in a project without privileged mode. `PrivilegedMode`
 * "enables running the Docker daemon inside a Docker container. Set to true only if the build
 * project is used to build Docker images. Otherwise, a build that attempts to interact with the
 * Docker daemon fails. The default setting is false" (CodeBuild API Reference,
 * ProjectEnvironment.privilegedMode). Applies to Linux container environments (Lambda compute and
 * Windows have no privileged mode). The project comes from the workspace link (spec §2.1) or
 * is the one around an inline buildspec; an unknown PrivilegedMode or environment type says
 * nothing. One finding, on the first Docker command. The note (003:L211) adds the service-role
 * side: ECR pushes also need the ecr: actions. Commands and environment types: note
 * `codebuild.ecr-push-role` (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'BUILDSPEC010',
    severity: 'warning',
    kinds: ['buildspec'],
    title: { en: 'Docker commands without privileged mode', ja: '特権モードなしで Docker コマンド' },
    note: 'codebuild.ecr-push-role',
    messages: {
      notPrivileged: {
        en: '`{command}` needs the Docker daemon, but `{project}` ({file}) does not set `Environment.PrivilegedMode: true`, so the build fails. If an ECR push still fails, check the service role (ecr:GetAuthorizationToken and the layer-upload/PutImage actions).',
        ja: '`{command}` には Docker デーモンが必要ですが、`{project}`（{file}）は `Environment.PrivilegedMode: true` になっていないため、ビルドは失敗します。それでも ECR へのプッシュに失敗する場合はサービスロール（ecr:GetAuthorizationToken とレイヤーアップロード・PutImage のアクション）を見直してください。',
      },
    },
  },
  check(context) {
    const project = context.links?.project();
    if (!project || project.privilegedMode !== false) return;
    const types = context.knowledge.value('codebuild.ecr-push-role', 'privilegedModeEnvironmentTypes') as string[];
    if (!project.environmentType || !types.includes(project.environmentType)) return;
    const commands = (context.knowledge.value('codebuild.ecr-push-role', 'dockerCommands') as string[])
      .map((c) => ({ name: c, re: new RegExp(`(^|[^\\w-])${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\w-])`) }));
    for (const phase of phaseEntries(context.root)) {
      if (!isMap(phase.node)) continue;
      for (const block of ['commands', 'finally']) {
        const found = firstMatch(phase.node.pairs.find((p) => p.key.value === block)?.value ?? undefined, [...phase.path, block], commands);
        if (!found) continue;
        context.report({
          path: found.path,
          messageId: 'notPrivileged',
          data: { command: found.command, project: project.logicalId, file: baseName(project.file) },
        });
        return;
      }
    }
  },
};

function firstMatch(node: Node | undefined, path: Path, commands: Array<{ name: string; re: RegExp }>): { path: Path; command: string } | undefined {
  const items = isSeq(node) ? node.items : node ? [node] : [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isScalar(item) || typeof item.value !== 'string') continue;
    for (const command of commands) {
      if (command.re.test(item.value)) return { path: isSeq(node) ? [...path, i] : path, command: command.name };
    }
  }
  return undefined;
}

export default rule;
