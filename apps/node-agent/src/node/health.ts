// Node pressure as the kubelet's eviction manager sees it (hard thresholds
// memory.available<100Mi, nodefs.available<10%), for the process runtime. Simulated
// nodes never feel pressure.
import { statfsSync } from 'node:fs';
import { freemem } from 'node:os';
import type { NodeHealth } from './node-conditions.js';

const MEMORY_AVAILABLE_MIN = 100 * 1024 * 1024;
const DISK_AVAILABLE_MIN_RATIO = 0.1;

export function hostHealth(dataDir: string): NodeHealth {
  let diskPressure = false;
  try {
    const fs = statfsSync(dataDir);
    diskPressure = fs.blocks > 0 && fs.bavail / fs.blocks < DISK_AVAILABLE_MIN_RATIO;
  } catch {
    // the directory is made on the first pod; no figure, no pressure
  }
  return { memoryPressure: freemem() < MEMORY_AVAILABLE_MIN, diskPressure, pidPressure: false };
}

export const simulatedHealth = (): NodeHealth => ({ memoryPressure: false, diskPressure: false, pidPressure: false });
