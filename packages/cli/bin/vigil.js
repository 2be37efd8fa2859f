#!/usr/bin/env node
// The `vigil` command. A committed file (not dist/) so npm can link it at install time, before `prepare` builds.
await import('../dist/bin.js');
