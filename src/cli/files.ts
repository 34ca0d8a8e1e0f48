import * as fs from 'fs';
import * as path from 'path';

const SKIP_DIRS = new Set(['node_modules', '.git']);
const CANDIDATE = /\.(ya?ml|json|template)$/i;

export interface CollectedFile {
  path: string;
  /**
   * A file to read and lint: a candidate template found by the walk, or a file named on the
   * command line. False for the other files of a `nameOnlyDirs` folder, which the workspace
   * checks judge by name and which are never read.
   */
  lint: boolean;
}

/**
 * Expands files and directories (recursively, skipping node_modules and .git) into candidate
 * files, plus every file directly inside a folder named in `nameOnlyDirs` (`.ebextensions`),
 * whatever its extension, for the workspace checks. In walk order (names sorted).
 */
export function collectFiles(inputs: string[], nameOnlyDirs: ReadonlySet<string> = new Set()): CollectedFile[] {
  const out: CollectedFile[] = [];
  for (const input of inputs) {
    const stat = fs.statSync(input);
    if (stat.isDirectory()) walk(input, out, nameOnlyDirs);
    else out.push({ path: input, lint: true });
  }
  return out;
}

function walk(dir: string, out: CollectedFile[], nameOnlyDirs: ReadonlySet<string>): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  const nameOnly = nameOnlyDirs.has(path.basename(path.resolve(dir)));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out, nameOnlyDirs);
    } else if (entry.isFile() && CANDIDATE.test(entry.name)) out.push({ path: full, lint: true });
    else if (entry.isFile() && nameOnly) out.push({ path: full, lint: false });
  }
}
