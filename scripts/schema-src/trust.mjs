// trust.cert-manager.io v1alpha1 Bundle (trust-manager): distributes CA bundles to namespaces.
import { arr, bool, defsFile, enm, obj, ref, str, strMap } from './dsl.mjs';

const B = (name) => `meshlint:trust.cert-manager.io/defs#/definitions/${name}`;
const K = (name) => `meshlint:common/k8s#/definitions/${name}`;

const sourceObject = (kind) =>
  obj(`Certificates read from ${kind}s in the trust namespace (cert-manager by default).`, {
    name: str(`${kind} name. Use name or selector.`, { minLength: 1, maxLength: 253 }),
    selector: ref(K('LabelSelector'), `Select ${kind}s by label instead of by name.`),
    key: str('Key holding PEM certificates.', { minLength: 1, maxLength: 253 }),
    includeAllKeys: bool('Read every key instead of one.'),
  });

const targetMetadata = obj(
  'Labels and annotations on the written objects.',
  {
    annotations: strMap('Annotations.', { minProperties: 1 }),
    labels: strMap('Labels.', { minProperties: 1 }),
  },
  { minProperties: 1 },
);

const targetObject = (kind) =>
  obj(
    `Write the bundle into a ${kind} in each target namespace.`,
    {
      key: str('Key the PEM bundle is written to.', { minLength: 1, maxLength: 253 }),
      metadata: targetMetadata,
    },
    { required: ['key'] },
  );

const bundleSpec = obj(
  'Which CA certificates to trust, and where to publish them.',
  {
    sources: arr(
      'Where the certificates come from (1 to 100 sources).',
      obj('One source; set exactly one field.', {
        configMap: sourceObject('ConfigMap'),
        secret: sourceObject('Secret'),
        inLine: str('PEM certificates written inline.', { minLength: 1, maxLength: 1048576 }),
        useDefaultCAs: bool(
          'Add the public web CAs. Trusting them for in-cluster mTLS lets any public CA vouch for your services; avoid for internal trust.',
        ),
      }),
      { minItems: 1, maxItems: 100 },
    ),
    target: obj('Where the bundle is written.', {
      configMap: targetObject('ConfigMap'),
      secret: targetObject('Secret'),
      additionalFormats: obj('Extra encodings of the bundle.', {
        jks: obj(
          'A JKS truststore.',
          {
            key: str('Key the truststore is written to.', { minLength: 1, maxLength: 253 }),
            password: str('Truststore password (default changeit).', { minLength: 1, maxLength: 128 }),
          },
          { required: ['key'], minProperties: 1 },
        ),
        pkcs12: obj(
          'A PKCS#12 truststore.',
          {
            key: str('Key the truststore is written to.', { minLength: 1, maxLength: 253 }),
            password: str('Truststore password (default empty).', { minLength: 0, maxLength: 128 }),
            profile: enm('Encryption profile.', ['LegacyRC2', 'LegacyDES', 'Modern2023']),
          },
          { required: ['key'], minProperties: 1 },
        ),
      }),
      namespaceSelector: ref(K('LabelSelector'), 'Namespaces to write to; all when omitted.'),
    }),
  },
  { required: ['sources'] },
);

export const trustDefs = defsFile('trust.cert-manager.io/defs', 'Spec types of trust.cert-manager.io (trust-manager).', {
  BundleSpec: bundleSpec,
});

export const trustKinds = [
  {
    group: 'trust.cert-manager.io',
    version: 'v1alpha1',
    kind: 'Bundle',
    current: true,
    required: ['spec'],
    description: 'A set of trusted CA certificates that trust-manager copies into ConfigMaps or Secrets across namespaces.',
    spec: ref(B('BundleSpec')),
  },
];
