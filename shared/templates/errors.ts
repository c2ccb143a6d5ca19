/** A template asked for with options it cannot build (bad depth, bad input shape...). */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}
