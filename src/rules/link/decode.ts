// Decoding a shared link: the payload pulled out of what was pasted, then read step by step (size,
// base64url, JSON, schema version and its migrations, unknown keys) before its answers are read.
import { shownValue } from '../message-text';
import type { FieldMessage } from '../types';
import { fromBase64Url } from './base64url';
import { readCover, readLinkAnswers } from './read-answers';
import {
  knownKeys,
  linkSchemaVersion,
  maxPayloadLength,
  newerSchemaField,
  sharedRoutePrefix,
  type DecodedLink,
  type Payload,
} from './wire';

/** Pulls the payload out of a pasted link, forgiving what chat tools add around it. */
export function extractPayload(link: string): string {
  const trimmed = link.trim();
  const at = trimmed.indexOf(sharedRoutePrefix);
  const raw = at >= 0 ? trimmed.slice(at + sharedRoutePrefix.length) : trimmed;
  // Chat tools wrap long lines and add closing punctuation or angle brackets.
  return raw
    .replace(/\s+/g, '')
    .replace(/[?&].*$/, '')
    .replace(/[).,;:!'">\]]+$/, '');
}

// Older payload schemas upgrade one step at a time to the current one.
const migrations: Readonly<Record<number, (payload: Payload) => Payload>> = {};

function migrate(payload: Payload, from: number, problems: FieldMessage[]): Payload | null {
  let current = payload;
  for (let version = from; version < linkSchemaVersion; version += 1) {
    const step = migrations[version];
    if (step === undefined) {
      problems.push({
        field: 'link',
        message: `This link uses schema ${from}, which this version of the wizard cannot read.`,
      });
      return null;
    }
    current = step(current);
  }
  return current;
}

/**
 * Reads a shared link (or its bare payload). Unknown or malformed values are replaced by a default
 * and listed in `problems`; whether the answers make a plan is then up to `validate`.
 */
export function decodePlanLink(link: unknown): DecodedLink {
  if (typeof link !== 'string')
    return { ok: false, problems: [{ field: 'link', message: 'The link is empty.' }] };
  const payloadText = extractPayload(link);
  if (payloadText === '')
    return { ok: false, problems: [{ field: 'link', message: 'The link holds no plan.' }] };
  if (payloadText.length > maxPayloadLength) {
    return {
      ok: false,
      problems: [
        { field: 'link', message: 'The link is far longer than any plan link; it was not read.' },
      ],
    };
  }
  const json = fromBase64Url(payloadText);
  if (json === null) {
    return {
      ok: false,
      problems: [
        {
          field: 'link',
          message: 'The link is damaged or cut short: its plan data cannot be read.',
        },
      ],
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {
      ok: false,
      problems: [
        {
          field: 'link',
          message: 'The link is cut short or damaged: its plan data is incomplete.',
        },
      ],
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, problems: [{ field: 'link', message: 'The link does not hold a plan.' }] };
  }
  const problems: FieldMessage[] = [];
  const raw = parsed as Payload;
  const version = raw['v'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      problems: [
        {
          field: 'link',
          message: 'The link has no schema version; it was not made by this wizard.',
        },
      ],
    };
  }
  if (version > linkSchemaVersion) {
    return {
      ok: false,
      problems: [
        {
          field: newerSchemaField,
          message: `The link was made by a newer version of the wizard (link schema ${version}; this copy reads up to ${linkSchemaVersion}).`,
        },
      ],
    };
  }
  const payload = migrate(raw, version, problems);
  if (payload === null) return { ok: false, problems };

  for (const key of Object.keys(payload)) {
    if (!knownKeys.has(key))
      problems.push({
        field: 'link',
        message: `The link has an unknown entry "${shownValue(key)}"; it was ignored.`,
      });
  }

  const input = readLinkAnswers(payload, problems);
  const cover = readCover(payload['cv'], problems);
  return {
    ok: true,
    input,
    schemaVersion: version,
    problems,
    ...(cover === undefined ? {} : { cover }),
  };
}
