#!/usr/bin/env node
// Launcher for the `bbp` command: runs the TypeScript CLI through tsx's loader, so the
// command works straight after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
