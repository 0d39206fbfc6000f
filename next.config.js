/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules, and the logger and metrics registry shared with scripts/server.mjs: keep them out of the server bundle.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pino", "prom-client"],
  poweredByHeader: false,
  // Type checking runs once for the whole project (`npm run typecheck`, in .ci/run), not inside every build.
  typescript: { ignoreBuildErrors: true },
  // Each test run builds into its own folder when NEXT_DIST_DIR is set.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};
module.exports = nextConfig;
