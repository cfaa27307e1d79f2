import type { Progress } from '../shared/src/types.ts';

/**
 * A one-line progress bar on a terminal stream; silent when the stream is not a TTY, so
 * pipes and CI logs stay clean. Redraws at most every 100 ms.
 */
export function progressBar(stream: NodeJS.WriteStream, label: string): Progress | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  let drawn = false;
  const width = 30;
  process.once('beforeExit', () => {
    if (drawn) stream.write('\r\x1b[2K');
  });
  return (done, total, stage) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    drawn = true;
    const frac = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(frac * width);
    stream.write(`\r\x1b[2K${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(frac * 100)}%${stage ? ` ${stage}` : ''}`);
  };
}
