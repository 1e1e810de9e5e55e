import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultImagePullPolicy } from './image-pull-policy.js';

test('pull policy follows the tag', () => {
  const cases: [string, string][] = [
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.25', 'IfNotPresent'],
    ['library/nginx:1.25-alpine', 'IfNotPresent'],
    ['registry.local:5000/team/app', 'Always'],
    ['registry.local:5000/team/app:v2', 'IfNotPresent'],
    ['registry.local:5000/team/app:latest', 'Always'],
    ['nginx@sha256:0123456789abcdef', 'IfNotPresent'],
    ['registry.local:5000/app@sha256:0123456789abcdef', 'IfNotPresent'],
    ['nginx:1.25@sha256:0123456789abcdef', 'IfNotPresent'],
    // Kubernetes still sees the latest tag here and pulls.
    ['nginx:latest@sha256:0123456789abcdef', 'Always'],
    ['', 'IfNotPresent'],
  ];
  for (const [image, policy] of cases) assert.equal(defaultImagePullPolicy(image), policy, image);
});
