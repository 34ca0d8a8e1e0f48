import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, hoverText, open, ours, waitFor, workspaceFile } from './helpers';

/** Rewrites a workspace file on disk (what the FileSystemWatcher sees) and returns its old content. */
async function rewrite(name: string, change: (text: string) => string): Promise<string> {
  const uri = workspaceFile(name);
  const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(change(before)));
  return before;
}

describe('buildspecs and appspecs: workspace links and inline buildspecs', () => {
  it('links codebuild/buildspec.yml to its project and re-lints it when the template changes on disk', async () => {
    const document = await open('codebuild/buildspec.yml');
    const diagnostic = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'BUILDSPEC010'), 20_000, 'BUILDSPEC010 through the workspace scan');
    assert.strictEqual(diagnostic.range.start.line, 4);
    assert.strictEqual(document.getText(diagnostic.range), 'docker build -t app .');
    assert.match(diagnostic.message, /`ImageBuild` \(template\.yaml\) does not set `Environment\.PrivilegedMode: true`/);

    const original = await rewrite('codebuild/template.yaml', (t) => t.replace('        Image: aws/codebuild/standard:7.0\n  Smoke:', '        Image: aws/codebuild/standard:7.0\n        PrivilegedMode: true\n  Smoke:'));
    try {
      await waitFor(() => !ours(document.uri).some((d) => codeOf(d) === 'BUILDSPEC010'), 20_000, 'BUILDSPEC010 to clear after the template changed');
    } finally {
      await vscode.workspace.fs.writeFile(workspaceFile('codebuild/template.yaml'), new TextEncoder().encode(original));
    }
    await waitFor(() => ours(document.uri).some((d) => codeOf(d) === 'BUILDSPEC010'), 20_000, 'BUILDSPEC010 to come back with the old template');
  });

  it('iacNotes.workspace.scan: false turns the cross-file rules off', async () => {
    const document = await open('codebuild/buildspec.yml');
    await waitFor(() => ours(document.uri).some((d) => codeOf(d) === 'BUILDSPEC010'), 20_000, 'BUILDSPEC010');
    const config = vscode.workspace.getConfiguration('iacNotes');
    await config.update('workspace.scan', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => !ours(document.uri).some((d) => codeOf(d) === 'BUILDSPEC010'), 20_000, 'BUILDSPEC010 to clear with scanning off');
    } finally {
      await config.update('workspace.scan', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => ours(document.uri).some((d) => codeOf(d) === 'BUILDSPEC010'), 20_000, 'BUILDSPEC010 back with scanning on');
  });

  it('lints and hovers an inline buildspec in place, on the template\'s own lines', async () => {
    const document = await open('codebuild/template.yaml');
    const diagnostic = await waitFor(() => ours(document.uri).find((d) => codeOf(d) === 'BUILDSPEC002'), 15_000, 'BUILDSPEC002 in the inline buildspec');
    assert.strictEqual(diagnostic.range.start.line, 29);
    assert.strictEqual(document.getText(diagnostic.range), '0.1');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change version to 0.2' && a.edit);
    assert.ok(fix?.edit, `no version fix among: ${actions.map((a) => a.title).join(' | ')}`);

    const position = document.positionAt(document.getText().indexOf('            build:') + 14);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    const text = hoverText(hovers);
    assert.match(text, /`install` → `pre_build` → \*\*`build`\*\* ◀ → `post_build`/);
    assert.match(text, /post_build still runs when build fails/);
  });
});
