import type Docker from 'dockerode';

/** What `work` returned, and the containers of `job` Docker created while it ran. */
export async function containersCreatedDuring<T>(
  docker: Docker,
  job: string,
  work: () => Promise<T>,
): Promise<{ result: T; created: string[] }> {
  const since = Date.now() / 1000;
  const result = await work();
  const until = Date.now() / 1000 + 0.5;
  await new Promise((resolve) => setTimeout(resolve, 600)); // the event stream ends once until has passed
  const stream = await docker.getEvents({
    since,
    until,
    filters: { type: ['container'], event: ['create'], label: [`dataclone.owner=${job}`] },
  });
  const text = await new Promise<string>((resolve, reject) => {
    let body = '';
    stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    stream.on('end', () => resolve(body));
    stream.on('error', reject);
  });
  const created = text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { id: string }).id);
  return { result, created };
}
