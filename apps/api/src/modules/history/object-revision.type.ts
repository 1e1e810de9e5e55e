import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { JSONObject } from '../common/scalars.js';

/** What a change did to the object; the change log never holds BOOKMARKs. */
export enum ChangeType {
  ADDED = 'ADDED',
  MODIFIED = 'MODIFIED',
  DELETED = 'DELETED',
}
registerEnumType(ChangeType, { name: 'ChangeType', description: 'What one change-log entry did to its object.' });

@ObjectType({ simpleResolvers: true, description: 'One revision of an object, as the change log recorded it.' })
export class ObjectRevision {
  @Field(() => String, { description: 'The resourceVersion this change produced.' }) revision!: string;
  @Field(() => ChangeType) type!: ChangeType;
  @Field(() => String, { description: 'When the change was committed (RFC 3339).' }) timestamp!: string;
  @Field(() => String, { nullable: true, description: 'Who made the change (the API token name), when recorded.' }) actor?: string | null;
  @Field(() => String, { description: 'The object uid: a name deleted and created again shows two uids.' }) uid!: string;
  @Field(() => JSONObject, { description: 'The whole object as it was after this change (for DELETED, as it was when deleted).' })
  object!: Record<string, unknown>;
}
