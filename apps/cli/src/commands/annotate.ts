/** wh annotate KIND NAME k=v k2- [--overwrite] */
import { labelLikeCommand } from './label-like.js';

export const annotateCommand = labelLikeCommand('annotate', 'annotations', 'annotated');
