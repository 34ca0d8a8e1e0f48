import * as vscode from 'vscode';
import { WorkspaceIndex } from '../engine/workspace';
import { logError, outputChannel } from './log';

/** Files that can be CloudFormation/SAM templates. */
const GLOB = '**/*.{yml,yaml,json,template}';
/** Folders that hold no templates of the user's, or huge generated trees. */
const EXCLUDE = '**/{node_modules,.git,.hg,.svn,cdk.out,.aws-sam,.serverless,.terraform,.venv,venv,__pycache__,bower_components,vendor,dist,out,build,target,coverage}/**';

/** Bounds of the scan: files looked at, bytes per file, files read between two yields. */
export const SCAN_LIMITS = { maxFiles: 5000, maxBytes: 1_048_576, batch: 25 } as const;

/**
 * Keeps a {@link WorkspaceIndex} of the workspace's templates, so a buildspec finds the CodeBuild
 * project that runs it and an AppSpec the deployment group that deploys it (spec §2.1).
 *
 * - Bounded: at most `maxFiles` files are looked at, files over `maxBytes` are skipped, folders of
 *   dependencies and build output are excluded, and only texts that mention a CodeBuild project,
 *   a CodeDeploy deployment group or a SAM DeploymentPreference are parsed.
 * - Cancellable: a new scan, turning the setting off, or disposal cancels the running one; the
 *   scan yields to the extension host between batches.
 * - Incremental: a FileSystemWatcher updates the index file by file (debounced) on create,
 *   change and delete; when the answers may have changed, `onDidChange` fires so open
 *   buildspecs and AppSpecs are linted again.
 * - Off-switchable: `iacNotes.workspace.scan: false` empties the index and stops watching.
 *
 * Saved files are what counts: the index reads from disk (`workspace.fs`, so virtual file
 * systems work too), not from unsaved editor buffers.
 */
export class WorkspaceScanner implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when linked buildspecs and AppSpecs may need linting again. */
  readonly onDidChange = this.changed.event;
  private watcher: vscode.FileSystemWatcher | undefined;
  private scan: vscode.CancellationTokenSource | undefined;
  private readonly pending = new Map<string, vscode.Uri | 'deleted'>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private enabled = false;

  /** Whether scanning is on (`iacNotes.workspace.scan`). */
  static isEnabled(): boolean {
    return vscode.workspace.getConfiguration('iacNotes').get<boolean>('workspace.scan', true);
  }

  get active(): boolean {
    return this.enabled;
  }

  /** Follows the setting: starts (or restarts) the scan and the watcher, or stops both and clears the index. */
  async refresh(): Promise<void> {
    if (!WorkspaceScanner.isEnabled() || !vscode.workspace.workspaceFolders?.length) {
      const had = this.index.files.length > 0;
      this.stop();
      if (had) this.changed.fire();
      return;
    }
    this.enabled = true;
    this.watch();
    await this.fullScan();
  }

  private watch(): void {
    if (this.watcher) return;
    const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
    watcher.onDidCreate((uri) => this.queue(uri));
    watcher.onDidChange((uri) => this.queue(uri));
    watcher.onDidDelete((uri) => this.queue(uri, true));
    this.watcher = watcher;
  }

  private async fullScan(): Promise<void> {
    this.scan?.cancel();
    this.scan?.dispose();
    const source = new vscode.CancellationTokenSource();
    this.scan = source;
    const token = source.token;
    const started = Date.now();
    try {
      const uris = await vscode.workspace.findFiles(GLOB, EXCLUDE, SCAN_LIMITS.maxFiles, token);
      if (token.isCancellationRequested) return;
      const seen = new Set<string>();
      let changed = false;
      for (let i = 0; i < uris.length; i++) {
        if (token.isCancellationRequested) return;
        const uri = uris[i];
        seen.add(uri.path);
        changed = (await this.read(uri)) || changed;
        if (i % SCAN_LIMITS.batch === SCAN_LIMITS.batch - 1) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      // Templates indexed before that this scan no longer saw (excluded, beyond the cap, gone).
      for (const file of this.index.files) if (!seen.has(file)) changed = this.index.delete(file) || changed;
      outputChannel().appendLine(`workspace scan: ${uris.length} file(s) looked at${uris.length >= SCAN_LIMITS.maxFiles ? ` (capped at ${SCAN_LIMITS.maxFiles})` : ''}, ${this.index.files.length} template(s) with CodeBuild projects or CodeDeploy deployment groups, ${Date.now() - started} ms`);
      if (changed) this.changed.fire();
    } catch (error) {
      if (!token.isCancellationRequested) logError('workspace scan', error);
    } finally {
      if (this.scan === source) { this.scan = undefined; source.dispose(); }
    }
  }

  /** Reads one file into the index; true when the answers may have changed. */
  private async read(uri: vscode.Uri): Promise<boolean> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.type & vscode.FileType.Directory) return false;
      if (stat.size > SCAN_LIMITS.maxBytes) return this.index.delete(uri.path);
      const bytes = await vscode.workspace.fs.readFile(uri);
      const text = new TextDecoder('utf-8').decode(bytes);
      return this.index.set(uri.path, text);
    } catch {
      // Gone between listing and reading, or unreadable: forget it.
      return this.index.delete(uri.path);
    }
  }

  private queue(uri: vscode.Uri, deleted = false): void {
    if (!this.enabled || isExcluded(uri)) return;
    this.pending.set(uri.path, deleted ? 'deleted' : uri);
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => { void this.flush(); }, 300);
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.entries()];
    this.pending.clear();
    let changed = false;
    for (const [path, item] of batch) {
      if (!this.enabled) return;
      changed = (item === 'deleted' ? this.index.delete(path) : await this.read(item)) || changed;
    }
    if (changed) this.changed.fire();
  }

  private stop(): void {
    this.enabled = false;
    this.scan?.cancel();
    this.scan?.dispose();
    this.scan = undefined;
    this.watcher?.dispose();
    this.watcher = undefined;
    clearTimeout(this.flushTimer);
    this.pending.clear();
    this.index.clear();
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
  }
}

function isExcluded(uri: vscode.Uri): boolean {
  return /\/(node_modules|\.git|\.hg|\.svn|cdk\.out|\.aws-sam|\.serverless|\.terraform|\.venv|venv|__pycache__|bower_components|vendor|dist|out|build|target|coverage)\//.test(uri.path);
}
