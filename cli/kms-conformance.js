#!/usr/bin/env node
// The `kms-conformance` bin: runs the TypeScript command through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('./kms-conformance.ts');
