/**
 * Kubernetes' default pull policy (SetDefaults_Container): `Always` for the moving
 * `latest` tag (also implied when no tag or digest is given), `IfNotPresent`
 * otherwise. A digest alone pins the image, so it is IfNotPresent.
 */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  if (!image) return 'IfNotPresent';
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const hasDigest = at >= 0;
  // A colon before the last slash is a registry port (registry:5000/app), not a tag.
  const colon = name.lastIndexOf(':');
  const tag = colon > name.lastIndexOf('/') ? name.slice(colon + 1) : '';
  if (tag === 'latest' || (tag === '' && !hasDigest)) return 'Always';
  return 'IfNotPresent';
}
