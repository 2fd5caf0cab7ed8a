// The entry of `folio export static`'s render threads (export/static/render-pool.ts): each opens
// its own runtime and app on the export's database and renders the URLs it is sent.
import type { Config } from '../config/config.ts';
import { renderThreadData, serveRenders } from '../export/static/render-thread.ts';
import { inProcessRenderer, type RenderEnv } from '../export/static/render-url.ts';
import { openRuntime } from '../runtime.ts';
import { buildApp } from '../web/app.ts';

/** What a render thread is started with. */
export interface ExportStaticWorkerData {
  readonly config: Config;
  readonly env: RenderEnv;
}

const { config, env } = renderThreadData<ExportStaticWorkerData>();
const runtime = await openRuntime(config);
const folio = await buildApp(runtime);
serveRenders(inProcessRenderer(folio.app, runtime.editions, env), async () => {
  await folio.app.close();
  await runtime.close();
});
