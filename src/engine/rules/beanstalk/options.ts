import type { Resource, TemplateModel } from '../../model/template';
import { get, isSeq, type Node, stringOf } from '../../parse/tree';
import type { Path } from '../../types';

/** One `OptionSettings` entry with a literal Namespace and OptionName. */
export interface OptionSetting {
  namespace: string;
  option: string;
  value?: Node;
  /** The list item (the `{Namespace, OptionName, Value}` map). */
  path: Path;
  owner: Resource;
}

export const ENV_TYPES = ['AWS::ElasticBeanstalk::Environment', 'AWS::ElasticBeanstalk::ConfigurationTemplate'];

/** The literal option settings a resource declares itself, in order. */
export function ownSettings(resource: Resource): OptionSetting[] {
  const list = get(resource.properties, 'OptionSettings');
  if (!isSeq(list)) return [];
  const out: OptionSetting[] = [];
  list.items.forEach((item, index) => {
    const namespace = stringOf(get(item, 'Namespace'));
    const option = stringOf(get(item, 'OptionName'));
    if (!namespace || !option) return;
    out.push({ namespace, option, value: get(item, 'Value'), path: [...resource.path, 'Properties', 'OptionSettings', index], owner: resource });
  });
  return out;
}

/**
 * What a rule sees of an environment's configuration: an `AWS::ElasticBeanstalk::Environment`
 * with the settings of the `ConfigurationTemplate` it names (`TemplateName: !Ref T`) overlaid by its
 * own, and every ConfigurationTemplate no environment of the template uses, on its own.
 */
export interface EbConfig {
  resource: Resource;
  settings: OptionSetting[];
  /** True for an Environment (a deployable thing); false for a standalone template. */
  environment: boolean;
}

export function ebConfigs(model: TemplateModel): EbConfig[] {
  const used = new Set<string>();
  const out: EbConfig[] = [];
  for (const env of model.ofType('AWS::ElasticBeanstalk::Environment')) {
    const ref = model.referenced(get(env.properties, 'TemplateName'));
    const template = ref ? model.resources.get(ref.name) : undefined;
    const inherited = template?.type === 'AWS::ElasticBeanstalk::ConfigurationTemplate' ? ownSettings(template) : [];
    if (template) used.add(template.name);
    out.push({ resource: env, settings: [...inherited, ...ownSettings(env)], environment: true });
  }
  for (const template of model.ofType('AWS::ElasticBeanstalk::ConfigurationTemplate')) {
    if (!used.has(template.name)) out.push({ resource: template, settings: ownSettings(template), environment: false });
  }
  return out;
}

/** The effective setting (the last one wins, as the environment's own override the template's). */
export function setting(settings: OptionSetting[], namespace: string, option: string): OptionSetting | undefined {
  for (let i = settings.length - 1; i >= 0; i--) {
    if (settings[i].namespace === namespace && settings[i].option === option) return settings[i];
  }
  return undefined;
}
