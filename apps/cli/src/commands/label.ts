/** wh label KIND NAME k=v k2- [--overwrite] */
import { labelLikeCommand } from './label-like.js';

export const labelCommand = labelLikeCommand('label', 'labels', 'labeled');
