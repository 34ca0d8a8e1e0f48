import { get, isMap, isSeq, type MapNode } from '../../parse/tree';
import type { TemplateModel } from '../../model/template';
import type { Path } from '../../types';

/** An action of an `AWS::CodePipeline::Pipeline` whose `ActionTypeId.Category` is `Approval`. */
export interface ApprovalAction {
  action: MapNode;
  path: Path;
  typeId: MapNode;
  pipeline: string;
}

export function approvalActions(template: TemplateModel, category: string): ApprovalAction[] {
  const out: ApprovalAction[] = [];
  for (const pipeline of template.ofType('AWS::CodePipeline::Pipeline')) {
    const stages = get(pipeline.properties, 'Stages');
    if (!isSeq(stages)) continue;
    stages.items.forEach((stage, s) => {
      const actions = get(stage, 'Actions');
      if (!isSeq(actions)) return;
      actions.items.forEach((action, a) => {
        const typeId = get(action, 'ActionTypeId');
        if (!isMap(action) || !isMap(typeId)) return;
        const value = get(typeId, 'Category');
        if (value?.type !== 'scalar' || value.value !== category) return;
        out.push({ action, typeId, pipeline: pipeline.name, path: [...pipeline.path, 'Properties', 'Stages', s, 'Actions', a] });
      });
    });
  }
  return out;
}
