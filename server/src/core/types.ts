// Shared value types of the core engine: what a check reports and how a fix edits text.
// Offsets are UTF-16 code-unit offsets into the whole file, the unit LSP and `yaml` both use.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by "fix all" and `meshlint --fix`; unsafe ones only on request. */
  safe: boolean;
  /** The fix the editor should offer first for this finding. */
  preferred?: boolean;
  /**
   * False for a change whose edit is sound but whose effect needs a person's decision (e.g. STRICT
   * mutual TLS, which cuts off clients without a sidecar): offered as a quick fix, never applied by
   * "fix all" or `meshlint --fix`. Absent means true.
   */
  batch?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  fixes?: Fix[];
  /** Other places that explain the finding (e.g. the policy that conflicts), file offsets or URIs. */
  related?: RelatedLocation[];
}

export interface RelatedLocation {
  uri?: string;
  start: number;
  end: number;
  message: string;
  /**
   * 0-based line/column range, set for places in another file (`uri`), whose text the reader of
   * the finding (the language server, the CLI) may not hold.
   */
  range?: { startLine: number; startCharacter: number; endLine: number; endCharacter: number };
}

export function shiftFinding(f: Finding, delta: number): Finding {
  if (delta === 0) return f;
  return {
    ...f,
    start: f.start + delta,
    end: f.end + delta,
    fixes: f.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) })),
    related: f.related?.map((r) => (r.uri ? r : { ...r, start: r.start + delta, end: r.end + delta })),
  };
}
