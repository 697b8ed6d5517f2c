// Rules for mistakes the cluster accepts but that leave the mesh open (catalog sections B-H).
import type { DocumentRule } from './rule';
import { rule as peerAuthenticationPermissive } from './peer-authentication-permissive';
import { rule as peerAuthenticationDisable } from './peer-authentication-disable';

export const ZERO_TRUST_RULES: readonly DocumentRule[] = [peerAuthenticationPermissive, peerAuthenticationDisable];
