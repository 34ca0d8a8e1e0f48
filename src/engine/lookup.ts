import MiniSearch from 'minisearch';
import { getKnowledge, type Knowledge, type NoteEntry } from './knowledge';

export interface LookupHit {
  id: string;
  title: { en: string; ja: string };
  summary: { en: string; ja: string };
  service: string;
  score: number;
}

/**
 * Words for the index. Latin text splits into lowercase words (with `.`/`-` kept inside ids and
 * numbers such as `256kb`); runs of Japanese become overlapping character pairs, since Japanese
 * has no spaces: 「可視性タイムアウト」 → 可視, 視性, 性タ, … so a query of any two characters of a
 * word finds it.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const lower = text.normalize('NFKC').toLowerCase();
  for (const match of lower.matchAll(/[a-z0-9]+(?:[.\-_][a-z0-9]+)*|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu)) {
    const word = match[0];
    if (/^[a-z0-9]/.test(word)) {
      out.push(word);
      if (/[.\-_]/.test(word)) out.push(...word.split(/[.\-_]/).filter((part) => part.length >= 2));
      continue;
    }
    if (word.length === 1) { out.push(word); continue; }
    for (let i = 0; i < word.length - 1; i++) out.push(word.slice(i, i + 2));
  }
  return out;
}

/**
 * A light English stemmer for index and query alike: a plural `s` goes (`annotations` →
 * `annotation`, `hooks` → `hook`), so singular and plural queries find the same notes. Words of
 * three letters or fewer (`aws`, `sqs`), `ss` endings (`access`) and Japanese stay as they are.
 */
function singular(term: string): string {
  return /^[a-z][a-z0-9]{3,}s$/.test(term) && !/(ss|us|is)$/.test(term) ? term.slice(0, -1) : term;
}

interface IndexedNote {
  id: string;
  idWords: string;
  title: string;
  summary: string;
  keywords: string;
  body: string;
}

/** Longest term matched fuzzily, and longest query read: no note title or keyword is longer. */
const MAX_FUZZY_TERM = 40;
const MAX_QUERY = 500;

const indexes = new WeakMap<Knowledge, MiniSearch<IndexedNote>>();
const building = new WeakMap<Knowledge, Promise<void>>();

function indexFor(knowledge: Knowledge): MiniSearch<IndexedNote> {
  const cached = indexes.get(knowledge);
  if (cached) return cached;
  const index = newIndex();
  index.addAll(knowledge.entries.map(toIndexed));
  indexes.set(knowledge, index);
  return index;
}

/**
 * Builds the search index in small chunks, yielding to the event loop between them, so the
 * editor's lookup can prepare it while its picker opens instead of freezing the extension host
 * on the first keystroke (hundreds of notes take about a second). `lookup` stays synchronous and
 * builds the index itself if it is called before this finishes.
 */
export function prepareLookup(options: { knowledge?: Knowledge } = {}): Promise<void> {
  const knowledge = options.knowledge ?? getKnowledge();
  if (indexes.has(knowledge)) return Promise.resolve();
  const pending = building.get(knowledge);
  if (pending) return pending;
  const index = newIndex();
  const done = index.addAllAsync(knowledge.entries.map(toIndexed), { chunkSize: 8 }).then(() => {
    if (!indexes.has(knowledge)) indexes.set(knowledge, index);
    building.delete(knowledge);
  });
  building.set(knowledge, done);
  return done;
}

function newIndex(): MiniSearch<IndexedNote> {
  return new MiniSearch<IndexedNote>({
    fields: ['idWords', 'title', 'summary', 'keywords', 'body'],
    storeFields: [],
    tokenize,
    processTerm: singular,
    searchOptions: {
      boost: { title: 4, idWords: 3, keywords: 3, summary: 2, body: 1 },
      prefix: (term) => /^[a-z0-9]/.test(term) && term.length >= 3,
      // Fuzzy matching allocates term-length squared: only for word-sized terms (a pasted line of
      // 100,000 characters once asked for a 10 GB table).
      fuzzy: (term) => (/^[a-z]/.test(term) && term.length >= 5 && term.length <= MAX_FUZZY_TERM ? 0.2 : false),
      combineWith: 'OR',
    },
  });
}

function toIndexed(entry: NoteEntry): IndexedNote {
  return {
    id: entry.id,
    idWords: `${entry.id} ${entry.covers.join(' ')} ${entry.service}`,
    title: `${entry.title.en} ${entry.title.ja}`,
    summary: `${entry.summary.en} ${entry.summary.ja}`,
    keywords: [...(entry.keywords?.en ?? []), ...(entry.keywords?.ja ?? []), ...entry.attach].join(' '),
    body: `${entry.body.en} ${entry.body.ja} ${entry.correction ? `${entry.correction.en} ${entry.correction.ja}` : ''}`,
  };
}

/** Notes matching a query in either language, best first; an empty query lists every note by service. */
export function lookup(query: string, options: { knowledge?: Knowledge; limit?: number } = {}): LookupHit[] {
  const knowledge = options.knowledge ?? getKnowledge();
  const limit = options.limit ?? 20;
  const toHit = (entry: NoteEntry, score: number): LookupHit => ({
    id: entry.id, title: entry.title, summary: entry.summary, service: entry.service, score,
  });
  if (!query.trim()) {
    return [...knowledge.entries].sort((a, b) => a.service.localeCompare(b.service) || a.id.localeCompare(b.id)).map((e) => toHit(e, 0));
  }
  const results = indexFor(knowledge).search(query.length > MAX_QUERY ? query.slice(0, MAX_QUERY) : query);
  const top = results[0]?.score ?? 1;
  return results.slice(0, limit).map((r) => toHit(knowledge.require(String(r.id)), Math.round((r.score / top) * 1000) / 1000));
}
