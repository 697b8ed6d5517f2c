// The registry of per-document rules. Rule files export `rule`; add new ones here (the registry
// test checks that every rule file is listed and has docs and fixtures).
import type { DocumentRule } from './rule';
import { rule as peerAuthenticationPermissive } from './peer-authentication-permissive';
import { rule as peerAuthenticationDisable } from './peer-authentication-disable';
import { rule as unknownApiVersion } from './unknown-api-version';

export const DOCUMENT_RULES: readonly DocumentRule[] = [unknownApiVersion, peerAuthenticationPermissive, peerAuthenticationDisable];
