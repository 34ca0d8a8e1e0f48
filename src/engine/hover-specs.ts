import type { Knowledge } from './knowledge';
import { pathMatches } from './knowledge';
import { splitPath } from './knowledge/attach';
import type { LifecycleEvent, Platform, PlatformDetection } from './model/appspec';
import { PLATFORM_NAMES } from './model/appspec';
import type { Lang, Path } from './types';

/**
 * Hover text for buildspec and AppSpec keys that is not a note: what the key means (from the
 * `keys` table of `codebuild.buildspec` / `codedeploy.appspec`), the phase order, the platform's
 * lifecycle and why the AppSpec's platform was chosen. Every part is drawn in one language;
 * hover() joins the languages the user asked for.
 */

type KeyTable = Record<string, { en: string; ja: string }>;

/** The description of the key at `path`, the most specific pattern first (fewest wildcards). */
export function keyDescription(knowledge: Knowledge, note: 'codebuild.buildspec' | 'codedeploy.appspec', path: Path): { en: string; ja: string } | undefined {
  let table: KeyTable;
  try {
    table = knowledge.value(note, 'keys') as KeyTable;
  } catch {
    return undefined;
  }
  let best: { text: { en: string; ja: string }; wild: number } | undefined;
  for (const [pattern, text] of Object.entries(table)) {
    const parts = splitPath(pattern);
    if (!pathMatches(parts, path)) continue;
    const wild = parts.filter((p) => p === '*' || p === '[]').length;
    if (!best || wild < best.wild) best = { text, wild };
  }
  return best?.text;
}

/** `` `env.parameter-store` — what it means `` for the top of a hover. */
export function keyHeader(path: Path, text: { en: string; ja: string }, lang: Lang): string {
  const name = path.filter((p) => typeof p === 'string').join('.');
  return `**\`${name}\`** — ${text[lang]}`;
}

/** Phase order with the hovered phase marked. */
export function phaseOrder(phases: readonly string[], current: string, lang: Lang): string {
  return `${lang === 'ja' ? '**フェーズの実行順**' : '**Phase order**'}: ${phases.map((p) => (p === current ? `**\`${p}\`** ◀` : `\`${p}\``)).join(' → ')}`;
}

/** The detected platform and why, for the hover of `version` and of the hooks section. */
export function platformLine(detection: PlatformDetection, lang: Lang): string {
  if (!detection.platform) {
    return lang === 'ja'
      ? `*コンピューティングプラットフォームは判定できません（${detection.reasonJa}）。プラットフォーム固有のルールは実行されません。*`
      : `*Compute platform unknown (${detection.reason}): platform-specific checks are skipped.*`;
  }
  const label = PLATFORM_NAMES[detection.platform][lang];
  return lang === 'ja'
    ? `**プラットフォーム: ${label}**（判定理由: ${detection.reasonJa}）`
    : `**Platform: ${label}** (because ${detection.reason})`;
}

/**
 * The platform's lifecycle as one compact line: the hovered hook marked, reserved steps struck
 * through, load-balancer-only steps flagged; with the legend and the platform reason.
 */
export function lifecycleLine(steps: LifecycleEvent[], current: string | undefined, platform: Platform, detection: PlatformDetection, lang: Lang): string {
  const label = PLATFORM_NAMES[platform][lang];
  const chain = steps.map((s) => {
    const name = s.event === current ? `**${s.event}** ◀` : s.reserved ? `~~${s.event}~~` : s.event;
    return s.loadBalancer ? `${name}ᴸᴮ` : name;
  }).join(' → ');
  const hasLb = steps.some((s) => s.loadBalancer);
  const legend = lang === 'ja'
    ? `取り消し線 = CodeDeploy の予約イベント（フックを置けない）${hasLb ? '、ᴸᴮ = ロードバランサー使用時のみ' : ''}`
    : `struck through = reserved for CodeDeploy (no hook can run there)${hasLb ? '; ᴸᴮ = only with a load balancer' : ''}`;
  const step = current ? steps.find((s) => s.event === current) : undefined;
  let what = '';
  if (step) {
    const reserved = step.reserved ? (lang === 'ja' ? ' **（予約イベント: フックは実行されません）**' : ' **(reserved: a hook here never runs)**') : '';
    const lb = step.loadBalancer ? (lang === 'ja' ? '（ロードバランサー使用時のみ）' : ' (only with a load balancer)') : '';
    what = `\n\n\`${current}\`: ${step[lang]}${reserved}${lb}`;
  } else if (current) {
    what = lang === 'ja'
      ? `\n\n\`${current}\` は ${label} のライフサイクルイベントではありません。`
      : `\n\n\`${current}\` is not a lifecycle event of ${label} deployments.`;
  }
  const why = lang === 'ja' ? `プラットフォームの判定理由: ${detection.reasonJa}` : `Platform detected because ${detection.reason}`;
  return `**${lang === 'ja' ? 'ライフサイクル' : 'Lifecycle'} · ${label}**\n\n${chain}\n\n*${legend}*${what}\n\n*${why}*`;
}
