// Value types of completion: what the core proposes (in its own terms; the LSP layer maps them)
// and the workspace facts it can draw names from.
import type { SchemaRegistry } from '../schema';
import type { ConceptLibrary } from '../hover/concept-text';

export type SuggestionKind = 'key' | 'value' | 'resource' | 'reference';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  /** One line next to the label: the type, `group/version`, or where a name comes from. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** What to insert; snippet syntax (`$1`, `${1:x}`) when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  /** File offsets of the text the insertion replaces (the word being typed). */
  start: number;
  end: number;
  /** Orders the list; the editor sorts by this, not by label. */
  sortText: string;
  filterText?: string;
  deprecated?: boolean;
  /** The safe choice: the editor selects it first. */
  preselect?: boolean;
}

/** Names the open folder's manifests define, for completing references to them. */
export interface WorkspaceHints {
  serviceAccounts: readonly { namespace: string; name: string }[];
  namespaces: readonly string[];
  issuers: readonly { name: string; namespace?: string; cluster: boolean }[];
  /** Pod labels of workloads, for selectors. */
  workloads: readonly { namespace?: string; labels: Readonly<Record<string, string>> }[];
  /** Secrets (and secretNames of Certificates) by namespace, for credentialName. */
  secrets?: readonly { namespace: string; name: string }[];
}

export interface CompletionDeps {
  registry: SchemaRegistry;
  /** Trust domain for principals (config.trustDomain). */
  trustDomain: string;
  concepts?: ConceptLibrary;
  workspace?: WorkspaceHints;
}
