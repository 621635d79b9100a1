/**
 * Where to go after signing in. Only same-site paths are accepted: a crafted link must not be
 * able to send a freshly signed-in person to another site (open redirect). Used by the sign-in
 * page and by the server's OpenID Connect callback, which carries it through the provider.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in')) return null;
  return value;
}
