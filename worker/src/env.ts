/** Bindings declared in wrangler.toml. */
export interface Env {
  /** result blobs, results/<id>.json */
  RESULTS: R2Bucket;
  /** the built report site (site/dist); its results/<id>.json are the prerendered figures' documents */
  ASSETS?: Fetcher;
}

export type AppEnv = { Bindings: Env };
