import { getKnowledge, type Knowledge, type NoteEntry } from './knowledge';
import type { ParsedDocument } from './parse';
import { locate, type Located } from './parse/locate';
import { get, isMap, isScalar, type Node, stringOf } from './parse/tree';
import { INTRINSIC_KEYS, PSEUDO_PARAMETERS } from './parse/intrinsics';
import { detectKind, type Detection } from './detect';
import { detectPlatform, lifecycleFor, PLATFORM_NAMES, type LifecycleEvent, type Platform } from './model/appspec';
import { langsOf, renderHoverNotes, type LinkOptions } from './render';
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
    return { notes: [...knowledge.forName('file', detection.kind), ...sectionNotes], header: (l) => kindHeader(detection, l), ...span };
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

function templateAnchor(doc: ParsedDocument, located: Located, knowledge: Knowledge, span: { start: number; end: number }): Anchor | undefined {
  const { path, onKey, node } = located;
  if (onKey && typeof path[0] === 'string' && (path.length === 1 || (path[0] !== 'Resources' && path[0] !== 'Globals'))) {
    return { notes: knowledge.forKey('section', path), ...span };
  }
  if (path[0] === 'Globals' && path.length >= 3 && onKey) {
    return { notes: knowledge.forKey('globals', path.slice(1)), ...span };
  }
  if (path[0] !== 'Resources' || typeof path[1] !== 'string') return undefined;
  const type = stringOf(get(get(get(doc.tree, 'Resources'), path[1]), 'Type'));
  if (!type) return undefined;
  if (path.length === 3 && path[2] === 'Type' && !onKey) {
    return { notes: knowledge.forResourceType(type), ...span };
  }
  if (path[2] !== 'Properties' || path.length < 4) return undefined;
  const rest = stripIntrinsics(path.slice(3));
  if (onKey) return { notes: knowledge.forProperty(type, rest), ...span };
  const value = isScalar(node) && node.value != null ? String(node.value) : undefined;
  const valueNotes = value !== undefined ? knowledge.forProperty(type, rest, value).filter((e) => hasValueAttach(e, type, value)) : [];
  const notes = [...valueNotes, ...knowledge.forProperty(type, rest).filter((e) => !valueNotes.includes(e))];
  return { notes, ...span };
}

/** A value inside `!If [c, a, b]` hovers like the property itself. */
function stripIntrinsics(path: Path): Path {
  const out: Array<string | number> = [];
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (typeof step === 'string' && INTRINSIC_KEYS.has(step)) { if (typeof path[i + 1] === 'number') i++; continue; }
    out.push(step);
  }
  return out;
}

function hasValueAttach(entry: NoteEntry, type: string, value: string): boolean {
  return entry.attach.some((a) => a.startsWith(`${type}.`) && a.endsWith(`=${value}`));
}

function buildspecAnchor(located: Located, knowledge: Knowledge, span: { start: number; end: number }): Anchor | undefined {
  if (!located.onKey) return undefined;
  const { path } = located;
  const notes = knowledge.forKey('buildspec', path);
  let header: ((lang: Lang) => string) | undefined;
  if (path[0] === 'phases' && path.length === 2) {
    const phases = knowledge.value('codebuild.buildspec', 'phases') as string[];
    const current = String(path[1]);
    if (phases.includes(current)) {
      header = (l) => `${l === 'ja' ? '**フェーズの実行順**' : '**Phase order**'}: ${phases.map((p) => (p === current ? `**\`${p}\`** ◀` : `\`${p}\``)).join(' → ')}`;
    }
  }
  return { notes, header, ...span };
}

function appspecAnchor(doc: ParsedDocument, located: Located, knowledge: Knowledge, span: { start: number; end: number }): Anchor | undefined {
  if (!located.onKey) return undefined;
  const { path } = located;
  const notes = knowledge.forKey('appspec', path);
  const hookName = hookNameOf(path);
  if (!hookName) return { notes, ...span };
  const { platform, reason } = detectPlatform(doc.tree, knowledge);
  if (!platform) return { notes, ...span };
  const steps = lifecycleFor(knowledge, platform);
  return { notes, header: (l) => lifecycleDiagram(steps, hookName, platform, reason, l), ...span };
}

/** `hooks.AfterInstall` (EC2) or `Hooks[2].BeforeAllowTraffic` (Lambda/ECS) → the event name. */
function hookNameOf(path: Path): string | undefined {
  if ((path[0] === 'hooks' || path[0] === 'Hooks') && path.length === 2 && typeof path[1] === 'string') return path[1];
  if ((path[0] === 'hooks' || path[0] === 'Hooks') && path.length === 3 && typeof path[1] === 'number') return String(path[2]);
  return undefined;
}

/** The platform's lifecycle as one compact line: this hook marked, reserved steps struck through. */
function lifecycleDiagram(steps: LifecycleEvent[], current: string, platform: Platform, reason: string, lang: Lang): string {
  const label = PLATFORM_NAMES[platform][lang];
  const chain = steps.map((s) => {
    if (s.event === current) return `**${s.event}** ◀`;
    return s.reserved ? `~~${s.event}~~` : s.event;
  }).join(' → ');
  const step = steps.find((s) => s.event === current);
  const legend = lang === 'ja'
    ? '取り消し線 = CodeDeploy の予約イベント（フックを置けない）'
    : 'struck through = reserved for CodeDeploy (no hook can run there)';
  const what = step ? `\n\n\`${current}\`: ${step[lang]}${step.reserved ? (lang === 'ja' ? ' **（予約イベント: フックは実行されません）**' : ' **(reserved: a hook here never runs)**') : ''}${step.loadBalancer ? (lang === 'ja' ? '（ロードバランサー使用時のみ）' : ' (only with a load balancer)') : ''}` : '';
  const why = lang === 'ja' ? `プラットフォームの判定理由: ${reason}` : `Platform detected because ${reason}`;
  return `**${lang === 'ja' ? 'ライフサイクル' : 'Lifecycle'} · ${label}**\n\n${chain}\n\n*${legend}*${what}\n\n*${why}*`;
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
    ? `IaC Notes はこのファイルを **${name}** として扱っています（理由: ${detection.reason}）。`
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
