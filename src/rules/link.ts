// Shared plan links: every answer (never the progress) packed into a URL fragment that survives
// chat tools, static hosts and sub-paths. Decoding never throws and never trusts what it reads.
// This file is the codec's entry point; its parts live in ./link/.
export {
  linkSchemaVersion,
  newerSchemaField,
  sharedRoutePrefix,
  type DecodedLink,
  type LinkOptions,
} from './link/wire';
export { buildPlanLink, encodePlanPayload, linkInputOf, planLinkFor } from './link/encode';
export { decodePlanLink, extractPayload } from './link/decode';
