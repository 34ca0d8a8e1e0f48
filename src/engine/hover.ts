import { getKnowledge, type Knowledge, type NoteEntry } from './knowledge';
import type { ParsedDocument } from './parse';
import { locate, type Located } from './parse/locate';
import { isMap, isScalar, type Node } from './parse/tree';
import { INTRINSIC_KEYS, PSEUDO_PARAMETERS } from './parse/intrinsics';
import { detectKind, type Detection } from './detect';
import { detectPlatform, lifecycleFor } from './model/appspec';
import { buildspecFacts } from './model/buildspec';
import { embeddedHover } from './embedded-hover';
import { keyDescription, keyHeader, lifecycleLine, phaseOrder, platformLine } from './hover-specs';
import { langsOf, renderHoverNotes, type LinkOptions } from './render';
import { templateAnchor } from './hover-template';
import type { DisplayLang, FileKind, Lang, Path } from './types';

export interface HoverOptions extends LinkOptions {
  lang?: DisplayLang;
  knowledge?: Knowledge;
}

export interface HoverResult {
  kind: FileKind;
  /** Path of the key or value under the cursor. */
  path: Path;
  /** Ids of the notes shown, in display order. */
  notes: string[];
  markdown: string;
  /** Offsets of the hovered word. */
  start: number;
  end: number;
}

/** What the cursor is on and which notes attach there, before rendering. */
interface Anchor {
  notes: NoteEntry[];
  /** Markdown drawn by the engine above the notes (lifecycle, phase order, file kind). */
  header?: (lang: Lang) => string;
  start: number;
  end: number;
}

/**
 * The hover at `offset`: the notes attached to the key, value, intrinsic function or pseudo
 * parameter under the cursor (spec §2.1 "Hover anchors"). Undefined when nothing applies.
 */
export function hover(doc: ParsedDocument, offset: number, options: HoverOptions = {}, detection: Detection = detectKind(doc.fileName, doc.tree)): HoverResult | undefined {
  if (detection.kind === 'none' || !doc.tree) return undefined;
  if (detection.kind === 'cloudformation' || detection.kind === 'sam') {
    const inline = embeddedHover(doc, offset, options);
    if (inline) return inline;
  }
  const located = locate(doc.tree, offset);
  if (!located) return undefined;
  const knowledge = options.knowledge ?? getKnowledge();
  const anchor = findAnchor(doc, located, offset, detection, knowledge);
  if (!anchor || (anchor.notes.length === 0 && !anchor.header)) return undefined;
  const lang = options.lang ?? 'en';
  const parts: string[] = [];
  if (anchor.header) parts.push(langsOf(lang).map((l) => anchor.header!(l)).join('\n\n'));
  if (anchor.notes.length) parts.push(renderHoverNotes(anchor.notes, lang, options));
  return {
    kind: detection.kind,
    path: located.path,
    notes: anchor.notes.map((n) => n.id),
    markdown: parts.join('\n\n---\n\n'),
    start: anchor.start,
    end: anchor.end,
  };
}

function findAnchor(doc: ParsedDocument, located: Located, offset: number, detection: Detection, knowledge: Knowledge): Anchor | undefined {
  const { path, node } = located;
  const span = { start: node.start, end: node.end };
  if (located.onKey && isIntrinsicKey(node)) {
    const name = String((node as { value: unknown }).value);
    return { notes: knowledge.forName('fn', name), ...span };
  }
  const pseudo = pseudoAt(doc, located, offset);
  if (pseudo) return { notes: knowledge.forName('pseudo', pseudo.name), start: pseudo.start, end: pseudo.end };
  if (path.length === 1 && located.onKey && isFirstKey(doc.tree, node)) {
    const sectionNotes = detection.kind === 'cloudformation' || detection.kind === 'sam' ? knowledge.forKey('section', path) : [];
    const file: Anchor = { notes: [...knowledge.forName('file', detection.kind), ...sectionNotes], header: (l) => kindHeader(detection, l), ...span };
    // A buildspec's or AppSpec's first key (usually `version`) also explains itself.
    const key = detection.kind === 'buildspec' ? buildspecAnchor(located, knowledge, span) : detection.kind === 'appspec' ? appspecAnchor(doc, located, knowledge, span) : undefined;
    if (!key) return file;
    return {
      notes: [...new Set([...file.notes, ...key.notes])],
      header: (l) => [file.header!(l), key.header?.(l)].filter(Boolean).join('\n\n'),
      ...span,
    };
  }
  switch (detection.kind) {
    case 'cloudformation':
    case 'sam':
      return templateAnchor(doc, located, knowledge, span);
    case 'buildspec':
      return buildspecAnchor(located, knowledge, span);
    case 'appspec':
      return appspecAnchor(doc, located, knowledge, span);
  }
}

