/** The four file kinds the engine understands; `none` means "leave this file alone". */
export type FileKind = 'cloudformation' | 'sam' | 'buildspec' | 'appspec';
export type DetectedKind = FileKind | 'none';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOverride = Severity | 'off';

/** Display language of notes and messages. `both` shows Japanese first, then English. */
export type Lang = 'en' | 'ja';
export type DisplayLang = Lang | 'both';

export type Bilingual = { en: string; ja: string };

/** A path into the document tree: map keys and list indexes, as rules report them. */
export type Path = ReadonlyArray<string | number>;

/** A zero-based position, as VS Code counts it (UTF-16 code units). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of [start, end) offsets in the document text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: Bilingual;
  edits: TextEdit[];
  /** Marks the fix a user would most likely want (VS Code's `isPreferred`). */
  preferred?: boolean;
}
