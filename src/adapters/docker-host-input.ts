import { dockerHostFromEnvironment, type DockerHost } from '../docker/docker-host.js';

/** The Docker host named by the docker-host input, else DOCKER_HOST or the local socket. */
export function dockerHostFor(given: string): DockerHost {
  if (given) process.env.DOCKER_HOST = given;
  return dockerHostFromEnvironment(given ? `docker-host ${given}` : undefined);
}
