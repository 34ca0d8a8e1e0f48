import { parse, type ParsedDocument } from '../parse';
import { detectKind } from '../detect';
import { TemplateModel } from '../model/template';
import type { Platform } from '../model/appspec';
import { extractLinks, type DeploymentGroupInfo, type ProjectInfo, type TemplateLinks } from './extract';

export type { BuildSpecSource, DeploymentGroupInfo, ProjectInfo, RoleInfo, TemplateLinks } from './extract';
export { roleAllows } from './extract';

/**
 * The other files a buildspec or an AppSpec is linked to (spec §2.1 linking table), as rules
 * see them. Each answer is given only when it is unambiguous; otherwise undefined, and a rule
 * that needs the other file says nothing.
 */
export interface WorkspaceLinks {
  /** The CodeBuild project that runs this buildspec. */
  project(): ProjectInfo | undefined;
  /** The deployment group that deploys this AppSpec, given the AppSpec's compute platform. */
  deploymentGroup(platform: Platform): DeploymentGroupInfo | undefined;
}

/** Texts that can hold a CodeBuild project or a CodeDeploy deployment group (cheap test before parsing). */
const MARKER = /AWS::CodeBuild::Project|AWS::CodeDeploy::DeploymentGroup|DeploymentPreference/;

/**
 * The templates of a workspace, reduced to what buildspecs and AppSpecs need: their CodeBuild
 * projects and CodeDeploy deployment groups. Pure (no file system): the editor or the CLI gives
 * it file names and texts, and tells it when a file changes or goes away. File names are
 * compared after normalising separators, so give the same form (absolute, or relative to one
 * directory) for the templates and for the files that are linted.
 */
export class WorkspaceIndex {
  private readonly templates = new Map<string, TemplateLinks>();
  /** Goes up whenever the answers may have changed. */
  version = 0;

  /** Builds an index from (file name, text) pairs. */
  static from(files: Iterable<{ fileName: string; text: string }>): WorkspaceIndex {
    const index = new WorkspaceIndex();
    for (const file of files) index.set(file.fileName, file.text);
    return index;
  }

  /** Whether this text is worth giving to {@link set} (a template that may define projects or groups). */
  static isCandidate(text: string): boolean {
    return MARKER.test(text);
  }

  /**
   * Adds or replaces a file. Returns true when the file contributes projects or deployment groups
   * (or did before): then linked buildspecs and AppSpecs may need linting again. A caller that
   * lints the file too passes the document it parsed, so a candidate is not parsed twice.
   */
  set(fileName: string, text: string, parsed?: ParsedDocument): boolean {
    const key = normalize(fileName);
    const had = this.templates.has(key);
    const links = WorkspaceIndex.isCandidate(text) ? linksOf(key, parsed ?? parse(text, key)) : undefined;
    if (links && (links.projects.length > 0 || links.deploymentGroups.length > 0)) {
      this.templates.set(key, links);
      this.version++;
      return true;
    }
    if (had) {
      this.templates.delete(key);
      this.version++;
      return true;
    }
    return false;
  }

  /** Forgets a file (deleted, or outside the scan now). Returns true when it had links. */
  delete(fileName: string): boolean {
    const removed = this.templates.delete(normalize(fileName));
    if (removed) this.version++;
    return removed;
  }

  clear(): void {
    if (this.templates.size) this.version++;
    this.templates.clear();
  }

  /** The templates that define projects or deployment groups. */
  get files(): string[] {
    return [...this.templates.keys()];
  }

  get projects(): ProjectInfo[] {
    return [...this.templates.values()].flatMap((t) => t.projects);
  }

  get deploymentGroups(): DeploymentGroupInfo[] {
    return [...this.templates.values()].flatMap((t) => t.deploymentGroups);
  }

  /**
   * The project whose `Source.BuildSpec` names this file: the path (or `buildspec.yml` when it
   * is unset) relative to a source root that contains the project's template directory or is
   * that directory. A project whose BuildSpec cannot be evaluated could name any buildspec near
   * its template, so it makes the answer ambiguous. Inline buildspecs never link to files.
   */
  projectFor(fileName: string): ProjectInfo | undefined {
    const file = normalize(fileName);
    const fileDir = dirname(file);
    const found: ProjectInfo[] = [];
    for (const [template, links] of this.templates) {
      const templateDir = dirname(template);
      for (const project of links.projects) {
        const spec = project.buildSpec;
        if (spec.kind === 'inline') continue;
        if (spec.kind === 'unknown') {
          if (isAncestorOrSelf(templateDir, fileDir) || isAncestorOrSelf(fileDir, templateDir)) found.push(project);
          continue;
        }
        const relative = normalize(spec.kind === 'default' ? 'buildspec.yml' : spec.path);
        const root = rootFor(file, relative);
        if (root !== undefined && isAncestorOrSelf(root, templateDir)) found.push(project);
      }
    }
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * The deployment group for an AppSpec of this compute platform: only when exactly one group in
   * the workspace has it, and no group of unknown platform could be another candidate.
   */
  deploymentGroupFor(platform: Platform): DeploymentGroupInfo | undefined {
    const found = this.deploymentGroups.filter((g) => g.platform === platform || g.platform === undefined);
    return found.length === 1 && found[0].platform === platform ? found[0] : undefined;
  }

  /** The links of one file, as rules read them. */
  linksFor(fileName: string): WorkspaceLinks {
    return {
      project: () => this.projectFor(fileName),
      deploymentGroup: (platform) => this.deploymentGroupFor(platform),
    };
  }
}

function linksOf(fileName: string, doc: ParsedDocument): TemplateLinks | undefined {
  if (!doc.tree || doc.errors.length > 0) return undefined;
  const kind = detectKind(fileName, doc.tree).kind;
  if (kind !== 'cloudformation' && kind !== 'sam') return undefined;
  return extractLinks(new TemplateModel(doc), fileName);
}

/** Forward slashes, no `.` segments, `a/../` folded, no trailing slash. */
export function normalize(fileName: string): string {
  const absolute = fileName.startsWith('/') || fileName.startsWith('\\');
  const out: string[] = [];
  for (const part of fileName.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') { out.pop(); continue; }
    out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  if (slash < 0) return '';
  return slash === 0 ? '/' : file.slice(0, slash);
}

/** The directory `root` such that `root/relative` is `file`, or undefined. */
function rootFor(file: string, relative: string): string | undefined {
  if (file === relative) return '';
  if (!file.endsWith(`/${relative}`)) return undefined;
  const root = file.slice(0, file.length - relative.length - 1);
  return root === '' ? '/' : root;
}

function isAncestorOrSelf(ancestor: string, dir: string): boolean {
  if (ancestor === '' ) return !dir.startsWith('/') && !dir.startsWith('..');
  if (ancestor === '/') return dir.startsWith('/');
  return dir === ancestor || dir.startsWith(`${ancestor}/`);
}
