// Test helpers for `meshlint explain`: small manifests written into a temporary workspace and the
// command's JSON answer read back, so the tables transcribed from Istio's tests run end to end.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { EffectivePolicy, ExplainOutcome } from '../../server/src/core/policy/types';
import { runCli } from './run-cli';
import { writeTempWorkspace } from './temp-workspace';

type Labels = Record<string, string>;

export async function explainRun(
  files: Record<string, string>,
  target: string,
  extra: string[] = [],
): Promise<{ code: number; json: unknown; err: string }> {
  const dir = writeTempWorkspace(files, 'meshlint-explain-');
  try {
    const run = await runCli(['explain', target, dir, '--format', 'json', ...extra]);
    return { code: run.code, json: run.out ? (JSON.parse(run.out) as unknown) : undefined, err: run.err };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function explainJson(files: Record<string, string>, target: string, extra: string[] = []): Promise<EffectivePolicy> {
  const r = await explainRun(files, target, extra);
  assert.equal(r.code, 0, r.err);
  return r.json as EffectivePolicy;
}

export async function explainOutcome(files: Record<string, string>, target: string): Promise<{ code: number; outcome: ExplainOutcome }> {
  const r = await explainRun(files, target);
  return { code: r.code, outcome: r.json as ExplainOutcome };
}

const flow = (l: Labels): string => JSON.stringify(l);

export function namespace(name: string, labels: Labels = { 'istio-injection': 'enabled' }): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${flow(labels)}\n`;
}

export function deployment(ns: string, name: string, labels: Labels, ports: number[] = [8080]): string {
  const list = ports.map((p) => `{containerPort: ${p}}`).join(', ');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${ns}}\nspec:\n  template:\n    metadata:\n      labels: ${flow(labels)}\n    spec:\n      containers: [{name: app, image: app, ports: [${list}]}]\n`;
}

export interface Meta {
  ns: string;
  name: string;
  created?: string;
  annotations?: Labels;
}

function metadata(m: Meta): string {
  const extra = [
    m.created ? `  creationTimestamp: "${m.created}"\n` : '',
    m.annotations ? `  annotations: ${flow(m.annotations)}\n` : '',
  ].join('');
  return `metadata:\n  name: ${m.name}\n  namespace: ${m.ns}\n${extra}`;
}

/** A PeerAuthentication; `spec` is the YAML under `spec:` (indented by two spaces), `{}` when empty. */
export function peerAuthentication(m: Meta, spec = '  {}\n'): string {
  return `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\n${metadata(m)}spec:\n${spec}`;
}

export function authorizationPolicy(m: Meta, spec = '  {}\n'): string {
  return `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\n${metadata(m)}spec:\n${spec}`;
}

export function docs(...parts: string[]): string {
  return parts.join('---\n');
}

export const names = (list: { policy: { namespace?: string; name: string } }[]): string[] =>
  list.map((x) => `${x.policy.namespace ?? ''}/${x.policy.name}`);
