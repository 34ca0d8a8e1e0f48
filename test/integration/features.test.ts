import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, hoverText, open, ours, revert, waitFor } from './helpers';

describe('IaC Notes in a real VS Code', () => {
  it('shows the SQS006 diagnostic on a SAM queue that leaves VisibilityTimeout unset', async () => {
    const document = await open('sqs-unset.yaml');
    const diagnostic = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'SQS006'), 15_000, 'the SQS006 diagnostic');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(diagnostic.range.start.line, 6);
    assert.strictEqual(document.getText(diagnostic.range), 'Inbox');
    assert.match(diagnostic.message, /leaves VisibilityTimeout unset, so the default 30 s applies/);
    assert.match(diagnostic.message, /270 s \(4\.5 min\)|270 s/);
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.toString().startsWith('https://docs.aws.amazon.com/'));
  });

  it('hovers VisibilityTimeout-related keys with the note, the AWS docs link and an Open note link', async () => {
    const document = await open('sqs-unset.yaml');
    const position = document.positionAt(document.getText().indexOf('Timeout: 45') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /Lambda/);
    assert.match(text, /15 minutes|15 min/);
    assert.match(text, /command:iacNotes\.openNote/);
    const typePosition = document.positionAt(document.getText().indexOf('AWS::SQS::Queue') + 3);
    const typeHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, typePosition));
    assert.match(typeHover, /Fully managed message queuing/i);
  });

  it('quick fix sets VisibilityTimeout to 6 × the function timeout, and the finding goes away', async () => {
    const document = await open('sqs-unset.yaml');
    try {
      const diagnostic = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'SQS006'), 15_000, 'SQS006');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.title.startsWith('Set VisibilityTimeout to 270'));
      assert.ok(fix?.edit, `no VisibilityTimeout fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(fix.isPreferred);
      assert.ok(actions.some((a) => a.title === 'Open note: sqs.visibility-timeout'));
      assert.ok(actions.some((a) => a.title === 'Disable SQS006 for this line'));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.getText(), /"maxReceiveCount": 3\}'\n {6}VisibilityTimeout: 270\n {2}Reader:/);
      await waitFor(() => !ours(document.uri).some((d) => codeOf(d) === 'SQS006' || codeOf(d) === 'SQS007'), 15_000, 'SQS006 to clear after the fix');
    } finally {
      await revert(document);
    }
  });

  it('flags appspec hooks out of lifecycle order and reorders them with a quick fix', async () => {
    const document = await open('appspec.yml');
    try {
      const diagnostic = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'APPSPEC005'), 15_000, 'APPSPEC005');
      assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => /reorder/i.test(a.title) && a.edit);
      assert.ok(fix?.edit, `no reorder fix among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const text = document.getText();
      assert.ok(text.indexOf('BeforeInstall:') < text.indexOf('AfterInstall:') && text.indexOf('AfterInstall:') < text.indexOf('ValidateService:'), text);
      assert.match(text, /AfterInstall:\n {4}- location: scripts\/configure\.sh\n {6}timeout: 300/);
      await waitFor(() => !ours(document.uri).some((d) => codeOf(d) === 'APPSPEC005'), 15_000, 'APPSPEC005 to clear');
    } finally {
      await revert(document);
    }
  });

  it('opens a note as a rendered read-only document, and the lookup command opens the chosen note', async () => {
    await vscode.commands.executeCommand('iacNotes.openNote', 'sqs.visibility-timeout');
    const note = await waitFor(() => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'iac-notes' && d.uri.path === '/sqs.visibility-timeout.md'), 10_000, 'the note document');
    assert.match(note.getText(), /^# SQS visibility timeout/);
    assert.match(note.getText(), /Rules that cite this note[\s\S]*SQS006/);

    const before = new Set(vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'iac-notes').map((d) => d.uri.toString()));
    const picking = vscode.commands.executeCommand('iacNotes.lookUpNote');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await picking;
    await waitFor(() => vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'iac-notes' && !before.has(d.uri.toString())), 10_000, 'a note opened from the lookup');
  });

  it('follows iacNotes.language: the hover speaks Japanese with "ja"', async () => {
    const config = vscode.workspace.getConfiguration('iacNotes');
    await config.update('language', 'ja', vscode.ConfigurationTarget.Global);
    try {
      const document = await open('sqs-unset.yaml');
      const position = document.positionAt(document.getText().indexOf('AWS::SQS::Queue') + 3);
      const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      assert.match(hoverText(hover), /完全に管理されたメッセージキューイングサービス/);
      const diagnostic = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'SQS006' && /未設定/.test(d.message)), 15_000, 'a Japanese SQS006 message');
      assert.match(diagnostic.message, /デフォルトの 30 s が適用されます/);
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
