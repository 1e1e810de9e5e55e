export { runLifecycleHandler } from './run-handler.js';
export type { HandlerResult, LifecycleHandlerSpec, RunLifecycleHandler } from './lifecycle-handler.js';
