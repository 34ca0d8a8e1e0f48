import type { Bilingual } from '../types';

export type NoteStatus =
  | 'current' | 'outdated' | 'partly-outdated' | 'incomplete' | 'imprecise' | 'dated' | 'wrong' | 'retired' | 'typo';

export interface NoteLink {
  title: string;
  url: string;
}

export interface NoteSource {
  seed: string;
  lines: string;
  heading: string;
}

export interface NoteCorrection {
  fc: string;
  verdict: string;
  en: string;
  ja: string;
  source: NoteLink;
}

/** One compiled entry of `knowledge/` (see knowledge/README.md). */
export interface NoteEntry {
  id: string;
  covers: string[];
  service: string;
  title: Bilingual;
  summary: Bilingual;
  status: NoteStatus;
  sources: NoteSource[];
  attach: string[];
  values?: Record<string, unknown>;
  docs: NoteLink[];
  verified: { date: string; how: string };
  correction?: NoteCorrection;
  keywords?: { en?: string[]; ja?: string[] };
  related?: string[];
  body: Bilingual;
  file: string;
}

/** An attach point, parsed from the entry's `attach` strings. */
export type AttachPoint =
  | { kind: 'type'; resourceType: string }
  | { kind: 'property'; resourceType: string; path: string[]; value?: string }
  | { kind: 'globals'; path: string[] }
  | { kind: 'buildspec' | 'appspec'; path: string[] }
  /** A top-level template section or a key under it (`section:Outputs.*.Export.Name`). */
  | { kind: 'section'; path: string[] }
  | { kind: 'fn' | 'pseudo'; name: string }
  | { kind: 'file'; fileKind: string }
  | { kind: 'eb'; namespace: string; option: string; value?: string }
  | { kind: 'cw'; namespace: string; metric: string }
  | { kind: 'lookup-only' };
