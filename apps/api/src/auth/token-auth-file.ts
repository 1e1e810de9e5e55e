// kube-apiserver's --token-auth-file: static users, one CSV line each,
// `token,user,uid[,"group1,group2"]`. Loaded at start (WHEELHOUSE_TOKEN_AUTH_FILE): each
// token is stored as a hash for a named user with its groups, and RBAC decides what
// the user may do. `admin` and `node` are the API's own and cannot be redefined here.
import { readFileSync } from 'node:fs';
import type { Db } from '@wheelhouse/db';
import { storeToken } from './tokens.js';

export interface StaticUser {
  token: string;
  user: string;
  uid: string;
  groups: string[];
}

const RESERVED = new Set(['admin', 'node']);

/** One CSV field list, with double-quoted fields (`"a,b"`, `""` for a quote). */
function fields(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(current);
      current = '';
    } else current += c;
  }
  if (quoted) throw new Error('unterminated quote');
  out.push(current);
  return out;
}

export function parseTokenAuthFile(text: string): StaticUser[] {
  const users: StaticUser[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `token auth file line ${index + 1}`;
    let parts: string[];
    try {
      parts = fields(line).map((f) => f.trim());
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
    const [token, user, uid, groups] = parts;
    if (!token || !user || !uid) throw new Error(`${where}: expected token,user,uid[,"group1,group2"]`);
    if (RESERVED.has(user)) throw new Error(`${where}: user "${user}" is reserved for the API's own tokens`);
    users.push({
      token,
      user,
      uid,
      groups: (groups ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    });
  });
  return users;
}

/** Stores every user of the file (a line changed since the last start replaces that user's token and groups). */
export async function loadTokenAuthFile(db: Db, file: string): Promise<number> {
  const users = parseTokenAuthFile(readFileSync(file, 'utf8'));
  for (const u of users) await storeToken(db, u.user, u.token, 'user', u.groups);
  return users.length;
}
