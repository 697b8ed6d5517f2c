// The only importer of `ajv` in the core: compiles the JSON Schemas in schemas/ lazily, one validator
// per kind and version (or takes the build's precompiled one), and returns raw schema errors for
// schema-findings.ts to place and word.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { CrdRuleIndex } from './crd/cel-rules';

export interface SchemaKind {
  group: string;
  version: string;
  kind: string;
  id: string;
  /** False for a served version that has a newer replacement (deprecated). */
  current: boolean;
}

export interface SchemaBundle {
  kinds: SchemaKind[];
  /** Every schema document, each with its `$id`. */
  documents: object[];
  /** Set for bundles with schemas from the user's CRDs, which ajv's strict mode would refuse for how they are written. */
  lenient?: boolean;
  /**
   * The validator generated at build time for a kind of this very bundle (node/precompiled-validators.ts),
   * so no process or worker compiles the built-in schemas; undefined: compile it here.
   */
  precompiled?: (id: string) => ValidateFunction | undefined;
}

export interface SchemaError {
  /** Data path of the offending value. */
  path: (string | number)[];
  keyword: string;
  message: string;
  params: Record<string, unknown>;
  /** The subschema that failed (used to suggest property names and list enum values). */
  schema: unknown;
  parentSchema: Record<string, unknown> | undefined;
}

const EXTRA_KEYWORDS = ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-int-or-string', 'x-meshlint-concept'];

/** The one ajv setup, shared with the build step that generates the precompiled validators. */
export function newAjv(bundle: SchemaBundle, options: { source?: boolean } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: !bundle.lenient,
    verbose: true,
    allowUnionTypes: true,
    // Generated schemas are checked against the meta-schema when they are built (test/unit/precompiled-validators);
    // a user's CRD is not, so it still is here.
    validateSchema: Boolean(bundle.lenient),
    code: { source: options.source === true },
  });
  for (const kw of EXTRA_KEYWORDS) ajv.addKeyword({ keyword: kw, schemaType: ['boolean', 'string'] });
  for (const doc of bundle.documents) ajv.addSchema(doc);
  return ajv;
}

export class SchemaRegistry {
  /** Built on the first kind without a precompiled validator: adding 40 schemas costs ~100 ms. */
  private ajv: Ajv | undefined;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly byKey = new Map<string, SchemaKind>();
  private readonly schemasById = new Map<string, object>();

  /** `crdRules`: the CEL rules of kinds whose schema came from a CRD (see crd/crd-registry.ts). */
  constructor(
    readonly bundle: SchemaBundle,
    readonly crdRules?: CrdRuleIndex,
  ) {
    for (const doc of bundle.documents) {
      const id = (doc as { $id?: string }).$id;
      if (id) this.schemasById.set(id, doc);
    }
    for (const k of bundle.kinds) this.byKey.set(keyOf(k.group, k.version, k.kind), k);
  }

  find(group: string, version: string, kind: string): SchemaKind | undefined {
    return this.byKey.get(keyOf(group, version, kind));
  }

  /** Served versions of a kind in a group, for "did you mean" on apiVersion. */
  versionsOf(group: string, kind?: string): string[] {
    const out = new Set<string>();
    for (const k of this.bundle.kinds) if (k.group === group && (!kind || k.kind === kind)) out.add(k.version);
    return [...out];
  }

  kindsOf(group: string): string[] {
    return [...new Set(this.bundle.kinds.filter((k) => k.group === group).map((k) => k.kind))];
  }

  /** The raw schema document by id, for hover and completion to walk. */
  schemaById(id: string): object | undefined {
    return this.schemasById.get(id);
  }

  validate(kind: SchemaKind, value: unknown): SchemaError[] {
    let validator = this.validators.get(kind.id);
    if (!validator) {
      const compiled = this.bundle.precompiled?.(kind.id) ?? (this.ajv ??= newAjv(this.bundle)).getSchema(kind.id);
      if (!compiled) throw new Error(`No schema registered with id ${kind.id}`);
      validator = compiled;
      this.validators.set(kind.id, validator);
    }
    if (validator(value)) return [];
    return withoutBranchErrors(validator.errors ?? []).map(toSchemaError);
  }
}

function keyOf(group: string, version: string, kind: string): string {
  return `${group}/${version}/${kind}`;
}

/**
 * A failed oneOf (CRDs write "at most one of these fields" that way) also lists why each branch
 * failed, which says nothing to people: the oneOf error alone stands for them.
 */
function withoutBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  if (oneOfs.length === 0) return errors;
  return errors.filter((e) => !oneOfs.some((p) => e.schemaPath.startsWith(p)));
}

function toSchemaError(e: ErrorObject): SchemaError {
  return {
    path: parsePointer(e.instancePath),
    keyword: e.keyword,
    message: e.message ?? e.keyword,
    params: e.params as Record<string, unknown>,
    schema: e.schema,
    parentSchema: e.parentSchema,
  };
}

export function parsePointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}
