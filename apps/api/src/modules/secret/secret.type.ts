import { Field, InputType, ObjectType } from 'type-graphql';
import { Bool, Str, StrMap } from '../common/fields.js';
import { ObjectMeta } from '../common/object-meta.type.js';

/** core/v1 Secret: its fields sit next to metadata (no spec); `data` is encrypted at rest. */
@ObjectType('SecretBase', { simpleResolvers: true })
@InputType('SecretBaseInput')
class SecretFields {
  @Str() apiVersion?: string;
  @Str() kind?: string;
  @Field(() => ObjectMeta) metadata!: ObjectMeta;
  @StrMap('Base64-encoded values by key; keys are [-._a-zA-Z0-9]+.') data?: Record<string, string>;
  @Str(
    'Opaque (default), kubernetes.io/tls, kubernetes.io/basic-auth, kubernetes.io/ssh-auth, kubernetes.io/dockerconfigjson, kubernetes.io/dockercfg, kubernetes.io/service-account-token, or your own. Immutable.',
  )
  type?: string;
  @Bool('When true, data can no longer change (and immutable cannot be unset).') immutable?: boolean;
}

@ObjectType('Secret', { simpleResolvers: true })
export class Secret extends SecretFields {}

/** Input only: `stringData` is merged into `data` on write and never stored or returned. */
@InputType('SecretInput')
export class SecretInput extends SecretFields {
  @StrMap('Write-only plain-text values, merged into data (over the same keys) on write.') stringData?: Record<string, string>;
}
