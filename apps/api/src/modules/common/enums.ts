import { registerEnumType } from 'type-graphql';

export enum WatchEventType {
  ADDED = 'ADDED',
  MODIFIED = 'MODIFIED',
  DELETED = 'DELETED',
  BOOKMARK = 'BOOKMARK',
}
registerEnumType(WatchEventType, { name: 'WatchEventType' });

export enum DeletionPropagation {
  Background = 'Background',
  Foreground = 'Foreground',
  Orphan = 'Orphan',
}
registerEnumType(DeletionPropagation, { name: 'DeletionPropagation', description: 'What happens to dependents of a deleted object.' });
