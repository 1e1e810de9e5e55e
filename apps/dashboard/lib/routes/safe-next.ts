/**
 * Where to go after signing in: the `next` parameter only when it is a path of this
 * dashboard. Browsers read `/\evil.example/` as `//evil.example/` (a backslash is a
 * slash in http URLs), so the check is the URL parser's, not a prefix test.
 */
export function safeNext(next: string | null | undefined, origin: string): string {
  if (!next?.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
