import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, hoverText, ours, waitFor } from './helpers';

/**
 * Issue 7, large-file policy: above 512 KB a YAML template gets no diagnostics (a status-bar
 * message says so, no popup), and notes still show on hover. JSON lints about five times faster,
 * so its limit is the engine's 2 MiB: a JSON template of the same size is linted as usual.
 */
describe('large-file policy', () => {
  it('a 600 KB YAML template gets no diagnostics, and hovers still show notes', async () => {
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

  it('a 600 KB JSON template is linted: its out-of-range timeouts are flagged', async () => {
    const queues: string[] = [];
    for (let i = 0, size = 0; size < 600 * 1024; i++) {
      const queue = `    "Queue${i}": {\n      "Type": "AWS::SQS::Queue",\n      "Properties": {\n        "VisibilityTimeout": 99999\n      }\n    }`;
      queues.push(queue);
      size += queue.length + 2;
    }
    const content = `{\n  "AWSTemplateFormatVersion": "2010-09-09",\n  "Resources": {\n${queues.join(',\n')}\n  }\n}\n`;
    assert.ok(content.length > 600 * 1024);
    const document = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitFor(() => ours(document.uri).length > 0 && ours(document.uri), 20_000, 'diagnostics on the 600 KB JSON template');
    assert.strictEqual(diagnostics.filter((d) => codeOf(d) === 'SQS001').length, queues.length);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
