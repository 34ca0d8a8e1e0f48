import { get, isMap } from '../../parse/tree';
import type { Rule } from '../types';

/**
 * SAM002: a `Globals` section SAM doesn't support, or a property SAM never takes from Globals.
 * The SAM transform fails ("'Globals' section is invalid. 'Role' is not a supported property of
 * 'Function'"). Sections and excluded properties are data in the `sam.template` note; only the
 * properties SAM documents as resource-only (Function: Role, Policies, FunctionName, Events; Api:
 * DefinitionBody, StageName) are reported, because the allowed lists grow with each SAM release
 * and an older list would flag valid templates. Sources: AWS SAM Developer Guide "Globals section
 * of the AWS SAM template"; samtranslator/plugins/globals/globals.py (verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SAM002',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    title: { en: 'Unsupported key in Globals', ja: 'Globals で使えないキー' },
    note: 'sam.template',
    messages: {
      section: {
        en: '`Globals.{section}` is not a Globals section SAM supports ({supported}); set these properties on each resource.',
        ja: '`Globals.{section}` は SAM がサポートする Globals のセクションではありません（{supported}）。各リソースに設定してください。',
      },
      property: {
        en: '`Globals.{section}.{prop}` is not supported in Globals; set it on each resource.',
        ja: '`Globals.{section}.{prop}` は Globals では使えません。各リソースに設定してください。',
      },
    },
  },
  check(context) {
    const globals = get(context.root, 'Globals');
    if (!isMap(globals)) return;
    const sections = context.knowledge.value('sam.template', 'globalsSections') as string[];
    const unsupported = context.knowledge.value('sam.template', 'globalsUnsupported') as Record<string, string[]>;
    for (const pair of globals.pairs) {
      const section = String(pair.key.value);
      if (!sections.includes(section)) {
        context.report({ path: ['Globals', section], target: 'key', messageId: 'section', data: { section, supported: sections.join(', ') } });
        continue;
      }
      const denied = unsupported[section];
      if (!denied || !isMap(pair.value)) continue;
      for (const prop of pair.value.pairs) {
        const name = String(prop.key.value);
        if (denied.includes(name)) context.report({ path: ['Globals', section, name], target: 'key', messageId: 'property', data: { section, prop: name } });
      }
    }
  },
};

export default rule;
