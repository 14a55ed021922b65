import { createHash } from 'node:crypto';

function point(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0);
}

/**
 * Consistent hashing of keys (workspace ids) onto instances: each instance takes `replicas`
 * points on a ring and a key belongs to the first instance clockwise from its hash, so adding or
 * removing one instance moves only about 1/n of the keys. Every instance given the same list
 * computes the same owners.
 */
export class HashRing {
  readonly #points: { at: number; instance: string }[];
  readonly instances: readonly string[];

  constructor(instances: readonly string[], replicas = 64) {
    if (instances.length === 0) throw new Error('peers: name at least one instance');
    this.instances = [...new Set(instances)];
    this.#points = this.instances
      .flatMap((instance) =>
        Array.from({ length: replicas }, (_, i) => ({ at: point(`${instance}#${i}`), instance })),
      )
      .sort((a, b) => a.at - b.at || a.instance.localeCompare(b.instance));
  }

  /** The instances in the order `key` falls back through them: its owner first. */
  candidates(key: string): string[] {
    const at = point(key);
    let start = this.#points.findIndex((p) => p.at >= at);
    if (start < 0) start = 0;
    const order: string[] = [];
    for (let i = 0; i < this.#points.length && order.length < this.instances.length; i++) {
      const instance = (this.#points[(start + i) % this.#points.length] as { instance: string })
        .instance;
      if (!order.includes(instance)) order.push(instance);
    }
    return order;
  }

  /** The instance that owns `key`. */
  owner(key: string): string {
    return this.candidates(key)[0] as string;
  }
}
