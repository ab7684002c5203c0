import { cpus, release, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  model: string;
  memGB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    memGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch} ${release()}`,
  };
}
