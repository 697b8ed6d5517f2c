// Test helpers for CRD-based validation: the upstream CRD files beside the checkout (never copied
// into the project), our own small CRDs in test/fixtures/crds, and engines built from them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../../server/src/core/engine';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { registryWithCrds, type CrdRegistry } from '../../server/src/core/crd/crd-registry';
import { loadSchemas } from '../../server/src/node/load-schemas';
import type { SchemaBundle } from '../../server/src/core/schema';
import type { Finding } from '../../server/src/core/types';
import { PACKAGE_DIR } from './engine';

/** `../shared/upstream` beside the checkout, as in CI; a worktree elsewhere sets MESHLINT_SHARED_UPSTREAM. */
export const UPSTREAM_DIR = process.env.MESHLINT_SHARED_UPSTREAM ?? path.join(PACKAGE_DIR, '..', 'shared', 'upstream');
export const ISTIO_CRDS = path.join(UPSTREAM_DIR, 'istio-1.30.3-crds.yaml');
export const CERT_MANAGER_CRDS = path.join(UPSTREAM_DIR, 'cert-manager-1.21.1-crds.yaml');
export const CRD_FIXTURES = path.join(PACKAGE_DIR, 'test', 'fixtures', 'crds');

let builtin: SchemaBundle | undefined;
export function builtinBundle(): SchemaBundle {
  builtin ??= loadSchemas(PACKAGE_DIR);
  return builtin;
}

export function crdText(file: string): { source: string; text: string } {
  return { source: file, text: fs.readFileSync(file, 'utf8') };
}

const registries = new Map<string, CrdRegistry>();
/** One registry per set of CRD files, as hosts keep it. */
export function crdRegistry(...files: string[]): CrdRegistry {
  const key = files.join('|');
  let r = registries.get(key);
  if (!r) registries.set(key, (r = registryWithCrds(builtinBundle(), files.map(crdText))));
  return r;
}

export function analyzeWithCrds(text: string, ...files: string[]): Finding[] {
  return new Engine(crdRegistry(...files).registry).analyze(text, DEFAULT_CONFIG).findings;
}

/** An AuthorizationPolicy whose source uses trustDomains (new in Istio 1.30); line 11 column 9 is the key. */
export const TRUST_DOMAINS_POLICY = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: from-partner
  namespace: shop
spec:
  action: ALLOW
  rules:
  - from:
    - source:
        trustDomains: ["partner.example"]
        namespaces: ["partner"]
`;
