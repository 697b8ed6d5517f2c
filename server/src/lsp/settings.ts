// Reads `meshlint.*` settings per document (never a module global) and turns them into the
// engine's Config on top of the defaults and the workspace's config file.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_CONFIG, mergeConfig, RULE_LEVELS, type Config, type RuleLevel } from '../core/config';
import { parseDuration } from '../core/duration';
import { DEFAULT_SETTINGS, type MeshlintSettings } from './protocol';
import { askConfiguration } from './config-request';

export class SettingsStore {
  private readonly perUri = new Map<string, Promise<MeshlintSettings>>();
  private warned = false;

  /**
   * `events.recheck` hears of an answer that came after the time limit, so its document can be
   * checked again; `timeoutMs` is read on every request, since the client may set it in `initialize`.
   */
  constructor(
    private readonly connection: Connection,
    private readonly supportsConfiguration: () => boolean,
    private readonly timeoutMs: () => number,
    private readonly events: { log(message: string): void; recheck(uri: string): void },
  ) {}

  get(uri: string): Promise<MeshlintSettings> {
    if (!this.supportsConfiguration()) return Promise.resolve(DEFAULT_SETTINGS);
    let p = this.perUri.get(uri);
    if (!p) {
      const asked: Promise<MeshlintSettings> = askConfiguration(
        this.connection,
        { scopeUri: uri, section: 'meshlint' },
        this.timeoutMs(),
        (value) => {
          if (this.perUri.get(uri) !== asked) return;
          this.perUri.set(uri, Promise.resolve(normalise(value)));
          this.events.recheck(uri);
        },
      ).then(({ value, timedOut }) => {
        if (timedOut && !this.warned) {
          this.warned = true;
          this.events.log(`no answer to workspace/configuration within ${this.timeoutMs()} ms; using the default settings`);
        }
        return normalise(value);
      });
      p = asked;
      this.perUri.set(uri, p);
    }
    return p;
  }

  forget(uri?: string): void {
    if (uri) this.perUri.delete(uri);
    else this.perUri.clear();
  }
}

/** The client's answer, field by field: a value of the wrong type falls back to the declared default. */
function normalise(raw: unknown): MeshlintSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [key, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const v = r[key];
    if (Array.isArray(fallback)) {
      // A list of paths: its strings are kept, anything else in it is dropped.
      if (Array.isArray(v)) out[key] = v.filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    } else if (typeof v === typeof fallback && (typeof v !== 'object' || (v !== null && !Array.isArray(v)))) out[key] = v;
  }
  return out as unknown as MeshlintSettings;
}

/** Settings the user set win over the config file, which wins over the defaults. */
export function toConfig(settings: MeshlintSettings, fileConfig: Config = DEFAULT_CONFIG): Config {
  const rules: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(settings.rules)) if (RULE_LEVELS.includes(level)) rules[id] = level;
  const workload = positiveDuration(settings.maxWorkloadCertificateDuration);
  const other = positiveDuration(settings.maxCertificateDuration);
  const meshKeys = new Set(fileConfig.meshKeysSet ?? []);
  if (settings.rootNamespace) meshKeys.add('rootNamespace');
  if (settings.trustDomain) meshKeys.add('trustDomain');
  if (settings.trustDomainAliases.length > 0) meshKeys.add('trustDomainAliases');
  return mergeConfig(fileConfig, {
    rules,
    rootNamespace: settings.rootNamespace || undefined,
    trustDomain: settings.trustDomain || undefined,
    trustDomainAliases: settings.trustDomainAliases.length > 0 ? settings.trustDomainAliases : undefined,
    meshKeysSet: meshKeys.size > 0 ? [...meshKeys].sort() : undefined,
    maxWorkloadCertSeconds: workload,
    maxCertSeconds: other,
  });
}

/** Seconds of a limit the user set; a zero or negative one (which would flag every certificate) is ignored, as in `.meshlint.yaml`. */
function positiveDuration(text: string): number | undefined {
  const seconds = text ? parseDuration(text) : undefined;
  return seconds !== undefined && seconds > 0 ? seconds : undefined;
}
