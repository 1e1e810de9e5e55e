import { SecretKind } from '@wheelhouse/resources';
import { createResourceResolver } from '../common/resource.resolver.js';
import { Secret, SecretInput } from './secret.type.js';

export const SecretResolver = createResourceResolver(SecretKind, Secret, SecretInput);
