/** An environment file after validation: several data images provisioned as one unit. */
export interface EnvironmentDefinition {
  /** Absolute path of the environment file. */
  file: string;
  name: string;
  /** In the order written: the first is the primary instance, and migrations run in this order. */
  instances: EnvironmentInstance[];
}

export interface EnvironmentInstance {
  /** Host name on the environment's network. */
  name: string;
  image: string;
  /** Absolute migration folders by database name (from the definition, then the file). */
  migrations: Record<string, string[]>;
}

/** The environment and instance a clone belongs to, as its labels record them. */
export interface CloneMembership {
  environment: string;
  instance: string;
  /** The instance's position in the environment file. */
  index: number;
  /** The Docker network the environment's clones share. */
  network: string;
}
