/**
 * What stands between `cdk deploy` and a firm's real deployment: the firm's committed deployment
 * file (firm/deploy.json) read, every file it names checked to exist, and the examples the
 * project ships (the fictional firm, its roster of @example.com attorneys, intake@example.com)
 * refused, so a forgotten setting stops the synth instead of deploying a firm that delivers
 * nothing. `demo=true` allows the examples, for a demonstration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  CONFIG_KEYS,
  DEPLOY_FILE,
  EXAMPLE_CONFIG,
  envName,
  type InfraConfig,
  InfraConfigError,
} from './config';

/** The examples the project ships, and where the guide tells the admin to copy them. */
export const EXAMPLE_FILES = {
  firmFile: { example: 'prompts/firm.yaml', copy: 'firm/firm.yaml' },
  rosterFile: { example: 'prompts/roster.example.yaml', copy: 'firm/roster.yaml' },
} as const;

/** Addresses and origins at the domains reserved for examples (RFC 2606): they reach nobody. */
const EXAMPLE_DOMAIN = /[@/.]example\.(com|org|net)(:\d+)?$/i;

const COPY_STEP = `mkdir -p firm && cp ${EXAMPLE_FILES.firmFile.example} ${EXAMPLE_FILES.firmFile.copy} && cp ${EXAMPLE_FILES.rosterFile.example} ${EXAMPLE_FILES.rosterFile.copy} && cp infra/deploy.example.json ${DEPLOY_FILE}`;

/**
 * The deployment file's values: the file the `config` context or AMPARO_CONFIG names (which must
 * exist), else firm/deploy.json if there is one, else none.
 */
export function readDeployFile(
  root: string,
  context: (key: string) => unknown,
  env: Record<string, string | undefined>,
): { name: string; values: Record<string, unknown> } {
  const named = context('config') ?? env.AMPARO_CONFIG;
  const name = typeof named === 'string' && named ? named : DEPLOY_FILE;
  const path = resolve(root, name);
  if (!existsSync(path)) {
    if (name !== DEPLOY_FILE) {
      throw new InfraConfigError(
        `Invalid deployment configuration:\n  config (context or AMPARO_CONFIG): ${name} does not exist`,
      );
    }
    return { name, values: {} };
  }
  let values: unknown;
  try {
    values = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InfraConfigError(
      `Invalid deployment configuration:\n  ${name} is not JSON: ${(error as Error).message}`,
    );
  }
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    throw new InfraConfigError(`Invalid deployment configuration:\n  ${name} is not a JSON object`);
  }
  const unknown = Object.keys(values).filter(
    (k) => !k.startsWith('//') && !CONFIG_KEYS.includes(k),
  );
  if (unknown.length) {
    throw new InfraConfigError(
      `Invalid deployment configuration:\n  ${name} has unknown keys: ${unknown.join(', ')} (known: ${CONFIG_KEYS.join(', ')})`,
    );
  }
  return { name, values: values as Record<string, unknown> };
}

const samePath = (root: string, a: string, b: string) =>
  relative(resolve(root, a), resolve(root, b)) === '';

/**
 * The content files to deploy, checked: each exists, and, unless `demo`, is not the example.
 * Throws one InfraConfigError naming every problem and the copy step that fixes it.
 */
export function deployableFiles(
  config: InfraConfig,
  root: string,
  fileName = DEPLOY_FILE,
): { firmFile: string; rosterFile: string } {
  const problems: string[] = [];
  const files = { firmFile: '', rosterFile: '' };
  for (const key of ['firmFile', 'rosterFile'] as const) {
    const { example, copy } = EXAMPLE_FILES[key];
    const given = config[key];
    const where = `${key} (in ${fileName}, -c ${key}=… or AMPARO_${key === 'firmFile' ? 'FIRM' : 'ROSTER'}_FILE)`;
    if (!given && !config.demo) {
      problems.push(
        `${where}: not set. Copy ${example} to ${copy}, make it your firm's, and set ${key} to "${copy}"`,
      );
      continue;
    }
    const file = given ?? example;
    if (!config.demo && samePath(root, file, example)) {
      problems.push(
        `${where}: ${file} is the example the project ships. Copy it to ${copy}, make it your firm's, and set ${key} to "${copy}" (or deploy a demonstration with -c demo=true)`,
      );
      continue;
    }
    const path = isAbsolute(file) ? file : resolve(root, file);
    if (!existsSync(path)) {
      problems.push(
        `${where}: ${file} does not exist (paths are relative to the project: ${root}). Copy ${example} to ${copy} first`,
      );
      continue;
    }
    // Absolute: the content loader would read a relative path from the working directory.
    files[key] = path;
  }
  if (!config.demo) {
    const examples: Array<[string, string[]]> = [
      ['senderAddress', [config.senderAddress]],
      ['alarmEmail', [config.alarmEmail]],
      ['allowedOrigins', config.allowedOrigins],
    ];
    for (const [key, values] of examples) {
      const fake = values.filter(
        (v) => v === EXAMPLE_CONFIG[key as keyof typeof EXAMPLE_CONFIG] || EXAMPLE_DOMAIN.test(v),
      );
      if (fake.length) {
        problems.push(
          `${key} (in ${fileName}, -c ${key}=… or ${envName(key)}): ${fake.join(', ')} ${fake.length > 1 ? 'are example values' : 'is an example value'}; set your firm's`,
        );
      }
    }
  }
  if (problems.length) {
    throw new InfraConfigError(
      `Not deployable as configured:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
        `The guide's first step (infra/README.md "Configuration"):\n  ${COPY_STEP}\n` +
        'then edit the three files.',
    );
  }
  return files;
}

/**
 * The examples left inside the firm's own copies: the example firm's name or phone, roster
 * addresses at example.com/.org/.net. Refused unless `demo`.
 */
export function exampleContent(
  root: string,
  firm: { name: string; phone?: string },
  roster: { intakeEmail: string; onCallEmail: string; attorneys: Array<{ email: string }> },
): string[] {
  const example = parse(readFileSync(resolve(root, EXAMPLE_FILES.firmFile.example), 'utf8')) as {
    name?: string;
    phone?: string;
  };
  const found: string[] = [];
  if (firm.name === example.name) found.push(`firmFile: the name is still "${firm.name}"`);
  if (example.phone && firm.phone === example.phone)
    found.push(`firmFile: the phone is still the example's ${firm.phone}`);
  const addresses = [
    roster.intakeEmail,
    roster.onCallEmail,
    ...roster.attorneys.map((a) => a.email),
  ];
  const fake = addresses.filter((a) => EXAMPLE_DOMAIN.test(a));
  if (fake.length)
    found.push(`rosterFile: example addresses (mail to them goes nowhere): ${fake.join(', ')}`);
  return found;
}
