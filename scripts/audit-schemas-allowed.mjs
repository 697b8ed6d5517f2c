// Differences between schemas/ and the upstream CRDs that are on purpose; each must say why and cite the upstream
// check that justifies it. An entry { kinds: RegExp, path, what } matches differences of kinds matching `kinds`, at
// `path`, whose text starts with `what`. Empty: our schemas follow the CRDs, and webhook-only checks live in rules.
export const allowedDifferences = [];
