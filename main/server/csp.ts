// The studio page's Content-Security-Policy, the same for Electron and web mode: only the
// app's own scripts, no eval, no plugins, no framing, and connections only back to its origin.
export interface CspOptions {
  /** Extra connect-src entries, e.g. the WebSocket origin in web mode. */
  connect?: string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow positions nodes with inline style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...(options.connect ?? [])].join(' ')}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
