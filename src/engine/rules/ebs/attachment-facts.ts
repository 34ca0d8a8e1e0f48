import { get } from '../../parse/tree';
import { asBoolean, candidates } from '../../model/values';
import type { Resource, TemplateModel } from '../../model/template';
import { volumeAttachments, type VolumeAttachmentLink } from '../../model/ebs-attachments';

/** Whether a volume has Multi-Attach: certainly on, certainly off, depends on a choice, or unknown. */
export function multiAttachState(volume: Resource, template: TemplateModel): 'on' | 'off' | 'mixed' | undefined {
  const node = get(volume.properties, 'MultiAttachEnabled');
  if (node === undefined) return 'off';
  const c = candidates(node, template);
  if (!c) return undefined;
  const flags = c.values.map(asBoolean);
  if (flags.some((f) => f === undefined)) return undefined;
  if (flags.every((f) => f)) return 'on';
  if (flags.every((f) => !f)) return 'off';
  return 'mixed';
}

/** The attachments of each volume, in document order, one per distinct instance. */
export function attachmentsByVolume(template: TemplateModel): Map<Resource, VolumeAttachmentLink[]> {
  const out = new Map<Resource, VolumeAttachmentLink[]>();
  for (const link of volumeAttachments(template)) {
    const list = out.get(link.volume) ?? [];
    if (!list.some((l) => l.instance === link.instance)) list.push(link);
    out.set(link.volume, list);
  }
  return out;
}
