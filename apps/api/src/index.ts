export { startApiServer, type ApiServer } from './server.js';
export { configFromEnv, type ApiConfig } from './config.js';
export { buildApiSchema } from './schema.js';
export { DEFAULT_LIMITS, limitsFromEnv, type ApiLimits } from './limits/limits.js';
