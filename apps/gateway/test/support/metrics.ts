import type { TestGateway } from './test-app';

/** The sum of every sample of a Prometheus metric (a name with or without labels) at the gateway's /metrics. */
export async function metric(gw: TestGateway, name: string): Promise<number> {
  const text = await (await fetch(gw.url.replace('/graphql', '/metrics'))).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(name))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}
