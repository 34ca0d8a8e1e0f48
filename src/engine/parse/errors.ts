/** A syntax error, with offsets into the parsed text. */
export interface ParseError {
  message: string;
  start: number;
  end: number;
}
