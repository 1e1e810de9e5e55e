// Writes one container instance's stdout and stderr to its log file, a record
// per line with the time it was read, rotating by size (kubelet's
// containerLogMaxSize / containerLogMaxFiles): `N.log` is current, `N.log.1` the
// one before, and so on.
import { closeSync, existsSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { LogStream } from './log-format.js';

export interface LogRotation {
  /** Rotate once the current file would grow past this (default 10 MiB). */
  maxBytes: number;
  /** Files kept per instance, the current one included (default 2). */
  maxFiles: number;
}

export const DEFAULT_LOG_ROTATION: LogRotation = { maxBytes: 10 * 1024 * 1024, maxFiles: 2 };

/** Lines longer than this are stored in pieces (as containerd does at 16 KiB). */
const MAX_RECORD_TEXT = 16 * 1024;

export class LogWriter {
  private fd: number;
  private size: number;
  private readonly pending = new Map<LogStream, { decoder: StringDecoder; text: string }>();
  /** Pieces of a split line already stored, so followers get it whole. */
  private readonly split = new Map<LogStream, string>();
  /** Records of the chunk being stored, written together. */
  private buffered = '';
  private bufferedBytes = 0;

  constructor(
    readonly path: string,
    private readonly rotation: LogRotation,
    /** Told about every whole line, for followers (plain values: it is called per line). */
    private readonly onLine: (time: string, stream: LogStream, text: string) => void,
  ) {
    this.fd = openSync(path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  /**
   * Stores a chunk of output. Its lines share the time the chunk was read and go to
   * the file in one write, so a chatty container costs a syscall per chunk, not per line.
   */
  write(stream: LogStream, chunk: Buffer): void {
    let state = this.pending.get(stream);
    if (!state) {
      state = { decoder: new StringDecoder('utf8'), text: '' };
      this.pending.set(stream, state);
    }
    const text = state.text + state.decoder.write(chunk);
    const time = new Date().toISOString();
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      // A long line is stored in pieces; only its last piece is full.
      for (; newline - start > MAX_RECORD_TEXT; start += MAX_RECORD_TEXT) this.emit(time, stream, text.slice(start, start + MAX_RECORD_TEXT), false);
      this.emit(time, stream, text.slice(start, newline), true);
      start = newline + 1;
    }
    for (; text.length - start > MAX_RECORD_TEXT; start += MAX_RECORD_TEXT) this.emit(time, stream, text.slice(start, start + MAX_RECORD_TEXT), false);
    state.text = text.slice(start);
    this.flush();
  }

  /** Writes what is left of unfinished lines and closes the file. */
  close(): void {
    const time = new Date().toISOString();
    for (const [stream, state] of this.pending) {
      const rest = state.text + state.decoder.end();
      if (rest) this.emit(time, stream, rest, true);
    }
    this.pending.clear();
    this.flush();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private emit(time: string, stream: LogStream, text: string, full: boolean): void {
    if (this.fd < 0) return;
    const line = `${time} ${stream} ${full ? 'F' : 'P'} ${text}\n`;
    const length = Buffer.byteLength(line);
    const stored = this.size + this.bufferedBytes;
    if (stored > 0 && stored + length > this.rotation.maxBytes) {
      this.flush();
      this.rotate();
    }
    this.buffered += line;
    this.bufferedBytes += length;
    const before = this.split.get(stream);
    if (!full) {
      this.split.set(stream, (before ?? '') + text);
    } else {
      if (before !== undefined) this.split.delete(stream);
      this.onLine(time, stream, before ? before + text : text);
    }
  }

  private flush(): void {
    if (this.bufferedBytes === 0 || this.fd < 0) return;
    writeSync(this.fd, this.buffered);
    this.size += this.bufferedBytes;
    this.buffered = '';
    this.bufferedBytes = 0;
  }

  private rotate(): void {
    closeSync(this.fd);
    const last = this.rotation.maxFiles - 1;
    if (last <= 0) {
      rmSync(this.path, { force: true });
    } else {
      rmSync(`${this.path}.${last}`, { force: true });
      for (let i = last - 1; i >= 1; i--) if (existsSync(`${this.path}.${i}`)) renameSync(`${this.path}.${i}`, `${this.path}.${i + 1}`);
      renameSync(this.path, `${this.path}.1`);
    }
    this.fd = openSync(this.path, 'a');
    this.size = 0;
  }
}

/** The files of one instance's log, oldest first. */
export function logFilesOf(path: string, rotation: LogRotation): string[] {
  const files: string[] = [];
  for (let i = rotation.maxFiles - 1; i >= 1; i--) if (existsSync(`${path}.${i}`)) files.push(`${path}.${i}`);
  if (existsSync(path)) files.push(path);
  return files;
}
