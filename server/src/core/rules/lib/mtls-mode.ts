// Where PeerAuthentication sets an mTLS mode: the workload/namespace level and each port override.
import type { DocContext } from './rule';
import { asRecord } from '../../resources';
import type { PathSegment } from '../../locate';
import type { Fix } from '../../types';
import { setValueFix } from './fix-edits';

export interface ModeSite {
  path: PathSegment[];
  mode: string;
  /** The port for a portLevelMtls entry. */
  port?: string;
}

export function mtlsModeSites(ctx: DocContext): ModeSite[] {
  const spec = asRecord(ctx.value.spec);
  if (!spec) return [];
  const sites: ModeSite[] = [];
  const top = asRecord(spec.mtls)?.mode;
  if (typeof top === 'string') sites.push({ path: ['spec', 'mtls', 'mode'], mode: top });
  const ports = asRecord(spec.portLevelMtls);
  for (const [port, entry] of Object.entries(ports ?? {})) {
    const mode = asRecord(entry)?.mode;
    if (typeof mode === 'string') sites.push({ path: ['spec', 'portLevelMtls', port, 'mode'], mode, port });
  }
  return sites;
}

/**
 * The fix the mode rules offer: set that one value to STRICT, touching nothing else. A suggestion
 * only: STRICT refuses every client without a sidecar, which no text edit can check.
 */
export function strictFix(ctx: DocContext, path: PathSegment[]): Fix | undefined {
  const fix = setValueFix(ctx, path, 'STRICT', 'Set mode to STRICT', true);
  return fix && { ...fix, batch: false };
}
