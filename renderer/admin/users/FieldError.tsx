/** A field's error, next to it, announced as it appears; `id` ties it to the field (aria-describedby). */
export function FieldError({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" id={id} data-testid={id}>
      {message}
    </p>
  );
}
