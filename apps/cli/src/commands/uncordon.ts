/** wh uncordon NODE: the scheduler may place pods on it again. */
import { cordonLikeCommand } from './cordon-like.js';

export const uncordonCommand = cordonLikeCommand('uncordon', false);
