/** Bindings declared in wrangler.toml. */
export interface Env {
  /** result blobs, results/<id>.json */
  RESULTS: R2Bucket;
}

export type AppEnv = { Bindings: Env };
