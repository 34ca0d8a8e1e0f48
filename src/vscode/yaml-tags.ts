import * as vscode from 'vscode';
import { mergeCustomTags } from '../engine/yaml-tags';

const RED_HAT_YAML = 'redhat.vscode-yaml';

/**
 * "IaC Notes: Add CloudFormation Tags to Red Hat YAML": writes the CloudFormation short-form
 * tags into `yaml.customTags` (workspace settings when a folder is open, else user settings), so
 * that extension stops reporting `!Ref` and friends as unknown tags. Existing entries are kept.
 */
export async function configureYamlCustomTags(): Promise<void> {
  if (!vscode.extensions.getExtension(RED_HAT_YAML)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Red Hat YAML ({0}) is not installed, so there is nothing to configure.', RED_HAT_YAML));
    return;
  }
  const config = vscode.workspace.getConfiguration('yaml');
  const inspected = config.inspect<unknown>('customTags');
  const workspace = (vscode.workspace.workspaceFolders?.length ?? 0) > 0;
  const target = workspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = workspace ? inspected?.workspaceValue ?? inspected?.globalValue : inspected?.globalValue;
  const { tags, added } = mergeCustomTags(current);
  const where = workspace ? vscode.l10n.t('workspace settings') : vscode.l10n.t('user settings');
  if (added.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('yaml.customTags already has every CloudFormation tag ({0}).', where));
    return;
  }
  await config.update('customTags', tags, target);
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} CloudFormation tags to yaml.customTags ({1}).', added.length, where));
}
