import type { ParsedDocument } from '../../parse';
import { reorderEntries } from '../../edits';
import type { Fix } from '../../types';

/**
 * Small helpers the AppSpec and buildspec rules share: "did you mean" suggestions and the
 * "reorder into the documented order" check and fix.
 */

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The candidate closest to `name`: a case-insensitive match first, else the smallest edit distance
 * (ignoring case, `-` and `_`) within about a third of the name's length. Undefined when nothing
 * is close enough to be a plausible typo.
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const exact = candidates.find((c) => c.toLowerCase() === lower);
  if (exact) return exact;
  const norm = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const target = norm(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(target, norm(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(Math.max(target.length, 3) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** The canonical ranks in file order are non-decreasing (unknown names, rank undefined, are ignored). */
export function inOrder(ranks: ReadonlyArray<number | undefined>): boolean {
  let last = -Infinity;
  for (const rank of ranks) {
    if (rank === undefined) continue;
    if (rank < last) return false;
    last = rank;
  }
  return true;
}

/**
 * The permutation that sorts the ranked entries into canonical order while every unranked entry
 * keeps its place: ranked entries are redistributed over the slots that ranked entries occupy.
 * `order[position]` is the index of the entry that goes to `position`.
 */
export function slotOrder(ranks: ReadonlyArray<number | undefined>): number[] {
  const order = ranks.map((_, i) => i);
  const slots = ranks.map((rank, i) => (rank === undefined ? -1 : i)).filter((i) => i >= 0);
  const sorted = [...slots].sort((a, b) => (ranks[a]! - ranks[b]!) || a - b);
  slots.forEach((slot, k) => { order[slot] = sorted[k]; });
  return order;
}

/** The names of the ranked entries in canonical order, duplicates removed (for messages). */
export function canonicalNames(names: readonly string[], ranks: ReadonlyArray<number | undefined>): string[] {
  const present = names.map((name, i) => ({ name, rank: ranks[i] })).filter((x) => x.rank !== undefined);
  present.sort((a, b) => a.rank! - b.rank!);
  return [...new Set(present.map((x) => x.name))];
}

/**
 * A fix that moves whole entries (with the comments on their lines) into canonical order. YAML
 * block collections only: JSON entries would need their commas moved, flow collections sit on
 * one line.
 */
export function reorderFix(
  doc: ParsedDocument, entries: Array<{ start: number; end: number }>, ranks: ReadonlyArray<number | undefined>, title: Fix['title'],
): Fix | undefined {
  if (doc.format !== 'yaml') return undefined;
  const edit = reorderEntries(doc, entries, slotOrder(ranks));
  if (!edit) return undefined;
  return { title, edits: [edit], preferred: true };
}

/** Replaces a key's text, keeping its quotes. */
export function renameKeyEdit(doc: ParsedDocument, key: { start: number; end: number }, name: string): { start: number; end: number; newText: string } {
  const text = doc.text.slice(key.start, key.end);
  const quoted = text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0];
  if (quoted) return { start: key.start + 1, end: key.end - 1, newText: name };
  return { start: key.start, end: key.end, newText: name };
}

/** `a → b → c` for messages. */
export function arrow(names: readonly string[]): string {
  return names.join(' → ');
}

/** `` `a`, `b`, `c` `` for messages. */
export function codeList(names: readonly string[]): string {
  return names.map((n) => `\`${n}\``).join(', ');
}
