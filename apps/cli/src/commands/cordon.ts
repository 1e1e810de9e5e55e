/** wh cordon NODE: no new pods are scheduled on it. */
import { cordonLikeCommand } from './cordon-like.js';

export const cordonCommand = cordonLikeCommand('cordon', true);
