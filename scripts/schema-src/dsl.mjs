// Small builders for the JSON Schemas in schemas/: every node gets our own description first.

const withDesc = (description, rest) => (description ? { description, ...rest } : { ...rest });

/** A string field. `extra` may add enum, pattern, minLength, maxLength. */
export const str = (description, extra = {}) => withDesc(description, { type: 'string', ...extra });

/** A string restricted to a fixed set of values. */
export const enm = (description, values, extra = {}) => withDesc(description, { type: 'string', enum: values, ...extra });

export const bool = (description) => withDesc(description, { type: 'boolean' });

/** Plain integer with no declared width (the CRD gives only `type: integer`). */
export const int = (description, extra = {}) => withDesc(description, { type: 'integer', ...extra });

/** int32 in the CRD: JSON Schema has no `format` here, so we spell the range out. */
export const int32 = (description, extra = {}) =>
  withDesc(description, { type: 'integer', minimum: -2147483648, maximum: 2147483647, ...extra });

/** uint32 in the CRD (Istio's google.protobuf.UInt32Value and proto uint32). */
export const uint32 = (description, extra = {}) => withDesc(description, { type: 'integer', minimum: 0, maximum: 4294967295, ...extra });

/** int64: JavaScript numbers cannot express the full range, so no bounds beyond `integer`. */
export const int64 = (description, extra = {}) => withDesc(description, { type: 'integer', ...extra });

export const num = (description, extra = {}) => withDesc(description, { type: 'number', ...extra });

export const arr = (description, items, extra = {}) => withDesc(description, { type: 'array', items, ...extra });

/** Array of strings; `itemExtra` constrains each element. */
export const strs = (description, extra = {}, itemExtra = {}) => arr(description, { type: 'string', ...itemExtra }, extra);

/** Object used as a map from free-form keys to `values`. */
export const map = (description, values, extra = {}) => withDesc(description, { type: 'object', additionalProperties: values, ...extra });

export const strMap = (description, extra = {}, valueExtra = {}) => map(description, { type: 'string', ...valueExtra }, extra);

/** Closed object: unknown keys are rejected, as kubectl's strict field validation does. */
export const obj = (description, properties, { required, ...extra } = {}) => {
  const out = withDesc(description, { type: 'object', properties });
  if (required && required.length) out.required = required;
  return { ...out, additionalProperties: false, ...extra };
};

/** Object whose content is free-form (x-kubernetes-preserve-unknown-fields in the CRD). */
export const anyObj = (description) => withDesc(description, { type: 'object', 'x-kubernetes-preserve-unknown-fields': true });

/** Any JSON value (apiextensions JSON in the CRD). */
export const anyValue = (description) => withDesc(description, { 'x-kubernetes-preserve-unknown-fields': true });

export const intOrStr = (description, stringExtra = {}) =>
  withDesc(description, { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string', ...stringExtra }] });

export const ref = (id, description) => withDesc(description, { $ref: id });

/** Tag a field with the docs/concepts page that hover should show. */
export const concept = (name, schema) => ({ ...schema, 'x-meshlint-concept': name });

/** Root document schema for one kind and version. */
export const root = ({ group, version, kind, description, spec, required = [], concept: conceptName }) => {
  const apiVersion = group === '' ? version : `${group}/${version}`;
  const out = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `meshlint:${group}/${version}/${kind}`,
    title: `${kind} (${apiVersion})`,
    description,
    type: 'object',
    properties: {
      apiVersion: { description: `Always ${apiVersion} for this schema.`, type: 'string', const: apiVersion },
      kind: { description: `Always ${kind}.`, type: 'string', const: kind },
      metadata: ref('meshlint:common/objectmeta', 'Name, namespace, labels and annotations of this object.'),
      spec,
      status: anyValue('Written by the controller, not by you. Leave it out of manifests you apply.'),
    },
    required: ['apiVersion', 'kind', ...required],
    additionalProperties: false,
  };
  if (conceptName) out['x-meshlint-concept'] = conceptName;
  return out;
};

/** A shared-definitions file (`meshlint:<name>`), referenced as `meshlint:<name>#/definitions/<Def>`. */
export const defsFile = (name, description, definitions) => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `meshlint:${name}`,
  description,
  definitions,
});
