import { spawnComponent, type ComponentProcess } from './component.js';

export function spawnScheduler(apiUrl: string, env: Record<string, string> = {}): ComponentProcess {
  return spawnComponent('apps/scheduler/dist/main.js', apiUrl, env);
}
