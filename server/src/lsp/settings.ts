// Reads `meshlint.*` settings per document (never a module global) and turns them into the
// engine's Config on top of the defaults and the workspace's config file.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_CONFIG, mergeConfig, type Config, type RuleLevel } from '../core/config';
import { parseDuration } from '../core/duration';
import { DEFAULT_SETTINGS, type MeshlintSettings } from './protocol';

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<MeshlintSettings>>();

  constructor(private readonly connection: Connection, private readonly supportsConfiguration: () => boolean) {}

  get(uri: string): Promise<MeshlintSettings> {
    if (!this.supportsConfiguration()) return Promise.resolve(DEFAULT_SETTINGS);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'meshlint' })
        .then((raw: unknown) => normalise(raw), () => DEFAULT_SETTINGS);
      this.perUri.set(uri, p);
    }
    return p;
  }

  forget(uri?: string): void {
    if (uri) this.perUri.delete(uri);
    else this.perUri.clear();
  }
}

function normalise(raw: unknown): MeshlintSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<MeshlintSettings>;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    rules: r.rules && typeof r.rules === 'object' ? r.rules : {},
    rootNamespace: typeof r.rootNamespace === 'string' ? r.rootNamespace : '',
    trustDomain: typeof r.trustDomain === 'string' ? r.trustDomain : '',
    maxWorkloadCertificateDuration: typeof r.maxWorkloadCertificateDuration === 'string' ? r.maxWorkloadCertificateDuration : '',
    maxCertificateDuration: typeof r.maxCertificateDuration === 'string' ? r.maxCertificateDuration : '',
  };
}

/** Settings the user set win over the config file, which wins over the defaults. */
export function toConfig(settings: MeshlintSettings, fileConfig: Config = DEFAULT_CONFIG): Config {
  const rules: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(settings.rules)) if (['error', 'warning', 'info', 'hint', 'off'].includes(level)) rules[id] = level;
  const workload = positiveDuration(settings.maxWorkloadCertificateDuration);
  const other = positiveDuration(settings.maxCertificateDuration);
  return mergeConfig(fileConfig, {
    rules,
    rootNamespace: settings.rootNamespace || undefined,
    trustDomain: settings.trustDomain || undefined,
    maxWorkloadCertSeconds: workload,
    maxCertSeconds: other,
  });
}

/** Seconds of a limit the user set; a zero or negative one (which would flag every certificate) is ignored, as in `.meshlint.yaml`. */
function positiveDuration(text: string): number | undefined {
  const seconds = text ? parseDuration(text) : undefined;
  return seconds !== undefined && seconds > 0 ? seconds : undefined;
}
