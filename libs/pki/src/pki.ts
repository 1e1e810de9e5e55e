// A cluster CA and the API's serving certificate under <data dir>/pki, made at first
// start as kubeadm makes /etc/kubernetes/pki: an EC P-256 CA valid ten years, a serving
// certificate valid one year for every name and address the API is reached by. The
// serving certificate is issued again (by the same CA) when it lacks a name it needs
// or has less than 30 days left, so clients that trust ca.crt never need a new file.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';

export interface Pki {
  dir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
}

const RENEW_BEFORE_MS = 30 * 24 * 3600 * 1000;

export function pkiPaths(dataDir: string): Pki {
  const dir = join(dataDir, 'pki');
  return { dir, caFile: join(dir, 'ca.crt'), certFile: join(dir, 'apiserver.crt'), keyFile: join(dir, 'apiserver.key') };
}

/** The names a serving certificate covers: loopback, this host's name, the listen address and any extra ones. */
export function servingNames(listenHost: string | undefined, extra: readonly string[] = []): string[] {
  const names = new Set(['localhost', '127.0.0.1', '::1', hostname()]);
  const host = listenHost?.trim();
  if (host && host !== '0.0.0.0' && host !== '::') names.add(host.replace(/^\[|\]$/g, ''));
  for (const name of extra) if (name.trim()) names.add(name.trim());
  return [...names];
}

/** Creates what is missing (or about to expire) and returns the paths. Needs the `openssl` command. */
export function ensurePki(dataDir: string, names: readonly string[], now = new Date()): Pki {
  const pki = pkiPaths(dataDir);
  mkdirSync(pki.dir, { recursive: true, mode: 0o700 });
  const caKey = join(pki.dir, 'ca.key');
  if (!existsSync(pki.caFile) || !existsSync(caKey)) {
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', caKey]);
    openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      caKey,
      '-sha256',
      '-days',
      '3650',
      '-subj',
      '/CN=wheelhouse-ca',
      '-out',
      pki.caFile,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    rmSync(pki.certFile, { force: true });
  }
  if (!servingCertCovers(pki, names, now)) issueServingCert(pki, caKey, names);
  return pki;
}

function servingCertCovers(pki: Pki, names: readonly string[], now: Date): boolean {
  if (!existsSync(pki.certFile) || !existsSync(pki.keyFile)) return false;
  try {
    const cert = new X509Certificate(readFileSync(pki.certFile));
    if (!cert.verify(new X509Certificate(readFileSync(pki.caFile)).publicKey)) return false;
    if (new Date(cert.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return false;
    const sans = cert.subjectAltName ?? '';
    return names.every((name) => sans.includes(isIP(name) ? `IP Address:${ipText(name)}` : `DNS:${name}`));
  } catch {
    return false;
  }
}

function issueServingCert(pki: Pki, caKey: string, names: readonly string[]): void {
  const csr = join(pki.dir, 'apiserver.csr');
  const ext = join(pki.dir, 'apiserver.ext');
  const san = names.map((name) => (isIP(name) ? `IP:${name}` : `DNS:${name}`)).join(',');
  writeFileSync(ext, `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n`);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', pki.keyFile]);
  openssl(['req', '-new', '-key', pki.keyFile, '-subj', '/CN=wheelhouse-apiserver', '-out', csr]);
  openssl(['x509', '-req', '-in', csr, '-CA', pki.caFile, '-CAkey', caKey, '-CAcreateserial', '-days', '365', '-sha256', '-extfile', ext, '-out', pki.certFile]);
  rmSync(csr, { force: true });
  rmSync(ext, { force: true });
}

/** How X509Certificate prints an IP SAN (IPv6 in full lower-case form). */
function ipText(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.map((g) => Number.parseInt(g || '0', 16).toString(16)).join(':');
}

function openssl(args: string[]): void {
  try {
    execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(missing ? 'TLS needs the `openssl` command to make the cluster CA (apt-get install openssl)' : `openssl ${args[0]} failed: ${stderr ?? error}`);
  }
}
