'use strict';
// dockerode loads @grpc/grpc-js, @grpc/proto-loader and protobufjs for BuildKit only (buildImage
// with version 2, followProgress of a BuildKit build), which dataclone never uses. tsconfig.json's
// `paths` give the bundles this stand-in instead: none of that code, its protos or its load time
// ship. Anything that reaches for it fails saying so.
module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (typeof name !== 'string' || name === '__esModule' || name === 'default') return undefined;
      return () => {
        throw new Error(`dataclone's bundles leave out BuildKit's gRPC and protobuf code (${name})`);
      };
    },
  },
);
