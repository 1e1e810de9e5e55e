// The ConfigMaps and Secrets pods on this agent's nodes read their environment from:
// two informers over every namespace (the kubelet's watch-based config managers), so a
// container's env is built from a local cache and a pod waiting for a missing object
// is woken when it appears. Secret values stay in memory only, never in logs.
import type { WheelhouseClient } from '@wheelhouse/client';
import { Informer, stripNulls, type RuntimeObject } from '@wheelhouse/controller-runtime';
import type { ConfigObjects } from '../container-env/types.js';

type DataObject = RuntimeObject & { data?: Record<string, string>; binaryData?: Record<string, string> };

export interface ConfigCacheOptions {
  /** A ConfigMap or Secret appeared or changed: pods waiting for one may start now. */
  onChange(): void;
  log(message: string, error?: unknown): void;
}

export class ConfigCache implements ConfigObjects {
  private readonly configMaps: Informer<DataObject>;
  private readonly secrets: Informer<DataObject>;

  constructor(client: WheelhouseClient, options: ConfigCacheOptions) {
    const informer = (plural: string, kind: string, fields: string) => {
      const i = new Informer<DataObject>(client, {
        plural,
        kind,
        fields,
        transform: (o) => stripNulls(o),
        onError: (e, willRetry) => options.log(`${kind} watch${willRetry ? ' (retrying)' : ''}`, e),
      });
      i.addEventHandler({ onAdd: () => options.onChange(), onUpdate: () => options.onChange() });
      return i;
    };
    this.configMaps = informer('configMaps', 'ConfigMap', 'data binaryData');
    this.secrets = informer('secrets', 'Secret', 'type data');
  }

  start(): void {
    this.configMaps.start();
    this.secrets.start();
  }

  /** Both caches listed once (before that, every object reads as absent). */
  async waitForSync(signal?: AbortSignal): Promise<boolean> {
    const [a, b] = await Promise.all([this.configMaps.waitForSync(signal), this.secrets.waitForSync(signal)]);
    return a && b;
  }

  stop(): void {
    this.configMaps.stop();
    this.secrets.stop();
  }

  configMap(namespace: string, name: string) {
    return this.configMaps.get(`${namespace}/${name}`);
  }

  secret(namespace: string, name: string) {
    return this.secrets.get(`${namespace}/${name}`);
  }
}
