// Remembers, per open file of a folder, the workspace findings last handed to the client and the
// text they were computed on: enough to tell which files to publish again after a rules run, and
// to move old findings along with an edit while a costly run waits.
import type { Finding } from '../core/types';
import { offsetMapBetween, shiftFindings } from '../core/shift-findings';

export class PublishTracker {
  private readonly signatures = new Map<string, string>();
  private readonly given = new Map<string, { text: string; findings: Finding[] }>();

  record(key: string, text: string, findings: Finding[]): void {
    this.signatures.set(key, signature(findings));
    this.given.set(key, { text, findings });
  }

  forget(key: string): void {
    this.signatures.delete(key);
    this.given.delete(key);
  }

  /** Whether the client would see something else than what was last published for the file. */
  differs(key: string, findings: readonly Finding[]): boolean {
    return signature(findings) !== this.signatures.get(key);
  }

  /** The last findings of a file, moved onto its current text; undefined before the first publish. */
  following(key: string, text: string): Finding[] | undefined {
    const last = this.given.get(key);
    if (!last) return undefined;
    // Comparing the texts walks the file: not needed when there is nothing to move.
    if (last.findings.length === 0 || last.text === text) return last.findings.length === 0 ? [] : [...last.findings];
    return shiftFindings(last.findings, key, offsetMapBetween(last.text, text));
  }
}

/** What a client would see of a file's workspace findings: enough to tell whether to publish again. */
function signature(findings: readonly Finding[]): string {
  return JSON.stringify(
    findings.map((f) => [f.ruleId, f.severity, f.message, f.start, f.end, f.related?.map((r) => [r.uri, r.start, r.end])]),
  );
}
