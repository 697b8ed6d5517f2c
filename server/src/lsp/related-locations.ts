// Related places in other files (a workspace finding's conflicting policy, the namespace manifest)
// as LSP relatedInformation. They carry their own line/column, since the other file may not be open.
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/types';

export function withCrossFileRelated(diagnostic: Diagnostic, finding: Finding, supported: boolean): Diagnostic {
  if (!supported) return diagnostic;
  const extra = (finding.related ?? []).flatMap((r) =>
    r.uri !== undefined && r.range
      ? [
          {
            location: {
              uri: r.uri,
              range: {
                start: { line: r.range.startLine, character: r.range.startCharacter },
                end: { line: r.range.endLine, character: r.range.endCharacter },
              },
            },
            message: r.message,
          },
        ]
      : [],
  );
  if (extra.length === 0) return diagnostic;
  return { ...diagnostic, relatedInformation: [...(diagnostic.relatedInformation ?? []), ...extra] };
}
