import { mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import type { AuditEvent } from './audit-event.js';

export interface AuditLogOptions {
  /** The log file; rotated copies beside it as `<file>.1` (newest) … `<file>.<maxBackups>`. */
  path: string;
  /** Rotate when the file reaches this size (rotating-file-stream's units: `100M`, `64K`). */
  maxSize: string;
  maxBackups: number;
  /** Also log reads and watches, not only writes (Kubernetes' Metadata level for every request). */
  everything: boolean;
}

/** One JSON audit event per line (kube-apiserver's --audit-log-format=json), with size-based rotation. */
export class AuditLog {
  private readonly stream: RotatingFileStream;

  constructor(readonly options: AuditLogOptions) {
    mkdirSync(dirname(options.path), { recursive: true });
    const file = basename(options.path);
    // In logrotate mode the generator gets the backup index alone (null for the live file).
    const name = (index: unknown) => (typeof index === 'number' && index > 0 ? `${file}.${index}` : file);
    this.stream = createStream(name as (time: number | Date, index?: number) => string, {
      path: dirname(options.path),
      size: options.maxSize,
      rotate: options.maxBackups,
      mode: 0o600,
    });
    // A full disk must not take the API down; the events are lost, said once per failure.
    this.stream.on('error', (error) => console.error(`audit log ${options.path}: ${error.message}`));
  }

  write(events: readonly AuditEvent[]): void {
    if (events.length === 0) return;
    this.stream.write(`${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.stream.end(resolve));
  }
}
