import { IconBox, IconBoxMultiple, IconCalendarEvent, IconCopy, IconFolders, IconKey, IconRocket, IconServer, IconStack2 } from '@tabler/icons-react';

/** Navigation icons per kind; a kind without one gets a generic icon. */
export const KIND_ICONS: Record<string, typeof IconBox> = {
  Namespace: IconFolders,
  Node: IconServer,
  Pod: IconBox,
  Deployment: IconRocket,
  ReplicaSet: IconBoxMultiple,
  ReplicationController: IconCopy,
  Event: IconCalendarEvent,
  Lease: IconKey,
};
export const DefaultKindIcon = IconStack2;
