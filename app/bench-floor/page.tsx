import { notFound } from "next/navigation";
import { requireActor } from "@/server/auth/session";
import { env } from "@/server/env";
import { benchFloorRows } from "@/db/queries/incidents/bench-floor";

export const dynamic = "force-dynamic";

/**
 * The framework floor `npm run bench` measures pages against: a signed-in page reading 50 rows,
 * outside the app shell. Served only when the server runs with HINDSIGHT_BENCH_FLOOR=1.
 */
export default async function BenchFloorPage() {
  if (!env("HINDSIGHT_BENCH_FLOOR")) notFound();
  const actor = await requireActor();
  const rows = await benchFloorRows({ actor });
  return (
    <main className="p-4">
      <h1 className="text-lg font-semibold">Bench floor: {rows.length} incidents</h1>
      <table className="text-sm">
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>INC-{row.id}</td>
              <td>{row.severity}</td>
              <td>{row.status}</td>
              <td>{row.title}</td>
              <td>{new Date(row.startedAt).toISOString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
