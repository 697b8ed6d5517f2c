// The workspace host without a connection, for tests: an in-memory folder, fake settings, timers
// fired by hand, and the re-publish requests the host makes.
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { DEFAULT_SETTINGS, type MeshlintSettings } from '../../server/src/lsp/protocol';
import { WorkspaceHost } from '../../server/src/lsp/workspace-host';
import type { WorkspaceFiles } from '../../server/src/lsp/workspace-files';
import { allRuleMetas } from '../../server/src/core/rules/index';
import type { Finding } from '../../server/src/core/types';
import { newEngine } from './engine';
import { peerAuthentication } from './sample-manifests';

export const ROOT = 'file:///ws';
export const RULE = 'authorization-identity-without-strict';

export const pa = (mode: string): string => peerAuthentication({ namespace: 'orders', mode });

export class MemoryFiles implements WorkspaceFiles {
  constructor(readonly files: Map<string, string>) {}
  list(folderUri: string, exclude: readonly string[]): Promise<string[]> {
    return Promise.resolve(
      [...this.files.keys()].filter((u) => u.startsWith(`${folderUri}/`) && !exclude.some((g) => u.includes(`/${g.replace('/**', '')}/`))),
    );
  }
  read(uri: string): Promise<string | undefined> {
    return Promise.resolve(this.files.get(uri));
  }
  normalize(uri: string): string {
    return uri;
  }
}

/** Timers the test fires by hand: the deferred rules run happens exactly when the test says. */
export class ManualTimers {
  readonly pending = new Map<number, { run: () => void; ms: number }>();
  private next = 0;
  setTimer = (run: () => void, ms: number): unknown => {
    this.pending.set(++this.next, { run, ms });
    return this.next;
  };
  clearTimer = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.run();
  }
}

export function setup(
  files: Record<string, string>,
  settings: Partial<MeshlintSettings> & { exclude?: string[] } = {},
  clock?: () => number,
  timers?: ManualTimers,
) {
  const disk = new Map(Object.entries(files).map(([k, v]) => [`${ROOT}/${k}`, v]));
  const republished: string[] = [];
  let onRepublish: (() => void) | undefined;
  const configProblems = new Map<string, Finding[]>();
  const host = new WorkspaceHost({
    files: new MemoryFiles(disk),
    settingsFor: () => Promise.resolve({ ...DEFAULT_SETTINGS, ...settings }),
    excludeFor: () => Promise.resolve(settings.exclude ?? []),
    republish: (uri) => {
      republished.push(uri);
      onRepublish?.();
    },
    publishConfigFile: (uri, _text, findings) => configProblems.set(uri, findings),
    knownRuleIds: () => allRuleMetas().map((m) => m.id),
    log: (m) => assert.fail(m),
    now: clock,
    timers,
  });
  host.setFolders([ROOT]);
  const engine = newEngine();
  const publish = (name: string, text: string): Promise<Finding[]> => {
    const uri = `${ROOT}/${name}`;
    const config = { ...DEFAULT_CONFIG, ...host.fileConfig(uri), rules: host.fileConfig(uri).rules };
    return host.forDocument(uri, text, engine.analyze(text, config), config);
  };
  const nextRepublish = (): Promise<void> => new Promise((resolve) => (onRepublish = resolve));
  return { host, disk, republished, publish, configProblems, nextRepublish };
}

export const ids = (fs: Finding[]): string[] => fs.map((f) => f.ruleId);

/** Counts the calls of a method on a prototype from now on, until `restore()` puts the method back. */
export function countCalls(proto: object, name: string): { count: () => number; restore: () => void } {
  const methods = proto as Record<string, (...args: unknown[]) => unknown>;
  const original = methods[name];
  let n = 0;
  methods[name] = function (this: unknown, ...args: unknown[]): unknown {
    n++;
    return original.apply(this, args);
  };
  return { count: () => n, restore: () => void (methods[name] = original) };
}
