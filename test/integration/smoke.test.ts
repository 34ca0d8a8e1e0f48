import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'iac-notes.iac-notes';

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('smoke', () => {
  it('finds the extension under development', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not installed`);
  });

  it('activates when a CloudFormation YAML file is opened', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is not open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'template.yaml'));
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'yaml');
    assert.match(document.getText(), /AWS::SQS::Queue/);

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await waitFor(() => extension.isActive, 10_000, `${EXTENSION_ID} to activate on its own`);
  });
});
