import type { Metadata } from "next";
import { listTokens } from "@/db/queries/tokens";
import { cardClass } from "@/app/components/ui";
import { AdminForbidden, adminActor } from "../admin-guard";
import { tableClass, tbodyClass, thClass, theadClass } from "../table-classes";
import { CreateTokenForm } from "./create-token-form";
import { TokenRow } from "./token-row";

export const metadata: Metadata = { title: "API tokens" };

const columns = ["Name", "Token", "Role", "Created by", "Created", "Last used", "Status"];

export default async function TokensPage() {
  const actor = await adminActor();
  if (!actor) return <AdminForbidden />;
  const tokens = listTokens({ actor });
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
      <section aria-labelledby="tokens-table-title" className={`${cardClass} overflow-hidden`}>
        <h2 id="tokens-table-title" className="sr-only">
          All API tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="p-6 text-center text-sm text-zinc-500">No API tokens yet. Create one above for scripts and integrations.</p>
        ) : (
          <table className={tableClass}>
            <thead className={theadClass}>
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className={thClass}>
                    {c}
                  </th>
                ))}
                <th scope="col" className={`${thClass} text-right`}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className={tbodyClass}>
              {tokens.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
