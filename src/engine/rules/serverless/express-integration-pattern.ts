import { parse } from '../../parse';
import { get, isMap, isScalar, isSeq, type Node, soleKey, stringOf } from '../../parse/tree';
import { candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import type { Path } from '../../types';
import type { Rule } from '../types';

interface Finding { path: Path; resource: string; state: string; pattern: string }

/**
 * SFN001: an Express state machine (`StateMachineType: EXPRESS`, SAM `Type: EXPRESS`) whose
 * definition has a Task with a `.sync` (run a job) or `.waitForTaskToken` (callback) resource, or
 * an activity. "Express Workflows only support Request Response integrations" and no activities;
 * Step Functions rejects the definition. Inline `Definition` maps and `DefinitionString` (also as
 * `!Sub` text) are read; `DefinitionUri`/`DefinitionS3Location` files are not. Source:
 * `sfn.express` (Step Functions Developer Guide "Integrating optimized services", "Choosing
 * workflow type"; verified 2026-11-21).
 */
const rule: Rule = {
  meta: {
    id: 'SFN001',
    severity: 'error',
    kinds: ['cloudformation', 'sam'],
    resourceTypes: ['AWS::Serverless::StateMachine', 'AWS::StepFunctions::StateMachine'],
    title: { en: 'Unsupported integration pattern in an Express workflow', ja: 'Express ワークフローで使えない統合パターン' },
    note: 'sfn.express',
    messages: {
      unsupported: {
        en: 'State `{state}` uses {pattern} (`{resource}`), which Express workflows (high-volume, >100,000 events/s, at most 5 minutes) do not support: they only support Request Response. Use a Standard workflow.',
        ja: 'ステート `{state}` は {patternJa}（`{resource}`）を使っていますが、Express ワークフロー（毎秒 100,000 件超の大量処理、最長 5 分）はリクエストレスポンスのみ対応です。Standard ワークフローを使ってください。',
      },
    },
  },
  check(context) {
    const template = context.template;
    if (!template) return;
    const k = context.knowledge;
    const suffixes = k.value('sfn.express', 'unsupportedResourceSuffixes') as string[];
    const activity = String(k.value('sfn.express', 'activityMarker'));
    const jaPattern: Record<string, string> = { 'Run a Job (.sync)': 'ジョブの実行（.sync）', 'Wait for Callback (.waitForTaskToken)': 'コールバック待ち（.waitForTaskToken）', 'an activity': 'アクティビティ' };
    for (const machine of template.ofType('AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine')) {
      const typeKey = machine.type === 'AWS::Serverless::StateMachine' ? 'Type' : 'StateMachineType';
      const typeNode = get(machine.properties, typeKey);
      if (!typeNode) continue;
      const types = candidates(typeNode, template);
      if (!types || !types.values.includes('EXPRESS')) continue;
      const downgrade = types.values.some((v) => v !== 'EXPRESS');
      const classify = (resource: string): string | undefined => {
        if (suffixes.some((s) => resource.endsWith(s))) return resource.includes('.waitForTaskToken') ? 'Wait for Callback (.waitForTaskToken)' : 'Run a Job (.sync)';
        if (resource.includes(activity)) return 'an activity';
        return undefined;
      };
      for (const f of findings(template, machine, classify)) {
        context.report({ path: f.path, messageId: 'unsupported', data: { state: f.state, resource: f.resource, pattern: f.pattern, patternJa: jaPattern[f.pattern] ?? f.pattern }, downgrade });
      }
    }
  },
};

function findings(template: TemplateModel, machine: Resource, classify: (resource: string) => string | undefined): Finding[] {
  const out: Finding[] = [];
  const base: Path = [...machine.path, 'Properties'];
  const substitutions = get(machine.properties, 'DefinitionSubstitutions');
  const definition = get(machine.properties, 'Definition');
  if (isMap(definition)) {
    walk(definition, [...base, 'Definition'], (state, name, path) => {
      const resourceNode = get(state, 'Resource');
      const resource = resourceText(template, resourceNode, substitutions);
      const pattern = resource ? classify(resource) : undefined;
      if (pattern && resource) out.push({ path: [...path, 'Resource'], resource, state: name, pattern });
    });
    return out;
  }
  const text = definitionText(get(machine.properties, 'DefinitionString'));
  if (text === undefined) return out;
  const parsed = parse(text.replace(/\$\{[^}]*\}/g, 'X'), 'definition.json');
  if (parsed.errors.length > 0 || !isMap(parsed.tree)) return out;
  walk(parsed.tree, [], (state, name) => {
    const resource = stringOf(get(state, 'Resource'));
    const pattern = resource ? classify(resource) : undefined;
    if (pattern && resource) out.push({ path: [...base, 'DefinitionString'], resource, state: name, pattern });
  });
  return out;
}

function walk(definition: Node, path: Path, visit: (state: Node, name: string, path: Path) => void, depth = 0): void {
  if (depth > 8) return;
  const states = get(definition, 'States');
  if (!isMap(states)) return;
  for (const pair of states.pairs) {
    const state = pair.value;
    const name = String(pair.key.value);
    const statePath: Path = [...path, 'States', name];
    if (!isMap(state)) continue;
    const type = stringOf(get(state, 'Type'));
    if (type === 'Task') visit(state, name, statePath);
    if (type === 'Parallel') {
      const branches = get(state, 'Branches');
      if (isSeq(branches)) branches.items.forEach((branch, i) => walk(branch, [...statePath, 'Branches', i], visit, depth + 1));
    }
    if (type === 'Map') {
      for (const key of ['ItemProcessor', 'Iterator']) {
        const inner = get(state, key);
        if (inner) walk(inner, [...statePath, key], visit, depth + 1);
      }
    }
  }
}

/** A Task resource as text: a literal, `${Name}` resolved through DefinitionSubstitutions, or an activity reference. */
function resourceText(template: TemplateModel, node: Node | undefined, substitutions: Node | undefined): string | undefined {
  if (!node) return undefined;
  const ref = template.referenced(node);
  if (ref && template.resources.get(ref.name)?.type === 'AWS::StepFunctions::Activity') return `arn:aws:states:::activity:${ref.name}`;
  const text = stringOf(node);
  if (text === undefined) return undefined;
  return text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (whole, name: string) => {
    const value = get(substitutions, name);
    const target = value ? template.referenced(value) : undefined;
    if (target && template.resources.get(target.name)?.type === 'AWS::StepFunctions::Activity') return `arn:aws:states:::activity:${target.name}`;
    return stringOf(value) ?? whole;
  });
}

/** The text of a DefinitionString: a literal, or the template string of a `!Sub`. `Fn::Join` is left alone. */
function definitionText(node: Node | undefined): string | undefined {
  if (isScalar(node)) return typeof node.value === 'string' ? node.value : undefined;
  if (soleKey(node) === 'Fn::Sub' && isMap(node)) {
    const arg = node.pairs[0].value;
    return isSeq(arg) ? stringOf(arg.items[0]) : stringOf(arg);
  }
  return undefined;
}

export default rule;
