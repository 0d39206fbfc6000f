import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="font-mono text-sm text-zinc-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">This page or incident does not exist, or you do not have access to it.</p>
      <Link href="/incidents" className="mt-6 inline-block text-sm font-medium text-blue-700 underline dark:text-blue-400">
        Back to incidents
      </Link>
    </main>
  );
}
