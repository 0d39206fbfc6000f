/**
 * The "add one" form of an admin page: a titled, no-validate form whose submit is handled in
 * script (the browser's own submit is prevented). The title names the form for assistive tech.
 */
export function CreateForm({
  formRef,
  heading,
  pending,
  onSubmit,
  children,
}: {
  formRef: React.Ref<HTMLFormElement>;
  /** name: what is created; the title's id is create-{name}-title. */
  heading: { name: string; title: React.ReactNode; intro: React.ReactNode };
  pending: boolean;
  onSubmit: (form: HTMLFormElement) => unknown;
  children: React.ReactNode;
}) {
  const titleId = `create-${heading.name}-title`;
  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby={titleId}
      aria-busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(event.currentTarget);
      }}
    >
      <h2 id={titleId} className="text-base font-semibold">
        {heading.title}
      </h2>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{heading.intro}</p>
      {children}
    </form>
  );
}
