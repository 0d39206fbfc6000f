import { NextResponse } from "next/server";
import { databaseHealthy } from "@/db/ops/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await databaseHealthy();
  return NextResponse.json({ status: db ? "ok" : "degraded", db: db ? "ok" : "unreachable" }, { status: db ? 200 : 503 });
}
