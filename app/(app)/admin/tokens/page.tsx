import type { Metadata } from "next";
import { listTokens } from "@/db/queries/admin/tokens";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { AdminTable, TableSection } from "@/app/components/admin-table";
import { CreateTokenForm } from "./create-token-form";
import { TokenRow } from "./token-row";

export const metadata: Metadata = { title: "API tokens" };

const columns = ["Name", "Token", "Role", "Created by", "Created", "Last used", "Status"];

export default async function TokensPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const tokens = await listTokens({ actor });
  const active = tokens.filter((t) => !t.revokedAt).length;
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">API tokens</h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {active} active of {tokens.length}. Tokens are stored hashed; only the first characters are kept to tell them apart.
        </p>
      </div>
      <section className={`${cardClass} p-4 sm:p-5`}>
        <CreateTokenForm />
      </section>
      <TableSection
        titleId="tokens-table-title"
        title="All API tokens"
        isEmpty={tokens.length === 0}
        emptySize="compact"
        empty="No API tokens yet. Create one above for scripts and integrations."
      >
        <AdminTable columns={columns} actions="sr-only">
          {tokens.map((token) => (
            <TokenRow key={token.id} token={token} />
          ))}
        </AdminTable>
      </TableSection>
    </div>
  );
}
