import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeInfoOf } from '../node-info.js';
import { makeNode } from '../test-fixtures.js';
import type { Node, Pod } from '@wheelhouse/model';
import type { ContainerImage, NodeWithImages } from '../types.js';
import { imageLocality, normalizedImageName } from './image-locality.js';
import { runScorePlugin } from './score-plugin.js';

const MB = 1024 * 1024;
const withImages = (name: string, images: ContainerImage[]): NodeWithImages => {
  const node = makeNode(name);
  return { ...node, status: { ...node.status, images } };
};
const podWith = (...images: string[]): Pod => ({ metadata: { name: 'p' }, spec: { containers: images.map((image) => ({ image })) } });

// image_locality_test.go TestImageLocalityPriority layout.
const node403002000 = withImages('node1', [
  { names: ['gcr.io/40:latest', 'gcr.io/40:v1'], sizeBytes: 40 * MB },
  { names: ['gcr.io/300:latest', 'gcr.io/300:v1'], sizeBytes: 300 * MB },
  { names: ['gcr.io/2000:latest'], sizeBytes: 2000 * MB },
]);
const node25010 = withImages('node2', [
  { names: ['gcr.io/250:latest'], sizeBytes: 250 * MB },
  { names: ['gcr.io/10:latest', 'gcr.io/10:v1'], sizeBytes: 10 * MB },
]);

const cases: { name: string; pod: Pod; nodes: Node[]; want: number[] }[] = [
  // node1: 40MB * 1/2 = 20MB, below the 23MB floor → 0; node2: 250MB * 1/2 = 125MB → 100*(125-23)/(2000-23) = 5
  { name: 'two images spread on two nodes, prefer the larger image one', pod: podWith('gcr.io/40', 'gcr.io/250'), nodes: [node403002000, node25010], want: [0, 5] },
  // node1: (40 + 300) * 1/2 = 170MB → 100*(170-23)/1977 = 7
  { name: 'two images on one node, prefer this node', pod: podWith('gcr.io/40', 'gcr.io/300'), nodes: [node403002000, node25010], want: [7, 0] },
  // node1: 2000MB * 1/2 = 1000MB → 100*(1000-23)/1977 = 49; node2: 10MB * 1/2 → 0
  { name: 'a huge image counts at most the per-container limit', pod: podWith('gcr.io/2000', 'gcr.io/10'), nodes: [node403002000, node25010], want: [49, 0] },
  { name: 'no image on any node', pod: podWith('gcr.io/none'), nodes: [node403002000, node25010], want: [0, 0] },
];

for (const c of cases) {
  test(`ImageLocality: ${c.name}`, () => {
    const infos = c.nodes.map((n) => nodeInfoOf(n));
    assert.deepEqual(runScorePlugin(imageLocality, c.pod, infos, { nodeInfos: infos }), c.want);
  });
}

test('normalizedImageName appends :latest only without a tag', () => {
  assert.equal(normalizedImageName('nginx'), 'nginx:latest');
  assert.equal(normalizedImageName('localhost:5000/nginx'), 'localhost:5000/nginx:latest');
  assert.equal(normalizedImageName('nginx:1.25'), 'nginx:1.25');
  assert.equal(normalizedImageName('nginx@sha256:abc'), 'nginx@sha256:abc');
});
