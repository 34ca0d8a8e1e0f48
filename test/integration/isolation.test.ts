import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { codeOf, hoverText, open, ours, revert, waitFor } from './helpers';

const EXTENSION_ID = 'iac-notes.iac-notes';

/**
 * Issue 8, isolation: a provider or command that throws logs one line to the "IaC Notes" output
 * channel, shows no popup, degrades to "nothing" for that one call, and the rest keeps working.
 * Failures are injected through the API the extension returns in test mode.
 */
describe('isolation: a failing provider logs once and shows no popup', () => {
  let api: TestApi;

  before(async () => {
    const extension = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    assert.ok(api?.armFailure, 'the extension returned no test API (is it running in test mode?)');
  });

  function newLines(before: number): string[] {
    return api.loggedFailures().slice(before);
  }

  it('hover: one log line, no hover for that call, and the next hover works', async () => {
    const document = await open('sqs-unset.yaml');
    const position = document.positionAt(document.getText().indexOf('AWS::SQS::Queue') + 3);
    const before = api.loggedFailures().length;
    const popups = api.popups();
    api.armFailure('hover', 1000);
    let failed: vscode.Hover[];
    try {
      failed = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    } finally {
      api.disarmFailure('hover');
    }
    assert.doesNotMatch(hoverText(failed), /Fully managed message queuing/i);
    const lines = newLines(before);
    assert.strictEqual(lines.length, 1, `expected one log line for two identical failures, got: ${JSON.stringify(lines)}`);
    assert.match(lines[0], /^hover .*sqs-unset\.yaml: injected failure in hover/);
    const after = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    assert.match(hoverText(after), /Fully managed message queuing/i);
    assert.strictEqual(api.popups(), popups);
  });

  it('diagnostics: the failing file gets none and logs once; another file keeps its findings', async () => {
    const good = await open('sqs-unset.yaml');
    await waitFor(() => ours(good.uri).find((d) => codeOf(d) === 'SQS006'), 15_000, 'SQS006 on sqs-unset.yaml');
    const document = await open('appspec.yml');
    await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'APPSPEC005'), 15_000, 'APPSPEC005 on appspec.yml');
    const before = api.loggedFailures().length;
    api.armFailure('diagnostics');
    const editor = await vscode.window.showTextDocument(document);
    try {
      await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '# touched\n'));
      // The file with the failure shows nothing rather than stale or half findings.
      await waitFor(() => newLines(before).length > 0, 15_000, 'the diagnostics failure to be logged');
      assert.strictEqual(ours(document.uri).length, 0);
      const lines = newLines(before);
      assert.strictEqual(lines.length, 1, JSON.stringify(lines));
      assert.match(lines[0], /^lint .*appspec\.yml: injected failure in diagnostics/);
      assert.ok(ours(good.uri).some((d) => codeOf(d) === 'SQS006'), 'the other file lost its diagnostics');
    } finally {
      await revert(document);
    }
  });

  it('code actions: one log line and no actions for that call', async () => {
    const document = await open('sqs-unset.yaml');
    const diagnostic = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'SQS006'), 15_000, 'SQS006');
    const before = api.loggedFailures().length;
    // Armed for every call until disarmed: the editor asks for code actions on its own too.
    api.armFailure('codeActions', 1000);
    let actions: vscode.CodeAction[];
    try {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    } finally {
      api.disarmFailure('codeActions');
    }
    assert.ok(!actions.some((a) => /VisibilityTimeout/.test(a.title)), actions.map((a) => a.title).join(' | '));
    const lines = newLines(before);
    assert.strictEqual(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0], /^code actions .*: injected failure in codeActions/);
    const again = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(again.some((a) => /VisibilityTimeout/.test(a.title)));
  });

  it('commands: a failing command resolves (VS Code shows no "command failed" popup) and logs once', async () => {
    const popups = api.popups();
    for (const [point, command, args] of [['lookUpNote', 'iacNotes.lookUpNote', []], ['openNote', 'iacNotes.openNote', ['sqs.visibility-timeout']]] as const) {
      const before = api.loggedFailures().length;
      api.armFailure(point);
      await vscode.commands.executeCommand(command, ...args);
      const lines = newLines(before);
      assert.strictEqual(lines.length, 1, JSON.stringify(lines));
      assert.match(lines[0], new RegExp(`^command ${point}: injected failure in ${point}`));
    }
    assert.strictEqual(api.popups(), popups);
  });

  it('note pages: a failing render shows a short page and logs once', async () => {
    const before = api.loggedFailures().length;
    api.armFailure('noteContent');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'iac-notes', path: '/sqs.message-size.md' }));
    assert.match(document.getText(), /could not be shown/);
    const lines = newLines(before);
    assert.strictEqual(lines.length, 1, JSON.stringify(lines));
    assert.match(lines[0], /^note sqs\.message-size: injected failure in noteContent/);
  });
});
