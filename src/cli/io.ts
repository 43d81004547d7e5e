/** What a CLI command writes to and reads from: the process's streams, env and cwd, or a test's. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  now?: () => Date;
}
