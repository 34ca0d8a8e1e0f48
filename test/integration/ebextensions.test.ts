import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, ours, waitFor, workspaceFile } from './helpers';

const eb007 = (uri: vscode.Uri) => ours(uri).filter((d) => codeOf(d) === 'EB007');

/**
 * EB007, a workspace check: the workspace scan lists `.ebextensions/*` and the wrongly named
 * files get a diagnostic without being opened (the fixture's `.ebextensions/xray.conf`; its
 * `options.config` is named right), kept current by the file watcher, with a rename quick fix.
 */
describe('EB007: .ebextensions files with the wrong extension', () => {
  const wrong = () => workspaceFile('.ebextensions/xray.conf');
  const right = () => workspaceFile('.ebextensions/options.config');

  it('flags .ebextensions/xray.conf in the Problems panel without opening it', async () => {
    const [diagnostic] = await waitFor(() => eb007(wrong()).length > 0 && eb007(wrong()), 30_000, 'EB007 on .ebextensions/xray.conf from the workspace scan');
    assert.strictEqual(eb007(wrong()).length, 1);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === wrong().toString()), 'the test opened the file');
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(diagnostic.range.isEqual(new vscode.Range(0, 0, 0, 0)), `range ${JSON.stringify(diagnostic.range)}`);
    assert.match(diagnostic.message, /`\.ebextensions\/xray\.conf` is ignored\. Rename it to `\.ebextensions\/xray\.config`/);
    assert.ok(typeof diagnostic.code === 'object' && diagnostic.code.target.toString().startsWith('https://docs.aws.amazon.com/elasticbeanstalk/'));
    assert.deepStrictEqual(ours(right()), []);
  });

  it('follows iacNotes.rules (EB007: off), iacNotes.language and iacNotes.workspace.scan', async () => {
    await waitFor(() => eb007(wrong()).length > 0, 30_000, 'EB007 on xray.conf');
    const config = vscode.workspace.getConfiguration('iacNotes');
    try {
      await config.update('language', 'ja', vscode.ConfigurationTarget.Global);
      await waitFor(() => eb007(wrong()).some((d) => /無視されます/.test(d.message)), 10_000, 'the EB007 message in Japanese');
      await config.update('rules', { EB007: 'off' }, vscode.ConfigurationTarget.Global);
      await waitFor(() => eb007(wrong()).length === 0, 10_000, 'EB007 to clear when turned off');
      await config.update('rules', { EB007: 'error' }, vscode.ConfigurationTarget.Global);
      await waitFor(() => eb007(wrong()).some((d) => d.severity === vscode.DiagnosticSeverity.Error), 10_000, 'EB007 as an error');
      await config.update('workspace.scan', false, vscode.ConfigurationTarget.Global);
      await waitFor(() => eb007(wrong()).length === 0, 10_000, 'EB007 to clear with scanning off');
    } finally {
      await config.update('language', undefined, vscode.ConfigurationTarget.Global);
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
      await config.update('workspace.scan', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => eb007(wrong()).some((d) => d.severity === vscode.DiagnosticSeverity.Warning && /is ignored/.test(d.message)), 30_000, 'EB007 back, in English, with scanning on');
  });

  it('flags a file created on disk; "Rename to created.config" renames it and the finding goes away', async () => {
    const created = workspaceFile('.ebextensions/created.yml');
    const renamed = workspaceFile('.ebextensions/created.config');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('option_settings:\n  aws:elasticbeanstalk:xray:\n    XRayEnabled: true\n'));
    try {
      const [diagnostic] = await waitFor(() => eb007(created).length > 0 && eb007(created), 20_000, 'EB007 on a created .ebextensions/created.yml (file watcher)');
      await vscode.workspace.openTextDocument(created);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', created, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('Open note: eb.ebextensions'), titles.join(' | '));
      assert.ok(!titles.some((t) => /Disable EB007/.test(t)), `a disable comment cannot turn off a check by file name: ${titles.join(' | ')}`);
      const rename = actions.find((a) => a.title === 'Rename to created.config');
      assert.ok(rename?.edit, `no rename among: ${titles.join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(rename.edit));
      await waitFor(() => eb007(created).length === 0, 20_000, 'EB007 to go away after the rename');
      const stat = await vscode.workspace.fs.stat(renamed);
      assert.ok(stat.type & vscode.FileType.File);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(created)));
      // Give the watcher time to report the new name: a .config file stays clean.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.deepStrictEqual(eb007(renamed), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const uri of [created, renamed]) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
    }
    await waitFor(() => eb007(created).length === 0, 10_000, 'no EB007 left on the deleted file');
  });
});
