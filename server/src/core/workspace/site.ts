// Where a fact is written (a range with its line and column, so another file's finding can link
// to it unopened) and label maps: the two shapes the facts and the policy model's results share.

/** A range in one file, with positions too so another file's finding can link to it unopened. */
export interface Site {
  uri: string;
  start: number;
  end: number;
  /** 0-based line and UTF-16 column of `start` and `end`. */
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export type Labels = Readonly<Record<string, string>>;
