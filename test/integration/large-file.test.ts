import * as assert from 'assert';
import * as vscode from 'vscode';
import { hoverText, ours } from './helpers';

/**
 * Issue 7, large-file policy: above 512 KB a template gets no diagnostics (a status-bar message
 * says so, no popup), and notes still show on hover.
 */
describe('large-file policy', () => {
  it('a 600 KB template gets no diagnostics, and hovers still show notes', async () => {
    let content = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
    for (let i = 0; content.length < 600 * 1024; i++) content += `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 99999\n`;
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(document);
    const position = document.positionAt(content.indexOf('AWS::SQS::Queue') + 3);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.match(hoverText(hovers), /Fully managed message queuing/i);
    // Diagnostics would have arrived by now for a small file (they come at once on open).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.strictEqual(ours(document.uri).length, 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
