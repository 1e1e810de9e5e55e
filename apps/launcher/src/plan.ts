// Component specs + what is built + the database URL → the processes to start.
// Pure (file existence is passed in) so the skipping and environment rules are unit-tested.
import { resolve } from 'node:path';
import type { ComponentSpec } from './components.js';

export interface PlannedComponent {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  healthUrl?: string;
  args?: string[];
}

export interface SkippedComponent {
  name: string;
  script: string;
}

export interface ComponentPlan {
  run: PlannedComponent[];
  skipped: SkippedComponent[];
}

export interface PlanInput {
  rootDir: string;
  env: NodeJS.ProcessEnv;
  databaseUrl: string;
  apiUrl: string;
  serverUrl: string;
  exists: (path: string) => boolean;
}

export function planComponents(specs: readonly ComponentSpec[], input: PlanInput): ComponentPlan {
  const plan: ComponentPlan = { run: [], skipped: [] };
  for (const spec of specs) {
    if (spec.enabled && !spec.enabled({ apiUrl: input.apiUrl, env: input.env })) continue;
    const script = resolve(input.rootDir, spec.entry);
    if (!input.exists(script)) {
      plan.skipped.push({ name: spec.name, script });
      continue;
    }
    plan.run.push({
      name: spec.name,
      script,
      env: componentEnv(spec, input),
      healthUrl: spec.healthUrl?.({ apiUrl: input.apiUrl, env: input.env }),
      ...(spec.args ? { args: spec.args({ apiUrl: input.apiUrl, env: input.env }) } : {}),
    });
  }
  return plan;
}

/** The launcher's environment, plus the database URL for the API and the API URL for the rest. */
export function componentEnv(spec: ComponentSpec, input: PlanInput): NodeJS.ProcessEnv {
  if (spec.needsDb) return { ...input.env, DATABASE_URL: input.databaseUrl };
  // Dropped even when the user set it: the API is every other component's only entry point.
  const { DATABASE_URL: _dropped, ...rest } = input.env;
  return { ...rest, WHEELHOUSE_SERVER: input.serverUrl };
}
