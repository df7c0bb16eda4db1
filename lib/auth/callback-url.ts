/** Where to go after signing in: only a path of our own site (no scheme, no `//host`), else the newsroom. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) {
    return '/newsroom';
  }
  return candidate;
}
