// hostPath `type` checks as the kubelet makes them before mounting (pkg/volume/hostpath,
// checkType and its FileTypeChecker): *OrCreate makes what is missing, the others
// require the kind of file they name; the messages are the kubelet's.
import { closeSync, mkdirSync, openSync, statSync, type Stats } from 'node:fs';

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Throws `hostPath type check failed: …` when `path` is not what `type` asks for. */
export function checkHostPathType(path: string, type: string): void {
  const stat = statOf(path);
  const fail = (what: string): never => {
    throw new Error(`hostPath type check failed: ${path} ${what}`);
  };
  switch (type) {
    case '':
      // No check: whatever is there (or nothing) is mounted, as Kubernetes does.
      return;
    case 'DirectoryOrCreate':
      if (!stat) {
        mkdirSync(path, { recursive: true, mode: 0o755 });
        return;
      }
      if (!stat.isDirectory()) fail('is not a directory');
      return;
    case 'Directory':
      if (!stat) fail('does not exist');
      if (!stat!.isDirectory()) fail('is not a directory');
      return;
    case 'FileOrCreate':
      if (!stat) {
        // MakeFile: the file only, not its parent directories.
        try {
          closeSync(openSync(path, 'a', 0o644));
        } catch (error) {
          fail(`could not be created: ${(error as Error).message}`);
        }
        return;
      }
      if (!stat.isFile()) fail('is not a file');
      return;
    case 'File':
      if (!stat) fail('does not exist');
      if (!stat!.isFile()) fail('is not a file');
      return;
    case 'Socket':
      if (!stat) fail('does not exist');
      if (!stat!.isSocket()) fail('is not a socket file');
      return;
    case 'CharDevice':
      if (!stat) fail('does not exist');
      if (!stat!.isCharacterDevice()) fail('is not a character device');
      return;
    case 'BlockDevice':
      if (!stat) fail('does not exist');
      if (!stat!.isBlockDevice()) fail('is not a block device');
      return;
    default:
      fail(`has an unknown type ${type}`);
  }
}
