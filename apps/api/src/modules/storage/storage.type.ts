import { Field, InputType, ObjectType } from 'type-graphql';
import { Bool, Json, List, Obj, Str, StrList, StrMap } from '../common/fields.js';
import { Condition } from '../common/condition.type.js';
import { LabelSelector, ObjectReference } from '../common/label-selector.type.js';
import { ObjectMeta } from '../common/object-meta.type.js';
import { resourceClasses } from '../common/resource-class.js';
import { JSONObject } from '../common/scalars.js';
import { NodeSelector } from '../pod/affinity.type.js';
import { HostPathVolumeSource } from '../pod/pod.type.js';

@ObjectType({ simpleResolvers: true })
@InputType('LocalVolumeSourceInput')
export class LocalVolumeSource {
  @Str('An absolute path on the node (the PV needs a nodeAffinity naming it).') path?: string;
  @Str() fsType?: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('VolumeNodeAffinityInput')
export class VolumeNodeAffinity {
  @Obj(() => NodeSelector) required?: NodeSelector;
}

/** core/v1 PersistentVolumeSpec: the volume sources a Wheelhouse node can mount (hostPath, local). */
@ObjectType({ simpleResolvers: true })
@InputType('PersistentVolumeSpecInput')
export class PersistentVolumeSpec {
  @StrMap('Only `storage`.') capacity?: Record<string, string>;
  @StrList('ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.') accessModes?: string[];
  @Obj(() => ObjectReference, 'The claim bound (or pre-bound) to this volume.') claimRef?: ObjectReference;
  @Str('Retain (default) or Delete.') persistentVolumeReclaimPolicy?: string;
  @Str() storageClassName?: string;
  @StrList() mountOptions?: string[];
  @Str('Filesystem (Block is not supported).') volumeMode?: string;
  @Obj(() => VolumeNodeAffinity) nodeAffinity?: VolumeNodeAffinity;
  @Obj(() => HostPathVolumeSource) hostPath?: HostPathVolumeSource;
  @Obj(() => LocalVolumeSource) local?: LocalVolumeSource;
}

@ObjectType({ simpleResolvers: true })
@InputType('PersistentVolumeStatusInput')
export class PersistentVolumeStatus {
  @Str('Pending, Available, Bound, Released or Failed.') phase?: string;
  @Str() message?: string;
  @Str() reason?: string;
  @Str() lastPhaseTransitionTime?: string;
}

export const { output: PersistentVolume, input: PersistentVolumeInput } = resourceClasses('PersistentVolume', PersistentVolumeSpec, PersistentVolumeStatus);

@ObjectType({ simpleResolvers: true })
@InputType('VolumeResourceRequirementsInput')
export class VolumeResourceRequirements {
  @StrMap('`storage`: the size asked for.') requests?: Record<string, string>;
  @StrMap() limits?: Record<string, string>;
}

@ObjectType({ simpleResolvers: true })
@InputType('PersistentVolumeClaimSpecInput')
export class PersistentVolumeClaimSpec {
  @StrList() accessModes?: string[];
  @Obj(() => LabelSelector, 'Only volumes with these labels may bind.') selector?: LabelSelector;
  @Obj(() => VolumeResourceRequirements) resources?: VolumeResourceRequirements;
  @Str('The volume bound (or asked for by name).') volumeName?: string;
  @Str('Unset: the default StorageClass; "": only volumes without a class.') storageClassName?: string;
  @Str() volumeMode?: string;
  @Json('Refused: volume populators are not supported.') dataSource?: Record<string, unknown>;
  @Json('Refused: volume populators are not supported.') dataSourceRef?: Record<string, unknown>;
}

@ObjectType({ simpleResolvers: true })
@InputType('PersistentVolumeClaimStatusInput')
export class PersistentVolumeClaimStatus {
  @Str('Pending, Bound or Lost.') phase?: string;
  @StrList() accessModes?: string[];
  @StrMap() capacity?: Record<string, string>;
  @List(() => Condition) conditions?: Condition[];
}

export const { output: PersistentVolumeClaim, input: PersistentVolumeClaimInput } = resourceClasses(
  'PersistentVolumeClaim',
  PersistentVolumeClaimSpec,
  PersistentVolumeClaimStatus,
);

/** storage.k8s.io/v1 StorageClass: its fields sit next to metadata (no spec), as in Kubernetes. */
@ObjectType('StorageClassBase', { simpleResolvers: true })
@InputType('StorageClassBaseInput')
class StorageClassFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @Str('Who makes volumes of this class: rancher.io/local-path here. Immutable.') provisioner?: string;
  @StrMap('Provisioner parameters (local-path: nodePath). Immutable.') parameters?: Record<string, string>;
  @Str('Delete (default) or Retain, given to the volumes made. Immutable.') reclaimPolicy?: string;
  @StrList() mountOptions?: string[];
  @Bool('Refused when true: volumes cannot be expanded.') allowVolumeExpansion?: boolean;
  @Str('Immediate (default) or WaitForFirstConsumer.') volumeBindingMode?: string;
  @List(() => JSONObject, 'Refused: provisioning is limited by the node the pod is scheduled to.') allowedTopologies?: Record<string, unknown>[];
}

@ObjectType('StorageClass', { simpleResolvers: true })
export class StorageClass extends StorageClassFields {}

@InputType('StorageClassInput')
export class StorageClassInput extends StorageClassFields {}
