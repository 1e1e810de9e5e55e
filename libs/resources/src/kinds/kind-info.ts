/**
 * Everything the generic store and API need to know about one kind. Adding a kind is:
 * a Prisma model with the common columns, one KindInfo here, and its GraphQL types.
 */
import type { KindIdentity } from '@wheelhouse/model';
import type { FieldError } from '../field-error.js';
import type { KubeObject } from '../object.js';

/** A kind's identity comes from the catalogue in libs/model (`...KIND_CATALOGUE.Pod`); this adds its storage and rules. */
export interface KindInfo extends KindIdentity {
  /** SQL table of the kind (the Prisma model's @@map). */
  table: string;
  /** Which DNS rule `metadata.name` follows. */
  nameRule: 'subdomain' | 'label' | 'dns1035' | 'path-segment';
  /**
   * Where the user-owned body lives: 'spec' for most kinds; null for kinds whose
   * fields sit at the top level next to metadata (Event). Changes to the body bump
   * `metadata.generation`; `status` never does.
   */
  bodyKey: 'spec' | null;
  /** Extra indexed columns, derived from the object, written on every write. */
  columns(object: KubeObject): Record<string, string | number | boolean | null>;
  /** Field selector name → value, for in-memory matching (metadata.* are added by the store). */
  selectableFields(object: KubeObject): Record<string, string>;
  /** Field selector name → SQL column, for lists. */
  fieldColumns: Record<string, string>;
  /** Kubernetes defaulting, as a pure function. */
  applyDefaults(object: KubeObject, now: Date): KubeObject;
  /** Kind-specific validation of the whole object (metadata is validated by the store). */
  validate(object: KubeObject): FieldError[];
  /** Extra rules for updates (immutable fields). */
  validateUpdate?(next: KubeObject, prev: KubeObject): FieldError[];
  /** Fields an ordinary update may not change, copied from the current object (Kubernetes' PrepareForUpdate). */
  keepOnUpdate?(next: KubeObject, current: KubeObject): KubeObject;
  /** Node agents register nodes with their status; other kinds start from a reset status. */
  keepStatusOnCreate?: boolean;
  /**
   * Kind-specific graceful deletion (Kubernetes' per-kind delete strategy). Returns how
   * the object should look while it terminates, or null to delete it at once (subject
   * to finalizers). Pods on a node wait out their grace period; namespaces wait for
   * their spec finalizers.
   */
  beginTermination?(object: KubeObject, requestedGraceSeconds: number | undefined, now: Date): KubeObject | null;
  /**
   * Top-level body fields the store keeps only as ciphertext (Kubernetes' encryption at
   * rest, per resource), in the table, the change log and history alike; the
   * last-applied annotation, which repeats them, is sealed too. Secret: `data`.
   */
  encryptedFields?: readonly string[];
  /** Other apiVersions `apply` accepts, each converted to this one (autoscaling/v1 HorizontalPodAutoscaler). */
  convertFrom?: Readonly<Record<string, (object: Record<string, unknown>) => Record<string, unknown>>>;
}