function buildspecAnchor(located: Located, knowledge: Knowledge, span: { start: number; end: number }): Anchor | undefined {
  if (!located.onKey) return undefined;
  const { path } = located;
  const notes = knowledge.forKey('buildspec', path);
  const description = keyDescription(knowledge, 'codebuild.buildspec', path);
  const { phases } = buildspecFacts(knowledge);
  const current = path[0] === 'phases' && path.length === 2 ? String(path[1]) : undefined;
  const order = current && phases.includes(current) ? current : undefined;
  if (!description && !order) return { notes, ...span };
  const header = (l: Lang) => [description ? keyHeader(path, description, l) : '', order ? phaseOrder(phases, order, l) : ''].filter(Boolean).join('\n\n');
  return { notes, header, ...span };
}

function appspecAnchor(doc: ParsedDocument, located: Located, knowledge: Knowledge, span: { start: number; end: number }): Anchor | undefined {
  if (!located.onKey) return undefined;
  const { path } = located;
  const notes = knowledge.forKey('appspec', path);
  const detection = detectPlatform(doc.tree, knowledge);
  const description = keyDescription(knowledge, 'codedeploy.appspec', path);
  const hookName = hookNameOf(path);
  const parts: Array<(l: Lang) => string> = [];
  if (description) parts.push((l) => keyHeader(path, description, l));
  if (path.length === 1 && path[0] === 'version') parts.push((l) => platformLine(detection, l));
  const { platform } = detection;
  if (platform && (hookName || (path.length === 1 && (path[0] === 'hooks' || path[0] === 'Hooks')))) {
    const steps = lifecycleFor(knowledge, platform);
    parts.push((l) => lifecycleLine(steps, hookName, platform, detection, l));
  } else if (!platform && path.length === 1 && (path[0] === 'hooks' || path[0] === 'Hooks')) {
    parts.push((l) => platformLine(detection, l));
  }
  if (parts.length === 0) return { notes, ...span };
  return { notes, header: (l) => parts.map((part) => part(l)).join('\n\n'), ...span };
}

/** `hooks.AfterInstall` (EC2) or `Hooks[2].BeforeAllowTraffic` (Lambda/ECS) → the event name. */
function hookNameOf(path: Path): string | undefined {
  if ((path[0] === 'hooks' || path[0] === 'Hooks') && path.length === 2 && typeof path[1] === 'string') return path[1];
  if ((path[0] === 'hooks' || path[0] === 'Hooks') && path.length === 3 && typeof path[1] === 'number') return String(path[2]);
  return undefined;
}

function kindHeader(detection: Detection, lang: Lang): string {
  const names: Record<string, { en: string; ja: string }> = {
    cloudformation: { en: 'CloudFormation template', ja: 'CloudFormation テンプレート' },
    sam: { en: 'AWS SAM template', ja: 'AWS SAM テンプレート' },
    buildspec: { en: 'CodeBuild buildspec', ja: 'CodeBuild buildspec' },
    appspec: { en: 'CodeDeploy AppSpec', ja: 'CodeDeploy AppSpec' },
  };
  const name = names[detection.kind]?.[lang] ?? detection.kind;
  return lang === 'ja'
    ? `IaC Notes はこのファイルを **${name}** として扱っています（理由: ${detection.reasonJa ?? detection.reason}）。`
    : `IaC Notes reads this file as a **${name}** (because ${detection.reason}).`;
}

function isIntrinsicKey(node: Node): boolean {
  return isScalar(node) && typeof node.value === 'string' && INTRINSIC_KEYS.has(node.value);
}

function isFirstKey(root: Node | undefined, node: Node): boolean {
  return isMap(root) && root.pairs[0]?.key === node;
}

/** A pseudo parameter under the cursor: `!Ref AWS::Region` or `${AWS::AccountId}` in a string. */
function pseudoAt(doc: ParsedDocument, located: Located, offset: number): { name: string; start: number; end: number } | undefined {
  const node = located.node;
  if (!isScalar(node) || typeof node.value !== 'string' || located.onKey) return undefined;
  if (PSEUDO_PARAMETERS.has(node.value)) return { name: node.value, start: node.start, end: node.end };
  const text = doc.text.slice(node.start, node.end);
  const re = /\$\{(AWS::[A-Za-z]+)\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = node.start + m.index;
    const end = start + m[0].length;
    if (offset >= start && offset <= end && PSEUDO_PARAMETERS.has(m[1])) return { name: m[1], start, end };
  }
  return undefined;
}
