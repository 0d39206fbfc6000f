/** The form-level outcome under a form: an error (role=alert) or a success note (role=status). */
export function FormMessage({ error, success }: { error?: string | null; success?: React.ReactNode }) {
  if (error) {
    return (
      <p
        role="alert"
        className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
      >
        {error}
      </p>
    );
  }
  if (success) {
    return (
      <p
        role="status"
        className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-200"
      >
        {success}
      </p>
    );
  }
  return null;
}
