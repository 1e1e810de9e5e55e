/**
 * The exec stream protocol between `wh`/the dashboard, the API and the node agent: Kubernetes'
 * channel.k8s.io framing over a WebSocket. Every binary message starts with its channel byte;
 * the status channel carries a Kubernetes Status as JSON, sent once before the server closes.
 * 255 followed by a channel closes that channel (v5.channel.k8s.io: end of stdin).
 */
export const EXEC_SUBPROTOCOL = 'v5.channel.k8s.io';

export const Channel = { stdin: 0, stdout: 1, stderr: 2, status: 3, resize: 4, close: 255 } as const;

export interface ExecStatus {
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { causes?: { reason: string; message: string }[] };
}

export const frame = (channel: number, data: Uint8Array | string): Buffer => Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data) : data]);

/** The Status the kubelet reports for a finished command: Success, or NonZeroExitCode with the code as a cause. */
export function exitStatus(exitCode: number): ExecStatus {
  if (exitCode === 0) return { status: 'Success' };
  return {
    status: 'Failure',
    reason: 'NonZeroExitCode',
    message: `command terminated with non-zero exit code: error executing command, exit status ${exitCode}`,
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** The exit code a Status stands for: 0, its ExitCode cause, or 1 for any other failure (kubectl's). */
export function exitCodeOf(status: ExecStatus): number {
  if (status.status === 'Success') return 0;
  const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
  const code = cause ? Number(cause.message) : Number.NaN;
  return Number.isInteger(code) ? code : 1;
}
