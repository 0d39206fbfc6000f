import "server-only";
import fs from "node:fs";
import path from "node:path";
import { ApiReference } from "@scalar/nextjs-api-reference";

/**
 * The interactive reference at /api/docs: Scalar's standalone bundle, served from this origin
 * (a self-hosted install is often offline, and the CSP allows scripts from 'self' with the
 * request's nonce only). The version in the URL lets browsers keep the 4 MB bundle.
 */
export const SCALAR_BUNDLE_PATH = "/api/docs/scalar.js";

const scalarDir = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@scalar", "api-reference");
let bundle: Buffer | null = null;
let version: string | null = null;

/** The standalone bundle from node_modules, read once. */
export function scalarBundle(): Buffer {
  bundle ??= fs.readFileSync(path.join(scalarDir(), "dist", "browser", "standalone.js"));
  return bundle;
}

export function scalarBundleUrl(): string {
  version ??= (JSON.parse(fs.readFileSync(path.join(scalarDir(), "package.json"), "utf8")) as { version: string }).version;
  return `${SCALAR_BUNDLE_PATH}?v=${encodeURIComponent(version)}`;
}

/** The reference page's HTML, with the request's CSP nonce on its scripts. */
export function referencePage(nonce: string | null): Response {
  const render = ApiReference({
    url: "/api/v1/openapi.json",
    pageTitle: "Hindsight API reference",
    cdn: scalarBundleUrl(),
    ...(nonce ? { nonce } : {}),
    // Nothing from other origins: no web fonts, telemetry, hosted proxy or MCP/agent extras.
    withDefaultFonts: false,
    telemetry: false,
    mcp: { disabled: true },
    agent: { disabled: true },
    showDeveloperTools: "never",
    hideClientButton: true,
    documentDownloadType: "json",
    persistAuth: false,
  });
  return render();
}
