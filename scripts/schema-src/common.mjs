// Shared schema files: Kubernetes ObjectMeta and core/v1 pieces, plus Istio's cross-group types.
import { anyObj, arr, bool, defsFile, int32, int64, intOrStr, map, obj, ref, str, strMap, strs, concept } from './dsl.mjs';

/** RFC 3339 date-time, the only form metav1.Time accepts (the API server rejects anything else). */
export const RFC3339 = '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$';
const time = (description) => str(description, { pattern: RFC3339 });

const objectMeta = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'meshlint:common/objectmeta',
  ...obj(
    'Standard Kubernetes object metadata. Most fields are set by the API server; in a manifest you usually write name, namespace, labels and annotations.',
    {
      name: str('Object name, unique per kind within the namespace (cluster-wide for cluster-scoped kinds). Lower-case DNS subdomain.'),
      generateName: str('Prefix for a server-generated name, used when name is empty (with kubectl create, not apply).'),
      namespace: str(
        'Namespace the object lives in. Istio policies act on workloads of this namespace; a policy in the mesh root namespace (istio-system by default) applies mesh-wide.',
      ),
      labels: strMap('Key/value labels used by selectors.'),
      annotations: strMap('Free-form key/value annotations for tools and controllers.'),
      finalizers: strs('Controllers that must finish cleanup before the object is deleted.'),
      ownerReferences: arr(
        'Objects this one belongs to; used for garbage collection.',
        obj(
          'Reference to an owning object.',
          {
            apiVersion: str('API version of the owner.'),
            kind: str('Kind of the owner.'),
            name: str('Name of the owner.'),
            uid: str('UID of the owner.'),
            controller: bool('True when the owner is the managing controller.'),
            blockOwnerDeletion: bool('When true, the owner cannot be deleted before this object is.'),
          },
          { required: ['apiVersion', 'kind', 'name', 'uid'] },
        ),
      ),
      uid: str('Set by the API server.'),
      resourceVersion: str('Set by the API server; used for optimistic concurrency.'),
      generation: int64('Set by the API server: increments when the spec changes.'),
      creationTimestamp: time('Set by the API server (RFC 3339 time).'),
      deletionTimestamp: time('Set by the API server when deletion was requested (RFC 3339 time).'),
      deletionGracePeriodSeconds: int64('Set by the API server during graceful deletion.'),
      selfLink: str('Deprecated, no longer set by the API server.'),
      managedFields: arr(
        'Server-side apply bookkeeping, written by the API server.',
        obj('Fields owned by one manager.', {
          apiVersion: str('API version of the fields.'),
          fieldsType: str('Format of fieldsV1, always FieldsV1.'),
          fieldsV1: anyObj('Set of owned fields.'),
          manager: str('Name of the managing client.'),
          operation: str('Apply or Update.'),
          subresource: str('Subresource the fields belong to, if any.'),
          time: time('When the fields were last changed (RFC 3339 time).'),
        }),
      ),
    },
  ),
};

// ---- Istio types shared by several groups -------------------------------------------------
const workloadSelector = concept(
  'workload-identity',
  obj(
    "Selects the pods or VMs (in the policy's namespace) by their labels. Leave it out to apply the resource to every workload in the namespace.",
    {
      matchLabels: strMap(
        'Labels a workload must all carry to be selected. Values: at most 63 characters.',
        { maxProperties: 4096 },
        { maxLength: 63 },
      ),
    },
  ),
);

const targetRefProps = {
  group: str('API group of the target, e.g. gateway.networking.k8s.io. Empty for core kinds such as Service.', {
    maxLength: 253,
    pattern: '^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$',
  }),
  kind: str('Kind of the target, e.g. Gateway or Service.', {
    minLength: 1,
    maxLength: 63,
    pattern: '^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$',
  }),
  name: str('Name of the target object.', { minLength: 1, maxLength: 253 }),
  namespace: str("Must be left empty: the target is always in the policy's own namespace."),
};
const policyTargetReference = obj(
  'Attaches the policy to one Gateway or Service (instead of a label selector). Used for waypoints and Gateway API gateways.',
  targetRefProps,
  { required: ['kind', 'name'] },
);

const istio = defsFile('common/istio', 'Types shared by several Istio API groups.', {
  WorkloadSelector: workloadSelector,
  PolicyTargetReference: policyTargetReference,
  PolicyTargetReferences: arr(
    'Attaches the policy to several Gateways or Services (at most 16). Use instead of selector and targetRef.',
    ref('meshlint:common/istio#/definitions/PolicyTargetReference'),
    { maxItems: 16 },
  ),
});

