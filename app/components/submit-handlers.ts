/** A form's submit handlers when script sends it: on submit, and on Ctrl/⌘+Enter from any field. */
export function submitHandlers(submit: () => void) {
  return {
    onSubmit: (e: React.FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      submit();
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLFormElement>) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        submit();
      }
    },
  };
}
