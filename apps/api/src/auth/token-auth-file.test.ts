import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTokenAuthFile } from './token-auth-file.js';

test('token auth file: token,user,uid and quoted groups, as kube-apiserver reads it', () => {
  assert.deepEqual(parseTokenAuthFile('# comment\n\nt1,alice,1001\nt2,bob,1002,"dev,ops"\nt3,carol,1003,viewers\n'), [
    { token: 't1', user: 'alice', uid: '1001', groups: [] },
    { token: 't2', user: 'bob', uid: '1002', groups: ['dev', 'ops'] },
    { token: 't3', user: 'carol', uid: '1003', groups: ['viewers'] },
  ]);
  assert.throws(() => parseTokenAuthFile('t1,alice\n'), /line 1: expected token,user,uid/);
  assert.throws(() => parseTokenAuthFile('ok,a,1\nt1,admin,1\n'), /line 2: user "admin" is reserved/);
  assert.throws(() => parseTokenAuthFile('t1,a,1,"dev\n'), /unterminated quote/);
});
