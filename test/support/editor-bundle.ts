/**
 * The editor's browser bundle for tests run without `npm run build` (scripts/test.sh builds it too):
 * built when missing or older than its sources, before the asset catalogue first reads the folder.
 */
interface EditorBuild {
  editorBundleStale(): boolean;
  buildEditor(): Promise<void>;
}

/** Builds src/web/assets/editor.js if it is missing or stale. */
export async function ensureEditorBundle(): Promise<void> {
  const build = (await import(new URL('../../scripts/build-editor.mjs', import.meta.url).href)) as EditorBuild;
  if (build.editorBundleStale()) await build.buildEditor();
}
