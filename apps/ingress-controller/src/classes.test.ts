import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servesIngress } from './classes.js';
import type { IngressClassObject, IngressObject } from './types.js';

const CONTROLLER = 'wheelhouse.dev/ingress-controller';
const cls = (name: string, controller: string, isDefault = false): IngressClassObject => ({
  metadata: { name, annotations: isDefault ? { 'ingressclass.kubernetes.io/is-default-class': 'true' } : {} },
  spec: { controller },
});
const ing = (ingressClassName?: string, annotation?: string): IngressObject => ({
  metadata: { name: 'i', namespace: 'ns', annotations: annotation ? { 'kubernetes.io/ingress.class': annotation } : {} },
  spec: { ingressClassName },
});

const cases: [string, IngressObject, IngressClassObject[], boolean][] = [
  ['our class by name', ing('wheelhouse'), [cls('wheelhouse', CONTROLLER)], true],
  ['another controller class', ing('nginx'), [cls('wheelhouse', CONTROLLER, true), cls('nginx', 'k8s.io/ingress-nginx')], false],
  ['unknown class', ing('missing'), [cls('wheelhouse', CONTROLLER, true)], false],
  ['legacy annotation names our class', ing(undefined, 'wheelhouse'), [cls('wheelhouse', CONTROLLER)], true],
  ['no class, ours is the default', ing(), [cls('wheelhouse', CONTROLLER, true)], true],
  ['no class, no default class', ing(), [cls('wheelhouse', CONTROLLER)], false],
  ['no class, the default is another controller', ing(), [cls('wheelhouse', CONTROLLER), cls('nginx', 'k8s.io/ingress-nginx', true)], false],
  ['no class, two defaults', ing(), [cls('wheelhouse', CONTROLLER, true), cls('nginx', 'k8s.io/ingress-nginx', true)], false],
];

for (const [name, ingress, classes, expected] of cases) {
  test(`servesIngress: ${name}`, () => assert.equal(servesIngress(ingress, classes, CONTROLLER), expected));
}
