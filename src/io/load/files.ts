/** The files the chunked loop reads (see `drive`): bytes in memory, a file with `fs.readSync`, or with `fs.createReadStream`. */
import type { ChunkFile } from './rows.js';

type NodeFs = typeof import('node:fs');

/** A file read in chunks of `chunkSize` bytes with `fs.readSync`, for synchronous callers (the command line). */
export function syncChunks(fs: NodeFs, path: string | URL, chunkSize: number): ChunkFile<true> {
  const buffer = new Uint8Array(chunkSize);
  let fd: number | undefined;
  return {
    open() {
      fd = fs.openSync(path, 'r');
    },
    next() {
      const n = fs.readSync(fd!, buffer, 0, chunkSize, null);
      // The buffer is reused: the text reader copies what it keeps.
      return n === 0 ? undefined : buffer.subarray(0, n);
    },
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}

/** A file streamed with `fs.createReadStream` in chunks of `highWaterMark` bytes. */
export function streamChunks(fs: NodeFs, path: string | URL, highWaterMark: number): ChunkFile {
  let stream: import('node:fs').ReadStream | undefined;
  let chunks: AsyncIterator<Uint8Array> | undefined;
  return {
    open() {
      stream = fs.createReadStream(path, { highWaterMark });
      chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
    },
    next() {
      return chunks!.next().then((next) => (next.done ? undefined : next.value));
    },
    close() {
      stream?.destroy();
      stream = undefined;
    },
  };
}

/** Bytes in memory as one chunk (again for each reading). */
export function memoryChunks(bytes: Uint8Array): ChunkFile<true> {
  let given = false;
  return {
    open() {
      given = false;
    },
    next() {
      if (given) return undefined;
      given = true;
      return bytes;
    },
    close() {},
  };
}
