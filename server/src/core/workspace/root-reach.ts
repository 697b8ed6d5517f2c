// Which policy kinds reach pods of every namespace when written with a selector in the root
// namespace (istio/istio pilot/pkg/model/authorization.go:97-100, policyattachment.go:109-112, and the
// same lookup for EnvoyFilter and WasmPlugin). A selector PeerAuthentication there is ignored instead,
// and a selector Sidecar there only binds pods of the root namespace. Shared by workspace rules.
export const MESH_WIDE_SELECTOR_KINDS: ReadonlySet<string> = new Set([
  'AuthorizationPolicy',
  'RequestAuthentication',
  'EnvoyFilter',
  'WasmPlugin',
]);