// ---- Kubernetes core/v1 pieces embedded in cert-manager's ACME solver pod templates ---------
// Plain strings where core/v1 has fixed values: neither the CRD nor cert-manager's webhook checks them when the
// Issuer is applied (only the API server does, later, when the solver pod is created).
const K = (name) => `meshlint:common/k8s#/definitions/${name}`;
const selectorOperator = str('How the key is compared with the values: In, NotIn, Exists, DoesNotExist, Gt or Lt.');
const nodeSelectorRequirement = obj(
  'One node label condition.',
  {
    key: str('Node label key (or field name for matchFields).'),
    operator: selectorOperator,
    values: strs('Values to compare with; empty for Exists and DoesNotExist, a single integer for Gt and Lt.'),
  },
  { required: ['key', 'operator'] },
);
const nodeSelectorTerm = obj('Conditions that must all hold on a node.', {
  matchExpressions: arr('Conditions on node labels.', ref(K('NodeSelectorRequirement'))),
  matchFields: arr('Conditions on node fields.', ref(K('NodeSelectorRequirement'))),
});
const labelSelectorRequirement = obj(
  'One label condition.',
  {
    key: str('Label key.'),
    operator: str('In, NotIn, Exists or DoesNotExist.'),
    values: strs('Values for In and NotIn; empty otherwise.'),
  },
  { required: ['key', 'operator'] },
);
const labelSelector = obj('Standard Kubernetes label selector: all matchLabels and matchExpressions must hold.', {
  matchExpressions: arr('Set-based conditions.', ref(K('LabelSelectorRequirement'))),
  matchLabels: strMap('Labels that must be present with exactly these values.'),
});
const podAffinityTerm = obj(
  'Pods (selected by labels, in some namespaces) that must or must not share a topology domain with this pod.',
  {
    labelSelector: ref(K('LabelSelector'), 'Which pods to consider.'),
    matchLabelKeys: strs('Label keys whose values are copied from this pod into the selector.'),
    mismatchLabelKeys: strs("Label keys whose values must differ from this pod's."),
    namespaceSelector: ref(K('LabelSelector'), 'Which namespaces to consider.'),
    namespaces: strs("Namespaces to consider; empty means this pod's namespace."),
    topologyKey: str('Node label defining the topology domain, e.g. kubernetes.io/hostname.'),
  },
  { required: ['topologyKey'] },
);
const weightedPodAffinityTerm = obj(
  'A preferred pod (anti-)affinity with a weight.',
  {
    podAffinityTerm: ref(K('PodAffinityTerm')),
    weight: int32("Weight 1..100 added to a node's score when the term matches."),
  },
  { required: ['weight', 'podAffinityTerm'] },
);
const podAffinity = (what) =>
  obj(`Pod ${what} rules.`, {
    preferredDuringSchedulingIgnoredDuringExecution: arr(
      'Soft rules: the scheduler prefers nodes that satisfy them.',
      ref(K('WeightedPodAffinityTerm')),
    ),
    requiredDuringSchedulingIgnoredDuringExecution: arr('Hard rules: the pod is only scheduled where all hold.', ref(K('PodAffinityTerm'))),
  });
const quantity = intOrStr('A Kubernetes quantity such as 100m, 64Mi or 1.', {
  pattern: '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$',
});

const k8s = defsFile('common/k8s', 'Kubernetes core/v1 types embedded in cert-manager resources.', {
  LocalObjectReference: obj('Reference to an object in the same namespace.', { name: str('Name of the referenced object.') }),
  LabelSelectorRequirement: labelSelectorRequirement,
  LabelSelector: labelSelector,
  NodeSelectorRequirement: nodeSelectorRequirement,
  NodeSelectorTerm: nodeSelectorTerm,
  PodAffinityTerm: podAffinityTerm,
  WeightedPodAffinityTerm: weightedPodAffinityTerm,
  Affinity: obj('Scheduling constraints for the pod.', {
    nodeAffinity: obj('Node affinity rules.', {
      preferredDuringSchedulingIgnoredDuringExecution: arr(
        'Soft node preferences.',
        obj(
          'A weighted node preference.',
          {
            preference: ref(K('NodeSelectorTerm')),
            weight: int32('Weight 1..100.'),
          },
          { required: ['weight', 'preference'] },
        ),
      ),
      requiredDuringSchedulingIgnoredDuringExecution: obj(
        'Hard node requirements: any one term must match.',
        {
          nodeSelectorTerms: arr('Alternatives; at least one must match.', ref(K('NodeSelectorTerm'))),
        },
        { required: ['nodeSelectorTerms'] },
      ),
    }),
    podAffinity: podAffinity('affinity'),
    podAntiAffinity: podAffinity('anti-affinity'),
  }),
  Toleration: obj('Lets the pod schedule onto nodes with a matching taint.', {
    effect: str('Taint effect to match (NoSchedule, PreferNoSchedule or NoExecute); empty matches all effects.'),
    key: str('Taint key; empty with operator Exists matches every taint.'),
    operator: str('Equal (default) or Exists; Gt and Lt compare integers.'),
    tolerationSeconds: int64('For NoExecute: how long the pod stays bound after the taint appears.'),
    value: str('Taint value to match with Equal.'),
  }),
  ResourceRequirements: obj('CPU and memory for the solver pod.', {
    limits: map('Maximum resources, e.g. cpu: 100m, memory: 64Mi.', quantity),
    requests: map('Guaranteed resources used for scheduling.', quantity),
  }),
  PodSecurityContext: obj('Pod-level security settings for the solver pod.', {
    fsGroup: int64('Group that owns mounted volumes.'),
    fsGroupChangePolicy: str('When volume ownership is changed: Always or OnRootMismatch.'),
    runAsGroup: int64('Primary group ID for the containers.'),
    runAsNonRoot: bool('Refuse to start a container that would run as root.'),
    runAsUser: int64('User ID for the containers.'),
    seLinuxOptions: obj('SELinux context.', {
      level: str('SELinux level.'),
      role: str('SELinux role.'),
      type: str('SELinux type.'),
      user: str('SELinux user.'),
    }),
    seccompProfile: obj(
      'Seccomp filter for the containers.',
      {
        localhostProfile: str('Profile file on the node, for type Localhost.'),
        type: str('Which profile: RuntimeDefault (the safe default), Localhost or Unconfined.'),
      },
      { required: ['type'] },
    ),
    supplementalGroups: arr('Extra group IDs.', int64()),
    sysctls: arr(
      'Namespaced kernel parameters.',
      obj(
        'One sysctl.',
        {
          name: str('Parameter name.'),
          value: str('Parameter value.'),
        },
        { required: ['name', 'value'] },
      ),
    ),
  }),
});

export const commonFiles = {
  'common/objectmeta.json': objectMeta,
  'common/istio.json': istio,
  'common/k8s.json': k8s,
};
