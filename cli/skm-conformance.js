#!/usr/bin/env node
// The `skm-conformance` bin: runs the TypeScript command through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('./skm-conformance.ts');
