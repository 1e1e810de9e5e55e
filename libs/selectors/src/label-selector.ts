// metav1.LabelSelector — the structured selector in object specs (Deployment.spec.selector…).

/** The operators metav1.LabelSelectorRequirement allows. */
export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: LabelSelectorOperator;
  readonly values?: readonly string[] | null;
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>> | null;
  readonly matchExpressions?: readonly LabelSelectorRequirement[] | null;
}

/** The same as plain JSON types it (the generated model: every field optional, operator a string). */
export interface LabelSelectorJson {
  readonly matchLabels?: Readonly<Record<string, string>> | null;
  readonly matchExpressions?: readonly { readonly key?: string | null; readonly operator?: string | null; readonly values?: readonly string[] | null }[] | null;
}
