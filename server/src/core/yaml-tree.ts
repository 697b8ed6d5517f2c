// The positioned YAML tree that parse.ts builds: plain types only, so modules that walk the tree
// (locate.ts, plain-value.ts) need not import the parser that uses them.

export type YNode = YMap | YSeq | YScalar | YAlias;

interface YBase {
  /** Offset of the node's first character, relative to the parsed text. */
  start: number;
  /** Offset just past the node's value (excludes a trailing comment). */
  end: number;
  /** The anchor (`&name`) written on the node, if any: fixes must not edit what aliases share. */
  anchor?: string;
}

export interface YPair {
  key: YNode | null;
  value: YNode | null;
}

export interface YMap extends YBase {
  kind: 'map';
  flow: boolean;
  pairs: YPair[];
}

export interface YSeq extends YBase {
  kind: 'seq';
  flow: boolean;
  items: (YNode | null)[];
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface YScalar extends YBase {
  kind: 'scalar';
  value: unknown;
  style: ScalarStyle;
}

export interface YAlias extends YBase {
  kind: 'alias';
  name: string;
  target: YNode | null;
}
