declare namespace Cloudflare {
  interface Env {
    RESULTS: R2Bucket;
  }
  interface GlobalProps {
    mainModule: typeof import('../../worker/src/index.ts');
  }
}
