// Pieces of policy facts that several fact kinds share or that the policy model reads on their
// own: a targetRef, a RequestAuthentication's JWT rule, a Service port.
import type { FieldValue } from '../policy/types';
import type { Site } from './site';

type ValueRef = FieldValue;

/** A targetRef/targetRefs entry (a legacy `targetRef` is folded in as the only entry). */
export interface TargetRefFact {
  /** '' for the core group (Service). */
  group: string;
  kind: string;
  name: string;
  namespace?: string;
  site: Site;
}

export interface JwtRuleFact {
  issuer?: ValueRef;
  audiences: ValueRef[];
  fromHeaders: ValueRef[];
  fromParams: ValueRef[];
  fromCookies: ValueRef[];
  spaceDelimitedClaims: ValueRef[];
  /** The `-` entry. */
  site: Site;
}

export interface ServicePortFact {
  name?: string;
  port: number;
  /** A number, a container port name, or undefined (then equal to `port`). */
  targetPort?: number | string;
  protocol?: string;
  appProtocol?: string;
  site: Site;
}
