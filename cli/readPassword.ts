// A password for a CLI command: from stdin when piped, else a prompt that echoes nothing — never
// from argv, where it would land in shell history and the process list.
import readline from 'node:readline';

export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0];
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  process.stdout.write(prompt);
  out._writeToOutput = (s: string) => {
    if (s.includes('\n')) process.stdout.write('\n');
  };
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  return answer;
}
