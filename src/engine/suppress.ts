import type { ParsedDocument } from './parse';
import { get, isMap, isScalar, isSeq, type Node } from './parse/tree';
import type { Path } from './types';

const NEXT_LINE = /#\s*iac-notes-disable-next-line(?:\s+([A-Za-z0-9_,\s]+))?\s*$/;
const FILE_LEVEL = /#\s*iac-notes-disable(?:\s+([A-Za-z0-9_,\s]+))?\s*$/;

/**
 * Where findings are switched off (DESIGN §3): `# iac-notes-disable-next-line RULE[,RULE]`,
 * a file-level `# iac-notes-disable RULE` (no rule: all rules), and template or resource
 * `Metadata: {iac-notes: {ignore: [RULE]}}`.
 */
export class Suppressions {
  private readonly fileRules = new Set<string>();
  private fileAll = false;
  private readonly lineRules = new Map<number, Set<string> | 'all'>();

  constructor(private readonly doc: ParsedDocument) {
    if (doc.text.includes('iac-notes-disable')) this.readComments();
  }

  private readComments(): void {
    const { lines } = this.doc;
    for (let line = 0; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      if (!text.includes('iac-notes-disable')) continue;
      const next = NEXT_LINE.exec(text);
      if (next) {
        const target = text.trimStart().startsWith('#') ? line + 1 : line;
        this.lineRules.set(target, next[1] ? new Set(ids(next[1])) : 'all');
        continue;
      }
      const file = FILE_LEVEL.exec(text);
      if (file) {
        if (file[1]) for (const id of ids(file[1])) this.fileRules.add(id);
        else this.fileAll = true;
      }
    }
  }

  isSuppressed(ruleId: string, line: number, path: Path): boolean {
    if (this.fileAll || this.fileRules.has(ruleId)) return true;
    const onLine = this.lineRules.get(line);
    if (onLine === 'all' || onLine?.has(ruleId)) return true;
    return this.metadataIgnores(ruleId, path);
  }

  private metadataIgnores(ruleId: string, path: Path): boolean {
    const root = this.doc.tree;
    if (ignoreList(get(get(root, 'Metadata'), 'iac-notes')).includes(ruleId)) return true;
    if (path[0] === 'Resources' && typeof path[1] === 'string') {
      const resource = get(get(root, 'Resources'), path[1]);
      if (ignoreList(get(get(resource, 'Metadata'), 'iac-notes')).includes(ruleId)) return true;
    }
    return false;
  }
}

function ids(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean).map((id) => id.toUpperCase());
}

function ignoreList(node: Node | undefined): string[] {
  if (!isMap(node)) return [];
  const ignore = get(node, 'ignore');
  if (isSeq(ignore)) return ignore.items.filter(isScalar).map((item) => String(item.value).toUpperCase());
  if (isScalar(ignore)) return [String(ignore.value).toUpperCase()];
  return [];
}
