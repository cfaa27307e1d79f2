/**
 * The two Web APIs the core uses (content ids), declared here instead of pulling in the DOM
 * or Workers type libraries: both exist in Node >= 20, workerd and browsers.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare const crypto: {
  readonly subtle: {
    digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  };
};
