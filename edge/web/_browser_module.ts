/**
 * Test helper: loads one of the browser modules (a JavaScript string) as an
 * ES module through a `data:` URL, so Deno tests exercise the exact text the
 * edge serves. Only modules without imports can be loaded this way.
 *
 * @module
 */

/**
 * Imports JavaScript source as a module.
 *
 * @param source The module text.
 * @returns The module namespace, typed by the caller.
 */
export async function importBrowserModule<T>(source: string): Promise<T> {
  return await import(
    `data:text/javascript;charset=utf-8,${encodeURIComponent(source)}`
  ) as T;
}
