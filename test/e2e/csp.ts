// The Content-Security-Policy the site is tested under, and the one docs/intranet-hosting.md tells nginx to
// send (a test checks the two are the same string). Framework writes an inline <script type="module"> in
// every page and inline style attributes, hence 'unsafe-inline' for scripts and styles; Plot and Inputs
// draw nothing from outside; downloads are made from blob: URLs, which navigation does not restrict.
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
