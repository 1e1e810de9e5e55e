/** rbac/v1 shapes, as plain data (what the store returns), and the authorizer's request attributes. */
export interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

export interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

export interface UserInfo {
  name: string;
  groups: readonly string[];
}

/** authorizer.Attributes: a resource request (resource set) or a non-resource one (path set). */
export interface Attributes {
  user: UserInfo;
  verb: string;
  /** Empty for non-resource requests. */
  resource?: string;
  apiGroup?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** Non-resource requests: `/healthz`, `/metrics`. */
  path?: string;
}

export const isResourceRequest = (a: Attributes) => !!a.resource;

export const VERB_ALL = '*';
export const API_GROUP_ALL = '*';
export const RESOURCE_ALL = '*';
export const NON_RESOURCE_ALL = '*';
export const SYSTEM_MASTERS = 'system:masters';
