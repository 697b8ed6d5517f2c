// The node model of the Mesh Policy tree, shared by the builders of its sections: plain data free
// of `vscode` (label, description, the Site a click opens, children) so it is testable in Node.
import type { Ref } from '../../../server/src/core/policy/types';
import type { Site } from '../../../server/src/core/workspace/facts';

export interface PolicyNode {
  label: string;
  description?: string;
  tooltip?: string;
  /** The exact key this node stands for; clicking the node opens it. */
  site?: Site;
  /** A codicon id. */
  icon?: string;
  children?: PolicyNode[];
  /** Top sections start expanded so the answer is visible at a glance. */
  expanded?: boolean;
}

/** `namespace/name`, the way every node names a resource. */
export function refName(ref: Pick<Ref, 'namespace' | 'name'>): string {
  return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}
