import type { Knowledge } from '../../knowledge';
import { get, type Node } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import { PLATFORM_NAMES, type Platform } from '../../model/appspec';
import { applicationOf } from '../../workspace/extract';

/**
 * What the CodeDeploy template rules share: the compute platform of a deployment group (through
 * `ApplicationName` → `AWS::CodeDeploy::Application.ComputePlatform`, default Server) and the
 * platform a deployment configuration belongs to (predefined names from the note
 * `codedeploy.deployment-group`, or a custom `AWS::CodeDeploy::DeploymentConfig` in the template).
 */

export const PLATFORM_VALUES: Record<Platform, string> = { server: 'Server', lambda: 'Lambda', ecs: 'ECS' };

export function platformLabel(platform: Platform): { en: string; ja: string } {
  return PLATFORM_NAMES[platform];
}

/** The group's application and its compute platform, when the template says. */
export function groupPlatform(model: TemplateModel, group: Resource): { application: Resource; platform: Platform } | undefined {
  const app = applicationOf(model, get(group.properties, 'ApplicationName'));
  return app?.platform ? { application: app.resource, platform: app.platform } : undefined;
}

/** Every value a node can take, when all are strings (a literal, a parameter default, both `Fn::If` branches). */
export function stringCandidates(model: TemplateModel, node: Node | undefined): { values: string[]; choice: boolean } | undefined {
  const c = candidates(node, model);
  if (!c || !c.values.every((v) => typeof v === 'string')) return undefined;
  return { values: c.values as string[], choice: c.choice };
}

/**
 * The compute platform of a deployment configuration name: a predefined name (EC2/On-Premises
 * names; `CodeDeployDefault.Lambda…`, `CodeDeployDefault.ECS…`), or undefined for custom names.
 */
export function configPlatform(knowledge: Knowledge, name: string): Platform | undefined {
  const id = 'codedeploy.deployment-group';
  const server = knowledge.value(id, 'deploymentConfigs', 'server') as string[];
  if (server.some((s) => s.toLowerCase() === name.toLowerCase())) return 'server';
  const lower = name.toLowerCase();
  if (lower.startsWith(String(knowledge.value(id, 'deploymentConfigs', 'lambdaPrefix')).toLowerCase())) return 'lambda';
  if (lower.startsWith(String(knowledge.value(id, 'deploymentConfigs', 'ecsPrefix')).toLowerCase())) return 'ecs';
  return undefined;
}

/** The platform of an `AWS::CodeDeploy::DeploymentConfig` (its `ComputePlatform`, default Server). */
export function customConfigPlatform(model: TemplateModel, config: Resource): Platform | undefined {
  const node = get(config.properties, 'ComputePlatform');
  if (node === undefined) return 'server';
  const c = stringCandidates(model, node);
  if (!c || c.values.length !== 1) return undefined;
  return ({ Server: 'server', Lambda: 'lambda', ECS: 'ecs' } as Record<string, Platform>)[c.values[0]];
}
