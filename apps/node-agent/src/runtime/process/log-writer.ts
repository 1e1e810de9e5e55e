// Writes one container instance's stdout and stderr to its log file, a record
// per line with the time it was read, rotating by size (kubelet's
// containerLogMaxSize / containerLogMaxFiles): `N.log` is current, `N.log.1` the
// one before, and so on.
import { closeSync, existsSync, fstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { formatRecord, type LogRecord, type LogStream } from './log-format.js';

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

  constructor(
    readonly path: string,
    private readonly rotation: LogRotation,
    /** Told about every whole line, for followers. */
    private readonly onLine: (record: LogRecord) => void,
  ) {
    this.fd = openSync(path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  write(stream: LogStream, chunk: Buffer): void {
    let state = this.pending.get(stream);
    if (!state) this.pending.set(stream, (state = { decoder: new StringDecoder('utf8'), text: '' }));
    state.text += state.decoder.write(chunk);
    let newline: number;
    while ((newline = state.text.indexOf('\n')) !== -1) {
      this.emit(stream, state.text.slice(0, newline), true);
      state.text = state.text.slice(newline + 1);
    }
    while (state.text.length > MAX_RECORD_TEXT) {
      this.emit(stream, state.text.slice(0, MAX_RECORD_TEXT), false);
      state.text = state.text.slice(MAX_RECORD_TEXT);
    }
  }

  /** Writes what is left of unfinished lines and closes the file. */
  close(): void {
    for (const [stream, state] of this.pending) {
      const rest = state.text + state.decoder.end();
      if (rest) this.emit(stream, rest, true);
    }
    this.pending.clear();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private emit(stream: LogStream, text: string, full: boolean): void {
    if (this.fd < 0) return;
    const record: LogRecord = { time: new Date().toISOString(), stream, full, text };
    const bytes = Buffer.from(formatRecord(record));
    if (this.size > 0 && this.size + bytes.length > this.rotation.maxBytes) this.rotate();
    writeSync(this.fd, bytes);
    this.size += bytes.length;
    const before = this.split.get(stream) ?? '';
    if (!full) {
      this.split.set(stream, before + text);
    } else {
      this.split.delete(stream);
      this.onLine(before ? { ...record, text: before + text } : record);
    }
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
