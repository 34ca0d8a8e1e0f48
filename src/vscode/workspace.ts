import * as vscode from 'vscode';
import { workspaceCheckDirectories } from '../engine';
import { WorkspaceIndex } from '../engine/workspace';
import { logError, outputChannel } from './log';

/** Files that can be CloudFormation/SAM templates. */
const GLOB = '**/*.{yml,yaml,json,template}';
/** The folders whose files the workspace checks judge by name (EB007: `.ebextensions`). */
const NAMED_DIRS = workspaceCheckDirectories();
const NAMED_DIR_GLOB = `**/${NAMED_DIRS.length === 1 ? NAMED_DIRS[0] : `{${NAMED_DIRS.join(',')}}`}`;
/** Their direct children, whatever the extension: listed, never read. */
const NAMED_GLOB = `${NAMED_DIR_GLOB}/*`;
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
 * It also lists the files directly in `.ebextensions` folders (`namedFiles`, at most `maxFiles`,
 * never read: the workspace checks judge them by path, EB007), kept current by a watcher on
 * create and delete (a rename is both); a folder of theirs created or deleted lists them again.
 * `onDidChangeNamedFiles` fires when the list changes.
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
  /** Direct children of `.ebextensions` folders, by URI string. */
  private readonly named = new Map<string, vscode.Uri>();
  private readonly namedChanged = new vscode.EventEmitter<void>();
  /** Fires when `namedFiles` changed. */
  readonly onDidChangeNamedFiles = this.namedChanged.event;
  private namedWatchers: vscode.FileSystemWatcher[] = [];
  private readonly pendingNamed = new Map<string, vscode.Uri | 'deleted'>();
  private relistNamed = false;

  /** Whether scanning is on (`iacNotes.workspace.scan`). */
  static isEnabled(): boolean {
    return vscode.workspace.getConfiguration('iacNotes').get<boolean>('workspace.scan', true);
  }

  get active(): boolean {
    return this.enabled;
  }

  /** The files directly in `.ebextensions` folders (empty when scanning is off). */
  namedFiles(): Iterable<vscode.Uri> {
    return this.named.values();
  }

  /** Whether `uri` is a known file of an `.ebextensions` folder (a rename must not overwrite it). */
  hasNamedFile(uri: vscode.Uri): boolean {
    return this.named.has(uri.toString());
  }

  /** Follows the setting: starts (or restarts) the scan and the watcher, or stops both and clears the index. */
  async refresh(): Promise<void> {
    if (!WorkspaceScanner.isEnabled() || !vscode.workspace.workspaceFolders?.length) {
      const had = this.index.files.length > 0;
      const hadNamed = this.named.size > 0;
      this.stop();
      if (had) this.changed.fire();
      if (hadNamed) this.namedChanged.fire();
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
    // `.ebextensions/*`: names only, so no change events. A folder created or deleted as a whole
    // (renamed from `ebextensions`, say) may not report each file: list them all again.
    const files = vscode.workspace.createFileSystemWatcher(NAMED_GLOB, false, true, false);
    files.onDidCreate((uri) => this.queueNamed(uri));
    files.onDidDelete((uri) => this.queueNamed(uri, true));
    const folders = vscode.workspace.createFileSystemWatcher(NAMED_DIR_GLOB, false, true, false);
    folders.onDidCreate((uri) => this.queueRelist(uri));
    folders.onDidDelete((uri) => this.queueRelist(uri));
    this.namedWatchers = [files, folders];
  }

  private async fullScan(): Promise<void> {
    this.scan?.cancel();
    this.scan?.dispose();
    const source = new vscode.CancellationTokenSource();
    this.scan = source;
    const token = source.token;
    const started = Date.now();
    try {
      // The `.ebextensions` files first: a file listing, no reads, so their findings show early.
      const named = await this.listNamed(token);
      if (named === undefined) return;
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
      outputChannel().appendLine(`workspace scan: ${uris.length} file(s) looked at${uris.length >= SCAN_LIMITS.maxFiles ? ` (capped at ${SCAN_LIMITS.maxFiles})` : ''}, ${this.index.files.length} template(s) with CodeBuild projects or CodeDeploy deployment groups, ${named} file(s) in ${NAMED_DIRS.join(', ')} folders, ${Date.now() - started} ms`);
      if (changed) this.changed.fire();
    } catch (error) {
      if (!token.isCancellationRequested) logError('workspace scan', error);
    } finally {
      if (this.scan === source) { this.scan = undefined; source.dispose(); }
    }
  }

  /**
   * Lists the files of `.ebextensions` folders again, replacing `namedFiles` (fires when it
   * changed); their count, or undefined when cancelled.
   */
  private async listNamed(token?: vscode.CancellationToken): Promise<number | undefined> {
    const uris = await vscode.workspace.findFiles(NAMED_GLOB, EXCLUDE, SCAN_LIMITS.maxFiles, token);
    if (token?.isCancellationRequested || !this.enabled) return undefined;
    const next = new Map(uris.map((uri) => [uri.toString(), uri]));
    const changed = next.size !== this.named.size || [...next.keys()].some((key) => !this.named.has(key));
    if (changed) {
      this.named.clear();
      for (const [key, uri] of next) this.named.set(key, uri);
      this.namedChanged.fire();
    }
    return next.size;
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
    this.scheduleFlush();
  }

  private queueNamed(uri: vscode.Uri, deleted = false): void {
    if (!this.enabled || isExcluded(uri)) return;
    this.pendingNamed.set(uri.toString(), deleted ? 'deleted' : uri);
    this.scheduleFlush();
  }

  private queueRelist(uri: vscode.Uri): void {
    if (!this.enabled || isExcluded(uri)) return;
    this.relistNamed = true;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = setTimeout(() => { void this.flush().catch((error) => logError('workspace watcher', error)); }, 300);
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.entries()];
    this.pending.clear();
    const named = [...this.pendingNamed.entries()];
    this.pendingNamed.clear();
    const relist = this.relistNamed;
    this.relistNamed = false;
    if (relist) {
      await this.listNamed();
    } else if (named.length > 0) {
      let namedChanged = false;
      for (const [key, item] of named) {
        if (!this.enabled) return;
        // A folder inside `.ebextensions` (nginx/, say) is not one of its files.
        const isFile = item !== 'deleted' && await vscode.workspace.fs.stat(item).then((stat) => (stat.type & vscode.FileType.File) !== 0, () => false);
        if (isFile) {
          if (!this.named.has(key)) { this.named.set(key, item); namedChanged = true; }
        } else if (this.named.delete(key)) {
          namedChanged = true;
        }
      }
      if (namedChanged && this.enabled) this.namedChanged.fire();
    }
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
    for (const watcher of this.namedWatchers) watcher.dispose();
    this.namedWatchers = [];
    clearTimeout(this.flushTimer);
    this.pending.clear();
    this.pendingNamed.clear();
    this.relistNamed = false;
    this.index.clear();
    this.named.clear();
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
    this.namedChanged.dispose();
  }
}

function isExcluded(uri: vscode.Uri): boolean {
  return /\/(node_modules|\.git|\.hg|\.svn|cdk\.out|\.aws-sam|\.serverless|\.terraform|\.venv|venv|__pycache__|bower_components|vendor|dist|out|build|target|coverage)\//.test(uri.path);
}
